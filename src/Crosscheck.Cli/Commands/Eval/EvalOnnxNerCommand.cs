using System.CommandLine;
using System.Diagnostics;
using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Onnx;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary><c>crosscheck eval onnx-ner --ner-model DIR</c>: CoNLL-2003 precision/recall/F1 per type of an ONNX token classifier, and its speed.</summary>
public static class EvalOnnxNerCommand
{
    public static Command Create()
    {
        var nerModel = NerModelOption.Create();
        var data = new Option<string?>("--data") { Description = "Folder holding CoNLL-2003 test.txt (default: ../shared/eval/conll2003)." };
        var split = new Option<string>("--split") { Description = "test or valid.", DefaultValueFactory = _ => "test" };
        var limit = new Option<int>("--limit") { Description = "Score only the first N documents (0: all)." };
        var batch = new Option<int>("--batch-size") { Description = "Sequences per model run.", DefaultValueFactory = _ => new OnnxOptions().BatchSize };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads inside one run (0: its default).", DefaultValueFactory = _ => 1 };
        var command = new Command("onnx-ner", "Precision, recall and F1 by type of an ONNX NER model on CoNLL-2003, and its tagging speed (docs/ONNX.md).")
        {
            nerModel, data, split, limit, batch, threads,
        };
        command.SetAction(parse =>
        {
            var modelDir = PipelineBuilderOnnxExtensions.ResolveNerModel(parse.GetValue(nerModel))
                ?? throw new CliException($"give the model folder with --ner-model (or set {PipelineBuilderOnnxExtensions.NerModelVariable})");
            var dir = parse.GetValue(data) ?? Path.Combine("..", "shared", "eval", "conll2003");
            var path = Path.Combine(dir, parse.GetValue(split) + ".txt");
            if (!File.Exists(path)) throw new CliException($"{path}: CoNLL-2003 file not found (give --data)");
            OnnxNerTagger tagger;
            try { tagger = OnnxNerTagger.Load(modelDir, new OnnxOptions { BatchSize = parse.GetValue(batch), IntraOpThreads = parse.GetValue(threads) }); }
            catch (OnnxModelException e) { throw new CliException(e.Message); }
            using (tagger)
            {
                var docs = ConllReader.Read(path);
                if (parse.GetValue(limit) is > 0 and var n) docs = docs.Take(n).ToList();
                tagger.Tag([["warm", "up"]]);
                long tokens0 = tagger.TokensRun;
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var scores = NerTaggerEvaluation.Score(tagger, docs);
                double secs = sw.Elapsed.TotalSeconds;
                double cpuSecs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                long words = docs.Sum(d => d.Sentences.Sum(s => (long)s.Words.Length));
                Console.WriteLine($"CoNLL-2003 {parse.GetValue(split)}: {docs.Count} documents, exact boundaries and type; model {tagger.Name}");
                Console.WriteLine($"{"type",-5} {"gold",6} {"pred",6} {"P",7} {"R",7} {"F1",7}");
                foreach (var s in scores) Console.WriteLine($"{s.Type,-5} {s.Gold,6} {s.Predicted,6} {s.Precision,7:F4} {s.Recall,7:F4} {s.F1,7:F4}");
                Console.WriteLine($"speed (tagger on gold tokens, {parse.GetValue(threads)} ONNX Runtime thread(s), batch {parse.GetValue(batch)}): {words / secs:F0} words/s, {(tagger.TokensRun - tokens0) / secs:F0} WordPiece tokens/s ({(double)(tagger.TokensRun - tokens0) / Math.Max(words, 1):F2} per word, [CLS]/[SEP] included)");
                // on a shared machine wall time depends on the load; CPU time of this process does not (much)
                Console.WriteLine($"per CPU-second of this process: {words / cpuSecs:F0} words, {(tagger.TokensRun - tokens0) / cpuSecs:F0} WordPiece tokens ({secs:F1} s wall, {cpuSecs:F1} s CPU)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
