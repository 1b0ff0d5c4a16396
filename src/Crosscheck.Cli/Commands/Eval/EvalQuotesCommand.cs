using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.CrossCheck.Quotes;
using Crosscheck.Core.Onnx;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary>
/// <c>crosscheck eval quotes</c>: precision, recall and F1 of quote spans and the accuracy of their speakers against the
/// project's annotations (data/annotations/quotes/*.json: offsets and labels only, keyed by file name).
/// </summary>
public static class EvalQuotesCommand
{
    private sealed record Gold(int Start, int End, bool Direct, int[]? Speaker, int[]? Description)
    {
        /// <summary>Statement id shared by the quotes of different files that render one statement (sameStatementAs).</summary>
        public string? Group { get; init; }
    }

    /// <summary>The annotations of one file: the length of the text they index (to detect a reader that changed) and the quotes.</summary>
    private sealed record FileGold(int TextLength, List<Gold> Quotes);

    public static Command Create()
    {
        var annotations = new Option<string?>("--annotations") { Description = "Folder of annotation JSON files (default data/annotations/quotes under the project root)." };
        var dataDirs = new Option<string[]>("--data") { Description = "Folders holding the annotated files (default ../shared/seeds and samples).", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every missed, spurious or misattributed quote." };
        var embedModel = new Option<string?>("--embed-model") { Description = $"Folder of an ONNX sentence-embedding model: also score statement matching with it as the matcher's optional similarity (default: ${PipelineBuilderOnnxExtensions.EmbedModelVariable} when set; see docs/ONNX.md)." };
        var threshold = new Option<double>("--similarity-threshold") { Description = "Cosine at which the embedding joins two quotes.", DefaultValueFactory = _ => new QuoteMatcher().SimilarityThreshold };
        var command = new Command("quotes", "Quote span F1 and speaker accuracy on the project's annotations of the seeds and samples.") { annotations, dataDirs, verbose, embedModel, threshold };
        command.SetAction(parse => Run(parse.GetValue(annotations), parse.GetValue(dataDirs) ?? [], parse.GetValue(verbose), parse.GetValue(embedModel), parse.GetValue(threshold)));
        return command;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new CliException("cannot find the project root (Crosscheck.slnx) above the current folder; run from the checkout");
    }

    private static int Run(string? annotationsDir, string[] dataDirs, bool verbose, string? embedModel = null, double threshold = 0.8)
    {
        var root = RepoRoot();
        annotationsDir ??= Path.Combine(root, "data", "annotations", "quotes");
        if (!Directory.Exists(annotationsDir)) throw new CliException($"{annotationsDir}: no such folder of annotations");
        if (dataDirs.Length == 0)
        {
            var shared = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED") is { Length: > 0 } env ? env : Path.Combine(root, "..", "shared");
            dataDirs = [Path.Combine(shared, "seeds"), Path.Combine(root, "samples")];
        }
        var gold = new SortedDictionary<string, FileGold>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(annotationsDir, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var map = JsonSerializer.Deserialize<Dictionary<string, FileGold>>(File.ReadAllText(file), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                    ?? throw new JsonException("empty");
                foreach (var (name, list) in map) gold[name] = list;
            }
            catch (JsonException e) { throw new CliException($"{file}: not a quote annotation file ({e.Message.Split('.')[0]})"); }
        }
        var paths = new List<string>();
        foreach (var name in gold.Keys)
        {
            var path = dataDirs.Where(Directory.Exists)
                .Select(d => Directory.EnumerateFiles(d, name, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault())
                .FirstOrDefault(p => p is not null);
            if (path is null) Console.Error.WriteLine($"{name}: annotated file not found in {string.Join(", ", dataDirs)}; skipped");
            else paths.Add(path);
        }
        if (paths.Count == 0) throw new CliException("none of the annotated files was found (is ../shared beside the checkout? set CROSSCHECK_SHARED or pass --data)");

        var pipeline = new PipelineBuilder().UseDefaults().Build();
        var read = pipeline.Reader.Read(paths);
        foreach (var d in read.Diagnostics) Console.Error.WriteLine(d.ToString());
        var clock = Stopwatch.StartNew();
        var docs = pipeline.AnnotateAll(read.Documents);
        clock.Stop();

        var all = new Counts(); var direct = new Counts(); var indirect = new Counts();
        var goldOf = new Dictionary<(string File, int Index), Gold>(); // predicted quote → the gold quote it matched
        Console.WriteLine($"{"file",-28} {"gold",5} {"found",5} {"exact",5} {"P",6} {"R",6} {"F1",6} {"speaker",8}");
        foreach (var doc in docs.OrderBy(d => d.Source.File, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(doc.Source.File);
            var fileGold = gold[name];
            if (doc.Text.Length != fileGold.TextLength)
            {
                Console.Error.WriteLine($"{name}: the text as read has {doc.Text.Length} characters, the annotations index {fileGold.TextLength}; skipped (the reader's output for this format differs)");
                continue;
            }
            var counts = Score(doc, fileGold.Quotes, verbose, goldOf, all, direct, indirect);
            Console.WriteLine($"{name,-28} {counts.Gold,5} {counts.Predicted,5} {counts.Matched,5} {counts.P,6:F3} {counts.R,6:F3} {counts.F1,6:F3} {counts.SpeakerAccuracy,8:F3}");
        }
        Console.WriteLine($"{"ALL",-28} {all.Gold,5} {all.Predicted,5} {all.Matched,5} {all.P,6:F3} {all.R,6:F3} {all.F1,6:F3} {all.SpeakerAccuracy,8:F3}");
        Console.WriteLine($"{"  direct quotes",-28} {direct.Gold,5} {direct.Predicted,5} {direct.Matched,5} {direct.P,6:F3} {direct.R,6:F3} {direct.F1,6:F3} {direct.SpeakerAccuracy,8:F3}");
        Console.WriteLine($"{"  indirect speech",-28} {indirect.Gold,5} {indirect.Predicted,5} {indirect.Matched,5} {indirect.P,6:F3} {indirect.R,6:F3} {indirect.F1,6:F3} {indirect.SpeakerAccuracy,8:F3}");
        Console.WriteLine($"quote span F1 {all.F1:F3}, speaker accuracy {all.SpeakerAccuracy:F3} ({all.SpeakerRight}/{all.Matched}) over {all.Files} documents; " +
            $"spans match after trimming outer spaces and punctuation; annotation passes took {clock.Elapsed.TotalMilliseconds:F0} ms");
        var scored = docs.Where(d => gold[Path.GetFileName(d.Source.File)].TextLength == d.Text.Length).ToList();
        MatchingScore(pipeline, scored, gold, goldOf, verbose, "statement matching");
        // the same with the wording signal alone, to show what the context signals add
        var wordingOnly = new PipelineBuilder().UseDefaults().ReplaceStoryPass<QuoteMatcher>(new QuoteMatcher { UseContext = false }).Build();
        MatchingScore(wordingOnly, scored, gold, goldOf, verbose: false, "  wording overlap only");
        embedModel = PipelineBuilderOnnxExtensions.ResolveEmbedModel(embedModel);
        if (embedModel is not null)
        {
            OnnxStatementEmbedder embedder;
            try { embedder = OnnxStatementEmbedder.Load(embedModel); }
            catch (OnnxModelException e) { throw new CliException(e.Message); }
            using (embedder)
            {
                var similarity = new EmbeddingSimilarity(embedder);
                var withModel = new PipelineBuilder().UseDefaults()
                    .ReplaceStoryPass<QuoteMatcher>(new QuoteMatcher { Similarity = similarity.Similarity, SimilarityThreshold = threshold }).Build();
                similarity.Warm(scored.SelectMany(d => d.Quotes).Select(q => q.Text));
                MatchingScore(withModel, scored, gold, goldOf, verbose, $"  with {embedder.Name} at cosine {threshold:F2}");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Pairwise precision and recall of sameStatementAs: the documents are clustered and cross-checked as the pipeline
    /// does; every pair of quotes of two different files is a gold pair when their annotations share a group id and a
    /// predicted pair when the matcher put them in one statement group. A predicted pair counts as right only when both
    /// quotes match annotated spans of one group.
    /// </summary>
    private static void MatchingScore(CrosscheckPipeline pipeline, List<Document> docs, SortedDictionary<string, FileGold> gold,
        Dictionary<(string File, int Index), Gold> goldOf, bool verbose, string title)
    {
        var clock = Stopwatch.StartNew();
        var stories = pipeline.Clusterer.Cluster(docs).Select(pipeline.CrossCheck).ToList();
        clock.Stop();
        // predicted: (file, quote index) → story-scoped statement group
        var predicted = new Dictionary<(string File, int Index), string>();
        var label = new Dictionary<(string File, int Index), string>();
        foreach (var story in stories)
            foreach (var sq in story.Quotes)
            {
                var doc = story.Doc(sq.DocId);
                label[(doc.Source.File, sq.Index)] = $"{Path.GetFileName(doc.Source.File)} {Snip(doc.Text, doc.Quotes[sq.Index].Span)}";
                if (sq.StatementGroup is { } g) predicted[(doc.Source.File, sq.Index)] = story.Id + "/" + g;
            }
        int goldPairs = 0, predictedPairs = 0, right = 0;
        var keys = label.Keys.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Index).ToList();
        // gold pairs: over the annotations (a missed span still counts as a gold pair)
        var goldMembers = gold.SelectMany(f => f.Value.Quotes.Where(q => q.Group is not null).Select(q => (File: f.Key, Q: q)))
            .Where(x => docs.Any(d => Path.GetFileName(d.Source.File) == x.File)).ToList();
        for (int i = 0; i < goldMembers.Count; i++)
            for (int j = i + 1; j < goldMembers.Count; j++)
                if (goldMembers[i].File != goldMembers[j].File && goldMembers[i].Q.Group == goldMembers[j].Q.Group) goldPairs++;
        // predicted pairs over the predicted groups (small: members of one group), checked against the gold
        foreach (var group in predicted.GroupBy(kv => kv.Value))
        {
            var members = group.Select(kv => kv.Key).OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Index).ToList();
            for (int i = 0; i < members.Count; i++)
                for (int j = i + 1; j < members.Count; j++)
                {
                    if (members[i].File == members[j].File) continue;
                    predictedPairs++;
                    bool ok = goldOf.TryGetValue(members[i], out var ga) && goldOf.TryGetValue(members[j], out var gb) && ga.Group is not null && ga.Group == gb.Group;
                    if (ok) right++;
                    else if (verbose) Console.WriteLine($"  over-grouped {label[members[i]]}  ~  {label[members[j]]}");
                }
        }
        if (verbose)
        {
            var predOfGold = goldOf.ToDictionary(kv => kv.Value, kv => kv.Key, ReferenceEqualityComparer.Instance);
            foreach (var byGroup in goldMembers.GroupBy(x => x.Q.Group))
            {
                var ms = byGroup.ToList();
                for (int i = 0; i < ms.Count; i++)
                    for (int j = i + 1; j < ms.Count; j++)
                    {
                        if (ms[i].File == ms[j].File) continue;
                        bool found = predOfGold.TryGetValue(ms[i].Q, out var pa) && predOfGold.TryGetValue(ms[j].Q, out var pb)
                            && predicted.TryGetValue(pa, out var ga) && predicted.TryGetValue(pb, out var gb) && ga == gb;
                        if (!found) Console.WriteLine($"  not grouped {byGroup.Key}: {ms[i].File} [{ms[i].Q.Start}..{ms[i].Q.End})  ~  {ms[j].File} [{ms[j].Q.Start}..{ms[j].Q.End})");
                    }
            }
        }
        double p = predictedPairs == 0 ? 0 : (double)right / predictedPairs, r = goldPairs == 0 ? 0 : (double)right / goldPairs;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        Console.WriteLine($"{title} (sameStatementAs, pairs of quotes from different files): gold {goldPairs}, predicted {predictedPairs}, right {right}; " +
            $"P {p:F3} R {r:F3} F1 {f1:F3} over {stories.Count} stories; clustering and cross-checking took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private sealed class Counts
    {
        public int Gold, Predicted, Matched, SpeakerRight, Files;
        public double P => Predicted == 0 ? 0 : (double)Matched / Predicted;
        public double R => Gold == 0 ? 0 : (double)Matched / Gold;
        public double F1 => P + R == 0 ? 0 : 2 * P * R / (P + R);
        public double SpeakerAccuracy => Matched == 0 ? 0 : (double)SpeakerRight / Matched;
    }

    private static TextSpan Trim(string text, TextSpan s)
    {
        int a = s.Start, b = s.End;
        while (a < b && (char.IsWhiteSpace(text[a]) || char.IsPunctuation(text[a]))) a++;
        while (b > a && (char.IsWhiteSpace(text[b - 1]) || char.IsPunctuation(text[b - 1]))) b--;
        return new TextSpan(a, b);
    }

    private static string Norm(string s) => string.Join(' ', s.ToLowerInvariant().Replace('-', ' ').Replace('\u2019', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Counts Score(Document doc, List<Gold> gold, bool verbose, Dictionary<(string File, int Index), Gold> goldOf, params Counts[] totals)
    {
        var text = doc.Text;
        var c = new Counts { Gold = gold.Count, Predicted = doc.Quotes.Length };
        var used = new bool[doc.Quotes.Length];
        var name = Path.GetFileName(doc.Source.File);
        foreach (var g in gold)
        {
            var gs = Trim(text, new TextSpan(g.Start, g.End));
            int hit = -1;
            for (int i = 0; i < doc.Quotes.Length && hit < 0; i++)
                if (!used[i] && Trim(text, doc.Quotes[i].Span) == gs) hit = i;
            var kind = g.Direct ? totals[1] : totals[2];
            kind.Gold++;
            if (hit < 0) { if (verbose) Console.WriteLine($"  missed   {name} [{g.Start}..{g.End}) {Snip(text, gs)}"); continue; }
            used[hit] = true;
            goldOf[(doc.Source.File, hit)] = g;
            c.Matched++; kind.Matched++;
            var q = doc.Quotes[hit];
            bool right = g.Speaker is { Length: 2 } sp ? q.SpeakerName is { } n && Norm(n) == Norm(text[sp[0]..sp[1]])
                : g.Description is { Length: 2 } de ? q.SpeakerName is null && q.SpeakerDescription is { } d && Norm(d) == Norm(text[de[0]..de[1]])
                : q.SpeakerName is null && q.SpeakerDescription is null;
            if (right) { c.SpeakerRight++; kind.SpeakerRight++; }
            else if (verbose)
            {
                string want = g.Speaker is { } s2 ? text[s2[0]..s2[1]] : g.Description is { } d2 ? "(" + text[d2[0]..d2[1]] + ")" : "(undetermined)";
                Console.WriteLine($"  speaker  {name} [{g.Start}..{g.End}) want {want}, got {q.SpeakerName ?? "(" + q.SpeakerDescription + ")"}");
            }
        }
        for (int i = 0; i < doc.Quotes.Length; i++)
        {
            if (used[i]) continue;
            (doc.Quotes[i].Direct ? totals[1] : totals[2]).Predicted++;
            if (verbose) Console.WriteLine($"  spurious {name} {doc.Quotes[i].Span} {Snip(text, doc.Quotes[i].Span)}");
        }
        for (int i = 0; i < doc.Quotes.Length; i++) if (used[i]) (doc.Quotes[i].Direct ? totals[1] : totals[2]).Predicted++;
        totals[0].Files++;
        totals[0].Gold += c.Gold; totals[0].Predicted += c.Predicted; totals[0].Matched += c.Matched; totals[0].SpeakerRight += c.SpeakerRight;
        return c;
    }

    private static string Snip(string text, TextSpan s)
    {
        var t = text[s.Start..s.End].ReplaceLineEndings(" ");
        return t.Length > 60 ? t[..57] + "..." : t;
    }
}
