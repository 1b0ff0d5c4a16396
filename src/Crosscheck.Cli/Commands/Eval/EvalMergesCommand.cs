using System.CommandLine;
using System.Collections.Immutable;
using Crosscheck.Core.CrossCheck.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary><c>crosscheck eval merges</c>: pairwise precision and recall of entity merges against data/annotations/entities/*.json.</summary>
public static class EvalMergesCommand
{
    public static Command Create()
    {
        var annotations = new Option<string>("--annotations") { Description = "Folder of annotation files.", DefaultValueFactory = _ => Path.Combine("data", "annotations", "entities") };
        var seeds = new Option<string?>("--seeds") { Description = "Folder of the seed articles (default: ../shared/seeds)." };
        var samples = new Option<string>("--samples") { Description = "Folder of the sample stories.", DefaultValueFactory = _ => "samples" };
        var verbose = new Option<bool>("--verbose") { Description = "List every annotated mention of a split or falsely merged entity with the system entity it landed in." };
        var command = new Command("merges", "Precision and recall of cross-document entity merges on the project's annotations of the seeds and samples.") { annotations, seeds, samples, verbose };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(annotations)!;
            if (!Directory.Exists(dir)) throw new CliException($"{dir}: annotation folder not found");
            var pipeline = new PipelineBuilder().UseDefaults().Build();
            long gp = 0, sp = 0, cp = 0; int n = 0;
            foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                List<GoldMention> gold;
                try { gold = MergeEvaluation.ReadAnnotations(file); }
                catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException) { throw new CliException($"{file}: not an entity annotation file ({e.Message})"); }
                var name = Path.GetFileNameWithoutExtension(file);
                var articles = name == "seeds" ? parse.GetValue(seeds) ?? Path.Combine("..", "shared", "seeds") : Path.Combine(parse.GetValue(samples)!, name.StartsWith("samples-", StringComparison.Ordinal) ? name["samples-".Length..] : name);
                if (!Directory.Exists(articles)) { Console.Error.WriteLine($"{file}: articles folder {articles} not found; skipped"); continue; }
                var paths = gold.Select(g => g.File).Distinct().Order(StringComparer.Ordinal).Select(f => Path.Combine(articles, f)).ToList();
                var read = pipeline.Reader.Read(paths);
                foreach (var d in read.Diagnostics) Console.Error.WriteLine(d.ToString());
                var docs = pipeline.AnnotateAll(read.Documents);
                var story = pipeline.CrossCheck(new Story { Id = name, Title = name, Documents = docs.ToImmutableArray() });
                var score = MergeEvaluation.Score(story, gold, d => Path.GetFileName(d.Source.File));
                Console.WriteLine($"{name}: {score.GoldMentions} annotated mentions in kept text ({score.FoundMentions} found; {score.OutsideKept} more in removed captions/bylines/repeats, not scored), pairs gold {score.GoldPairs} system {score.SystemPairs} correct {score.CorrectPairs}: precision {score.Precision:F4} recall {score.Recall:F4}");
                foreach (var fm in score.FalseMerges) Console.WriteLine($"  false merge: {fm}");
                foreach (var sp2 in score.Splits) Console.WriteLine($"  missed merge: {sp2}");
                var texts = docs.ToDictionary(d => Path.GetFileName(d.Source.File), d => d.Text);
                if (parse.GetValue(verbose))
                {
                    var names = story.Entities.ToDictionary(e => e.Id, e => e.Name);
                    var bad = score.Assignments.GroupBy(a => a.Gold.Entity).Where(g => g.Select(a => a.EntityId).Distinct().Count() > 1).SelectMany(g => g)
                        .Concat(score.Assignments.Where(a => a.EntityId is not null).GroupBy(a => a.EntityId).Where(g => g.Select(a => a.Gold.Entity).Distinct().Count() > 1).SelectMany(g => g)).Distinct();
                    foreach (var (g, id) in bad)
                        Console.WriteLine($"    {g.Entity,-20} \"{(texts.TryGetValue(g.File, out var t0) && g.Span.End <= t0.Length ? t0[g.Span.Start..g.Span.End] : "?")}\" {g.File}@{g.Span.Start} -> {(id is null ? "-" : names[id] + " (" + id + ")")}");
                }
                foreach (var g in score.NotFound)
                    Console.WriteLine($"  not found: {g.Entity} \"{(texts.TryGetValue(g.File, out var t) && g.Span.End <= t.Length ? t[g.Span.Start..g.Span.End] : "?")}\" in {g.File} at {g.Span.Start}");
                gp += score.GoldPairs; sp += score.SystemPairs; cp += score.CorrectPairs; n++;
            }
            if (n == 0) throw new CliException($"{dir}: no annotation file could be evaluated");
            Console.WriteLine($"ALL: merge precision {(sp == 0 ? 1 : (double)cp / sp):F4} recall {(gp == 0 ? 1 : (double)cp / gp):F4}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
