using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary><c>crosscheck eval ner</c>: CoNLL-2003 test precision/recall/F1 per type, and recognition speed on one core.</summary>
public static class EvalNerCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder holding CoNLL-2003 test.txt (default: ../shared/eval/conll2003)." };
        var model = new Option<string?>("--model") { Description = "A model file written by `train` (default: the shipped model)." };
        var split = new Option<string>("--split") { Description = "test or valid.", DefaultValueFactory = _ => "test" };
        var errors = new Option<string?>("--errors") { Description = "Write each missed and spurious mention (with its sentence) to this file." };
        var noSpeed = new Option<bool>("--no-speed") { Description = "Skip the speed measurement." };
        var beam = new Option<int?>("--beam") { Description = "Hypotheses kept while decoding (1 = greedy; default: the model's, 4)." };
        var temperature = new Option<float?>("--temperature") { Description = "Scale of the scores read as logits in the beam (default 0.03)." };
        var margin = new Option<float?>("--margin") { Description = "Log-probability margin beyond which the beam drops a hypothesis (default 2)." };
        var command = new Command("ner", "Precision, recall and F1 of entity mentions by type on CoNLL-2003 test, and recognition speed.") { data, model, split, errors, noSpeed, beam, temperature, margin };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data) ?? Path.Combine("..", "shared", "eval", "conll2003");
            var path = Path.Combine(dir, parse.GetValue(split) + ".txt");
            if (!File.Exists(path)) throw new CliException($"{path}: CoNLL-2003 file not found (give --data)");
            PerceptronNerModel m;
            if (parse.GetValue(model) is { } mp)
            {
                if (!File.Exists(mp)) throw new CliException($"{mp}: model file not found");
                try { using var f = File.OpenRead(mp); using var gz = new System.IO.Compression.GZipStream(f, System.IO.Compression.CompressionMode.Decompress); m = PerceptronNerModel.Load(gz, CountryGazetteer.Default); }
                catch (InvalidDataException e) { throw new CliException($"{mp}: {e.Message}"); }
            }
            else m = PerceptronNerModel.Default ?? throw new CliException("no trained model is shipped; run `crosscheck train` first");
            if (parse.GetValue(beam) is { } bw) m.BeamWidth = Math.Max(1, bw);
            if (parse.GetValue(temperature) is { } tp) m.Temperature = tp;
            if (parse.GetValue(margin) is { } mg) m.BeamMargin = mg;
            var docs = ConllReader.Read(path);
            IReadOnlyList<NerScore> scores;
            if (parse.GetValue(errors) is { } ep) { using var ew = new StreamWriter(ep); scores = NerEvaluation.Score(m, docs, ew); }
            else scores = NerEvaluation.Score(m, docs);
            var sw = Stopwatch.StartNew();
            NerEvaluation.Score(m, docs);
            var tagSeconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"CoNLL-2003 {parse.GetValue(split)}: {docs.Count} documents, exact boundaries and type");
            Console.WriteLine($"{"type",-5} {"gold",6} {"pred",6} {"P",7} {"R",7} {"F1",7}");
            foreach (var s in scores) Console.WriteLine($"{s.Type,-5} {s.Gold,6} {s.Predicted,6} {s.Precision,7:F4} {s.Recall,7:F4} {s.F1,7:F4}");

            if (parse.GetValue(noSpeed)) return ExitCodes.Ok;
            // Speed of the whole recogniser (tokenizer, tagger, gazetteer, roles) on the test text laid out as articles.
            var texts = docs.Select(d => string.Join("\n", d.Sentences.Select(s => string.Join(' ', s.Words)))).ToList();
            long chars = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
            var recognizer = new EntityRecognizer(new PerceptronNerTagger(m));
            long entities = 0;
            foreach (var t in texts.Take(20)) recognizer.Annotate(Doc(t)); // warm-up
            var proc = Process.GetCurrentProcess();
            var cpu0 = proc.TotalProcessorTime;
            sw.Restart();
            int rounds = 0;
            do { foreach (var t in texts) entities += recognizer.Annotate(Doc(t)).Entities.Length; rounds++; } while (sw.Elapsed.TotalSeconds < 3);
            double secs = sw.Elapsed.TotalSeconds;
            proc.Refresh();
            double cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
            long bytes = chars * rounds;
            Console.WriteLine($"speed (one thread, full recogniser, {bytes / 1e6:F1} MB): per CPU second {bytes / cpu / 1e6:F2} MB/s, {entities / cpu:F0} entities/s; per wall second {bytes / secs / 1e6:F2} MB/s, {entities / secs:F0} entities/s (CPU {cpu:F1} s, wall {secs:F1} s); tagger alone on gold tokens: {docs.Sum(d => d.Sentences.Sum(s => s.Words.Length)) / tagSeconds:F0} tokens/wall s");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Document Doc(string text) => new() { Id = "t", Text = text, Source = new SourceInfo { File = "conll" } };
}
