using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary>
/// <c>crosscheck eval claims</c>: runs the pipeline on each annotated corpus (the seeds, the samples) as one story and
/// scores the claim layer's discrepancies (number, name and other kinds; dates and attributions belong to other layers) (recall, precision against the annotated ones) and claim alignment (precision over the
/// predicted links that the annotation judges, recall over the annotated same-fact pairs). Annotations: data/annotations/claims/*.json, offsets only.
/// </summary>
public static class EvalClaimsCommand
{
    public static Command Create()
    {
        var annotations = new Option<string>("--annotations") { Description = "Folder of claim annotation files.", DefaultValueFactory = _ => "data/annotations/claims" };
        var shared = new Option<string?>("--shared") { Description = "Path of ../shared (seeds); default: $CROSSCHECK_SHARED or ../shared beside the repository." };
        var dump = new Option<bool>("--dump") { Description = "Also print every claim, link, discrepancy, framing and brief sentence." };
        var timing = new Option<bool>("--timing") { Description = "Also time claim extraction and cross-checking, and cross-checking one story of the corpus repeated 1–64 times." };
        var command = new Command("claims", "Discrepancy precision/recall and claim-alignment precision on the project's annotations.") { annotations, shared, dump, timing };
        command.SetAction(parse => Run(parse.GetValue(annotations)!, parse.GetValue(shared), parse.GetValue(dump), parse.GetValue(timing)));
        return command;
    }

    /// <summary>A value of a discrepancy or a claim position: file name, offsets (−1 when the file is HTML/JSON and offsets depend on extraction), and the value label.</summary>
    private sealed record SpanRef(string File, int Start, int End, string? Value = null);
    private sealed record GoldDiscrepancy(string About, List<SpanRef> Values, bool Update = false);
    private sealed record GoldLink(SpanRef A, SpanRef B, bool Same);
    private sealed record AnnotationFile(string Corpus, List<GoldDiscrepancy> Discrepancies, List<GoldLink> Alignments);

    private static int Run(string annotationDir, string? sharedDir, bool dump, bool timing = false)
    {
        if (!Directory.Exists(annotationDir)) throw new CliException($"{annotationDir}: annotation folder not found");
        var root = FindRepoRoot();
        sharedDir ??= Environment.GetEnvironmentVariable("CROSSCHECK_SHARED") is { Length: > 0 } env ? env : Path.Combine(root, "..", "shared");
        int goldD = 0, foundD = 0, predD = 0, correctD = 0, predLinks = 0, judgedLinks = 0, correctLinks = 0, goldLinks = 0, foundLinks = 0;
        foreach (var file in Directory.GetFiles(annotationDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            AnnotationFile ann;
            try { ann = JsonSerializer.Deserialize<AnnotationFile>(File.ReadAllText(file), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                      ?? throw new CliException($"{file}: empty annotation file"); }
            catch (JsonException e) { throw new CliException($"{file}: not valid claim annotations ({e.Message.Split('\n')[0]})"); }
            var dir = ann.Corpus == "seeds" ? Path.Combine(sharedDir, "seeds") : Path.Combine(root, ann.Corpus);
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"eval claims: {file}: corpus folder {dir} is absent, skipped"); continue; }
            var result = new PipelineBuilder().UseDefaults().Build().Run([dir]);
            if (timing) Time(ann.Corpus, result);
            var docs = result.Stories.SelectMany(s => s.Documents).ToDictionary(d => Path.GetFileName(d.Source.File), StringComparer.Ordinal);
            var discrepancies = result.Stories.SelectMany(s => s.Discrepancies.Select(d => (Story: s, D: d))).Where(x => x.D.Kind is DiscrepancyKind.Number or DiscrepancyKind.Name or DiscrepancyKind.Other).ToList();

            // discrepancies: a prediction matches a gold one when each of at least two gold values is covered by a predicted value span
            var matchedGold = new HashSet<int>();
            foreach (var (story, d) in discrepancies)
            {
                predD++;
                var spans = d.Values.SelectMany(v => v.Spans).Select(s => (File: Path.GetFileName(story.Doc(s.DocId).Source.File), s.Span)).ToList();
                int hit = -1;
                for (int g = 0; g < ann.Discrepancies.Count && hit < 0; g++)
                {
                    var covered = ann.Discrepancies[g].Values.Count(v => v.Start >= 0
                        ? spans.Any(s => s.File == v.File && s.Span.Overlaps(new TextSpan(v.Start, v.End)))
                        : d.Values.Any(p => p.Value == v.Value && p.Sources.Any(src => Path.GetFileName(story.Doc(src).Source.File) == v.File)));
                    if (covered >= Math.Min(2, ann.Discrepancies[g].Values.Count) && ann.Discrepancies[g].Update == d.IsUpdate) hit = g;
                }
                if (hit >= 0) { correctD++; matchedGold.Add(hit); }
                if (dump) Console.WriteLine($"  {(hit >= 0 ? "OK " : "FP ")} {d.Id} {d.About}: {string.Join(" vs ", d.Values.Select(v => v.Value + "@" + string.Join(",", v.Sources)))} same-doc={d.SameDocument} → {d.Resolution}");
            }
            goldD += ann.Discrepancies.Count; foundD += matchedGold.Count;
            for (int g = 0; g < ann.Discrepancies.Count; g++)
                if (!matchedGold.Contains(g) && dump) Console.WriteLine($"  MISSED {ann.Discrepancies[g].About}");

            // alignment precision over the links the annotation judges
            foreach (var story in result.Stories)
            {
                var seen = new HashSet<(string, string)>();
                foreach (var c in story.Claims)
                    foreach (var other in c.SupportedBy.Concat(c.SameFactAs))
                    {
                        if (string.CompareOrdinal(c.Id, other) > 0 || !seen.Add((c.Id, other))) continue;
                        predLinks++;
                        var o = story.Claims.First(x => x.Id == other);
                        var (fa, sa) = Locate(story, c); var (fb, sb) = Locate(story, o);
                        var judged = ann.Alignments.FirstOrDefault(l => Covers(l.A, fa, sa) && Covers(l.B, fb, sb) || Covers(l.A, fb, sb) && Covers(l.B, fa, sa));
                        if (judged is not null) { judgedLinks++; if (judged.Same) correctLinks++; }
                        if (dump) Console.WriteLine($"  link {(judged is null ? "??" : judged.Same ? "OK" : "NO")} {c.Id}~{other}: {fa}@{sa.Start} | {fb}@{sb.Start}");
                    }
                if (dump) Dump(story);
            }

            // alignment recall: annotated same-fact pairs whose claims are linked (a claim the extractor missed counts as a miss)
            foreach (var gold in ann.Alignments.Where(l => l.Same))
            {
                goldLinks++;
                bool found = false;
                foreach (var story in result.Stories)
                {
                    var a = story.Claims.FirstOrDefault(c => Covers(gold.A, Locate(story, c).File, Locate(story, c).Span));
                    var b = story.Claims.FirstOrDefault(c => Covers(gold.B, Locate(story, c).File, Locate(story, c).Span));
                    if (a is not null && b is not null && (a.SupportedBy.Contains(b.Id) || a.SameFactAs.Contains(b.Id))) found = true;
                }
                if (found) foundLinks++;
                else if (dump) Console.WriteLine($"  link MISSED {gold.A.File}@{gold.A.Start} | {gold.B.File}@{gold.B.Start}");
            }
        }
        Console.WriteLine($"discrepancies: gold {goldD}, found {foundD}, predicted {predD}, correct {correctD}");
        Console.WriteLine($"  recall    {Ratio(foundD, goldD)}");
        Console.WriteLine($"  precision {Ratio(correctD, predD)}");
        Console.WriteLine($"alignment links: predicted {predLinks}, judged {judgedLinks}, correct {correctLinks}");
        Console.WriteLine($"  precision (judged links) {Ratio(correctLinks, judgedLinks)}");
        Console.WriteLine($"  recall (annotated same-fact pairs) {Ratio(foundLinks, goldLinks)}");
        return ExitCodes.Ok;
    }

    /// <summary>Claim extraction per article and cross-checking per story (best of 5), then one story made of the corpus repeated k times.</summary>
    private static void Time(string corpus, PipelineResult result)
    {
        var extractor = new Crosscheck.Core.Annotate.Claims.ClaimExtractor();
        var checker = new Crosscheck.Core.CrossCheck.Claims.ClaimCrossChecker();
        var docs = result.Stories.SelectMany(s => s.Documents).ToList();
        var stories = result.Stories.Select(s => s with { Discrepancies = [.. s.Discrepancies.Where(d => d.Kind != DiscrepancyKind.Number)] }).ToList();
        double Best(Action action)
        {
            double best = double.MaxValue;
            for (int r = 0; r < 5; r++) { var sw = System.Diagnostics.Stopwatch.StartNew(); action(); best = Math.Min(best, sw.Elapsed.TotalMilliseconds); }
            return best;
        }
        double extract = Best(() => { foreach (var d in docs) extractor.Annotate(d); });
        double check = Best(() => { foreach (var st in stories) checker.Apply(st); });
        int claims = docs.Sum(d => d.Claims.Length);
        long chars = docs.Sum(d => (long)d.Text.Length);
        Console.WriteLine($"timing {corpus}: {docs.Count} articles, {chars / 1024.0:0.0} K chars, {claims} claims; extraction {extract:0.0} ms ({extract / docs.Count:0.00} ms/article), cross-check {check:0.0} ms");
        foreach (int k in new[] { 1, 4, 16, 64 })
        {
            var copies = Enumerable.Range(0, k).SelectMany(c => docs.Select((d, i) => d with { Id = "s" + (c * docs.Count + i + 1) })).ToImmutableArray();
            var big = new Story { Id = "stress", Title = "stress", Documents = copies };
            double ms = Best(() => checker.Apply(big));
            Console.WriteLine($"  one story of {copies.Length,4} articles ({claims * k,5} claims): cross-check {ms,8:0.0} ms ({ms / copies.Length:0.00} ms/article)");
        }
    }

    private static (string File, TextSpan Span) Locate(Story story, StoryClaim c)
    {
        var doc = story.Doc(c.DocId);
        return (Path.GetFileName(doc.Source.File), doc.Claims[c.Index].Span);
    }

    /// <summary>The claim holds the annotated start, or begins just after it inside the annotated sentence (a dateline trimmed off its front).</summary>
    private static bool Covers(SpanRef r, string file, TextSpan span) =>
        r.File == file && (span.Contains(r.Start) || span.Start > r.Start && span.Start < (r.End > r.Start + 1 ? r.End : r.Start + 80) && span.Start - r.Start < 80);

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : ((double)a / b).ToString("0.000", CultureInfo.InvariantCulture) + $" ({a}/{b})";

    private static void Dump(Story story)
    {
        foreach (var c in story.Claims)
        {
            var doc = story.Doc(c.DocId); var claim = doc.Claims[c.Index];
            var qs = string.Join("; ", claim.Quantities.Select(q => $"{q.Surface}={q.Value} {q.Unit} what={q.What} role={q.Role}"));
            Console.WriteLine($"{c.Id} {c.DocId}@{claim.Span.Start} {c.Fact} sup[{string.Join(",", c.SupportedBy)}] same[{string.Join(",", c.SameFactAs)}] contra[{string.Join(",", c.ContradictedBy)}] {(claim.Attributed ? "A" : "-")} {claim.Predicate} | {Short(claim.Text)} {(qs.Length > 0 ? "{" + qs + "}" : "")}"
                + $" actors[{string.Join("; ", claim.Actors.Select(doc.Slice))}] dates[{string.Join("; ", claim.Dates.Select(doc.Slice))}]");
        }
        Console.WriteLine("shared origins: " + string.Join(" ", story.SharedOrigins.Select(g => "[" + string.Join(",", g) + "]")));
        foreach (var f in story.Framing)
            Console.WriteLine($"framing {f.DocId}: verb={f.HeadlineVerb} loaded=[{string.Join(",", f.LoadedWords)}] hedging=[{string.Join(",", f.HedgingWords)}] exclusive={f.ExclusiveClaims.Length} [{string.Join(",", f.ExclusiveClaims)}] omitted=[{string.Join(",", f.OmittedFacts)}]");
        foreach (var b in story.Brief) Console.WriteLine($"brief {(b.Disputed ? "DISPUTED " : "")}[{string.Join(",", b.Sources)}] {Short(b.Text)}");
    }

    private static string Short(string s) => s.Length <= 140 ? s : s[..137] + "...";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
