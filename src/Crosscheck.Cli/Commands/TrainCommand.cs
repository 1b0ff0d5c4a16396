using System.CommandLine;
using System.Diagnostics;
using Crosscheck.Core.Annotate.Entities;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck train</c>: trains the default entity recogniser on CoNLL-2003 and writes its weights.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Folder holding CoNLL-2003 train.txt/valid.txt (default: ../shared/eval/conll2003)." };
        var output = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => Path.Combine("data", "models", PerceptronNerModel.DefaultFile) };
        var epochs = new Option<int>("--epochs") { Description = "Training passes over the data.", DefaultValueFactory = _ => 15 };
        var trainOnly = new Option<bool>("--train-only") { Description = "Train on train.txt only and report F1 on valid.txt (for tuning); by default the shipped model is trained on train.txt and valid.txt." };
        var features = new Option<int>("--features") { Description = "Feature groups (sum): 1 line shape, 2 training-name lexicon, 4 second stage over the first stage's document-wide tags, 8 document topic word, 16 outside gazetteer (GeoNames cities and regions, WordNet proper nouns: data/gazetteers/outside.tsv.gz). Default 27 (no second stage: with the outside gazetteer it adds ~0.2 F1 but makes the recogniser ~2.5x slower).", DefaultValueFactory = _ => 27 };
        var seed = new Option<int>("--seed") { Description = "Seed of the order in which training documents are visited (to measure how much F1 moves with it).", DefaultValueFactory = _ => 17 };
        var orders = new Option<int>("--orders") { Description = "Train the single-stage model with this many document orders (seeds) and average their weights (default 3; ignored with a second stage).", DefaultValueFactory = _ => 3 };
        var command = new Command("train", "Train the statistical models from the public data in ../shared/eval (see docs/DATA.md).") { data, output, epochs, trainOnly, features, seed, orders };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data) ?? Path.Combine("..", "shared", "eval", "conll2003");
            var train = Path.Combine(dir, "train.txt");
            if (!File.Exists(train)) throw new CliException($"{train}: CoNLL-2003 training file not found (give --data)");
            var docs = ConllReader.Read(train);
            if (!parse.GetValue(trainOnly)) docs.AddRange(ConllReader.Read(Path.Combine(dir, "valid.txt")));
            Console.WriteLine($"training on {docs.Count} documents, {docs.Sum(d => d.Sentences.Sum(s => s.Words.Length))} tokens");
            var sw = Stopwatch.StartNew();
            var trainer = new PerceptronNerTrainer(CountryGazetteer.Default) { Features = parse.GetValue(features), Orders = parse.GetValue(orders) };
            trainer.EpochDone += (label, e, acc) => { if (e == parse.GetValue(epochs)) Console.WriteLine($"{label}: epoch {e}: token accuracy {acc:P2} ({sw.Elapsed.TotalSeconds:F0} s)"); };
            var model = trainer.Train(docs, parse.GetValue(epochs), parse.GetValue(seed));
            var outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using (var f = File.Create(outPath)) model.Save(f);
            Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB, {model.FeatureCount} features) in {sw.Elapsed.TotalSeconds:F0} s");
            var valid = Path.Combine(dir, "valid.txt");
            if (File.Exists(valid) && parse.GetValue(trainOnly))
            {
                var all = NerEvaluation.Score(model, ConllReader.Read(valid)).Last();
                Console.WriteLine($"valid F1 {all.F1:F4} (P {all.Precision:F4} R {all.Recall:F4})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
