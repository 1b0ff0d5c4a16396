using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Core.Clean;
using Crosscheck.Core.Cluster;
using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary>
/// <c>crosscheck eval clean</c>: line classification (article vs clutter), title finding and sentence boundaries on
/// hand annotations of the seeds, the throughput of clean+segment, and story clustering (B-cubed) on the fictional
/// fixture corpus.
/// </summary>
public static class EvalCleanCommand
{
    public static Command Create()
    {
        var annotations = new Option<string?>("--annotations") { Description = "Annotation file (default: data/annotations/clean/seeds.json in the repository)." };
        var seeds = new Option<string?>("--seeds") { Description = "Folder of the annotated texts (default: $CROSSCHECK_SHARED/seeds or ../shared/seeds)." };
        var corpus = new Option<string?>("--cluster-corpus") { Description = "Folder of <label>__<name> files for the clustering score (default: tests/Crosscheck.Tests/Cluster/Fixtures)." };
        var repeat = new Option<int>("--repeat") { Description = "How many times the seeds are cleaned and segmented for the speed figure.", DefaultValueFactory = _ => 200 };
        var command = new Command("clean", "Boilerplate cleaning and sentence splitting accuracy on the project's annotations.") { annotations, seeds, corpus, repeat };
        command.SetAction(parse =>
        {
            var root = RepoRoot();
            var annotationFile = parse.GetValue(annotations) ?? Path.Combine(root ?? ".", "data", "annotations", "clean", "seeds.json");
            var seedDir = parse.GetValue(seeds) ?? DefaultSeeds(root);
            var corpusDir = parse.GetValue(corpus) ?? Path.Combine(root ?? ".", "tests", "Crosscheck.Tests", "Cluster", "Fixtures");
            if (!File.Exists(annotationFile)) throw new CliException($"{annotationFile}: annotation file not found (give --annotations)");
            if (seedDir is null || !Directory.Exists(seedDir)) throw new CliException($"{seedDir ?? "../shared/seeds"}: seed folder not found (give --seeds or set CROSSCHECK_SHARED)");
            EvaluateCleaning(annotationFile, seedDir, Math.Max(1, parse.GetValue(repeat)));
            if (Directory.Exists(corpusDir)) EvaluateClustering(corpusDir, seedDir);
            else Console.WriteLine($"clustering: {corpusDir} not found; skipped");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void EvaluateCleaning(string annotationFile, string seedDir, int repeat)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(annotationFile));
        int tpClutter = 0, fpClutter = 0, fnClutter = 0, tpArticle = 0, fpArticle = 0, fnArticle = 0;
        int titlesRight = 0, titles = 0;
        int goldBoundaries = 0, predictedBoundaries = 0, matchedBoundaries = 0, goldSentences = 0, exactSentences = 0;
        var cleaner = new BoilerplateCleaner();
        var segmenter = new Segmenter();
        var texts = new List<string>();
        Console.WriteLine("file                          lines  clutter(gold/found/right)  title");
        foreach (var entry in json.RootElement.GetProperty("files").EnumerateObject())
        {
            var path = Path.Combine(seedDir, entry.Name);
            if (!File.Exists(path)) { Console.WriteLine($"{entry.Name}: missing in {seedDir}; skipped"); continue; }
            var text = File.ReadAllText(path);
            texts.Add(text);
            var doc = segmenter.Annotate(cleaner.Annotate(new Document { Id = "s1", Text = text, Source = new SourceInfo { File = path } }));
            var lineStarts = LineStarts(text);
            TextSpan Line(int number) => new(lineStarts[number - 1], number < lineStarts.Count ? lineStarts[number] - 1 : text.Length);
            bool Kept(int number) => doc.Clean!.Blocks.Any(b => b.Span.Overlaps(Line(number)));

            var clutter = entry.Value.GetProperty("clutterLines").EnumerateArray().Select(x => x.GetInt32()).ToHashSet();
            var article = entry.Value.GetProperty("articleLines").EnumerateArray().Select(x => x.GetInt32()).ToList();
            int found = 0, right = 0;
            foreach (var n in clutter.Concat(article))
            {
                bool isClutter = clutter.Contains(n), removed = !Kept(n);
                if (removed) found++;
                if (removed && isClutter) { tpClutter++; right++; }
                else if (removed) { fpClutter++; fnArticle++; }
                else if (isClutter) { fnClutter++; fpArticle++; }
                else tpArticle++;
            }

            titles++;
            var titleLine = entry.Value.GetProperty("titleLine");
            bool titleOk = titleLine.ValueKind == JsonValueKind.Null
                ? doc.TitleInferred && doc.TitleSpan is not null
                : !doc.TitleInferred && doc.TitleSpan is { } ts && Line(titleLine.GetInt32()).Contains(ts);
            if (titleOk) titlesRight++;

            var gold = entry.Value.GetProperty("sentences").EnumerateArray().Select(s => new TextSpan(s[0].GetInt32(), s[1].GetInt32())).ToList();
            var lines = entry.Value.GetProperty("sentenceLines").EnumerateArray().Select(x => Line(x.GetInt32())).ToList();
            var predicted = doc.Sentences.Select(s => s.Span).Where(s => lines.Any(l => l.Contains(s))).ToList();
            var goldEnds = gold.Select(s => s.End).ToHashSet();
            var predictedEnds = predicted.Select(s => s.End).ToHashSet();
            goldBoundaries += goldEnds.Count;
            predictedBoundaries += predictedEnds.Count;
            matchedBoundaries += predictedEnds.Count(goldEnds.Contains);
            goldSentences += gold.Count;
            exactSentences += gold.Count(predicted.Contains);
            Console.WriteLine($"{entry.Name,-30}{clutter.Count + article.Count,5}  {clutter.Count,7}/{found}/{right,-16}  {(titleOk ? "ok" : "WRONG")}{(doc.TitleInferred ? " (inferred)" : "")}");
        }
        Console.WriteLine();
        Console.WriteLine($"line classification, clutter: precision {Ratio(tpClutter, tpClutter + fpClutter)}  recall {Ratio(tpClutter, tpClutter + fnClutter)}  ({tpClutter + fnClutter} clutter lines)");
        Console.WriteLine($"line classification, article: precision {Ratio(tpArticle, tpArticle + fpArticle)}  recall {Ratio(tpArticle, tpArticle + fnArticle)}  ({tpArticle + fnArticle} article lines)");
        Console.WriteLine($"titles: {titlesRight}/{titles} right (headline line found, or inferred where the text has none)");
        Console.WriteLine($"sentence boundaries: precision {Ratio(matchedBoundaries, predictedBoundaries)}  recall {Ratio(matchedBoundaries, goldBoundaries)}  ({goldBoundaries} gold); exact sentence spans {exactSentences}/{goldSentences}");

        // Speed: clean + segment over the seeds, repeated.
        long chars = texts.Sum(t => (long)t.Length);
        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        foreach (var t in texts) segmenter.Annotate(cleaner.Annotate(new Document { Id = "w", Text = t, Source = new SourceInfo { File = "warm" } }));
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long sentences = 0;
        for (int r = 0; r < repeat; r++)
            foreach (var t in texts)
                sentences += segmenter.Annotate(cleaner.Annotate(new Document { Id = "w", Text = t, Source = new SourceInfo { File = "speed" } })).Sentences.Length;
        sw.Stop();
        process.Refresh();
        double seconds = sw.Elapsed.TotalSeconds, cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"speed: clean+segment of {texts.Count} seeds x {repeat} = {bytes * repeat / 1e6:F1} MB (UTF-8) in {seconds:F2} s wall, {cpuSeconds:F2} s CPU (one thread):");
        Console.WriteLine($"       {bytes * repeat / 1e6 / seconds:F1} MB/s wall, {bytes * repeat / 1e6 / cpuSeconds:F1} MB/s per CPU second, {texts.Count * repeat / cpuSeconds:F0} articles and {sentences / cpuSeconds:F0} sentences per CPU second");

        // Segmenter alone on one long text.
        var big = string.Join("\n", Enumerable.Repeat(string.Join("\n", texts), Math.Max(1, repeat / 4)));
        var bigDoc = new Document { Id = "b", Text = big, Source = new SourceInfo { File = "speed" } };
        process.Refresh();
        cpu0 = process.TotalProcessorTime;
        sw.Restart();
        var seg = segmenter.Annotate(bigDoc);
        sw.Stop();
        process.Refresh();
        double mb = System.Text.Encoding.UTF8.GetByteCount(big) / 1e6;
        Console.WriteLine($"speed: segmenter alone on one {mb:F1} MB text: {mb / sw.Elapsed.TotalSeconds:F1} MB/s wall, {mb / (process.TotalProcessorTime - cpu0).TotalSeconds:F1} MB/s per CPU second ({seg.Tokens.Length:N0} tokens)");
        _ = chars;
    }

    private static void EvaluateClustering(string corpusDir, string? seedDir)
    {
        var (score, stories) = LabelledCorpus.Evaluate(corpusDir);
        Console.WriteLine();
        Console.WriteLine($"clustering ({corpusDir}): {score.Documents} documents, {score.Labels} labelled stories -> {score.Stories} stories; B-cubed precision {score.Precision:F3} recall {score.Recall:F3} F1 {score.F1:F3}");
        if (seedDir is null || !Directory.Exists(seedDir)) return;
        var tmp = Path.Combine(Path.GetTempPath(), "crosscheck-eval-clean-" + Environment.ProcessId);
        try
        {
            Directory.CreateDirectory(tmp);
            foreach (var f in Directory.GetFiles(corpusDir)) File.Copy(f, Path.Combine(tmp, Path.GetFileName(f)), true);
            foreach (var f in Directory.GetFiles(seedDir)) File.Copy(f, Path.Combine(tmp, "seeds__" + Path.GetFileName(f)), true);
            var (mixed, _) = LabelledCorpus.Evaluate(tmp);
            Console.WriteLine($"clustering (fixture corpus + the five seeds as one more story): {mixed.Documents} documents, {mixed.Labels} labels -> {mixed.Stories} stories; B-cubed precision {mixed.Precision:F3} recall {mixed.Recall:F3} F1 {mixed.F1:F3}");
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++) if (text[i] == '\n') starts.Add(i + 1);
        return starts;
    }

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : $"{(double)a / b:F3}";

    private static string? RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return dir.FullName;
        }
        return null;
    }

    private static string? DefaultSeeds(string? root)
    {
        var env = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "seeds"))) return Path.Combine(env, "seeds");
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds"));
    }
}
