using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Crosscheck.Core.Ingest.Html;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary>
/// <c>crosscheck eval extract</c>: main-text extraction on the article-extraction benchmark, scored with the
/// benchmark's own metric (<see cref="ExtractionScorer"/>), timed, and optionally with readability-lxml run on the
/// same pages in the same run (tools/eval/readability_bench.py under /usr/bin/python3), scored by the same scorer.
/// </summary>
public static class EvalExtractCommand
{
    public static Command Create()
    {
        var benchmark = new Option<string?>("--benchmark") { Description = "The benchmark folder (ground-truth.json and html/*.html.gz); default ../shared/eval/article-extraction-benchmark." };
        var readability = new Option<bool>("--readability") { Description = "Also run readability-lxml (/usr/bin/python3, Debian's python3-readability) on the same pages and score it." };
        var smartReader = new Option<bool>("--smartreader") { Description = "Also run SmartReader (the C# port of Mozilla's Readability) on the same pages and score it." };
        var worst = new Option<int>("--worst") { Description = "List the N pages with the lowest F1 (id, precision, recall).", DefaultValueFactory = _ => 0 };
        var repeat = new Option<int>("--repeat") { Description = "Time the extractor over this many passes (after one warm-up pass) and report the best.", DefaultValueFactory = _ => 3 };
        var command = new Command("extract", "Main-text extraction F1 on the article-extraction benchmark, with readability-lxml side by side.")
        {
            benchmark, readability, smartReader, worst, repeat,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(benchmark) ?? DefaultBenchmarkDir();
            Run(dir, parse.GetValue(readability), parse.GetValue(smartReader), parse.GetValue(worst), Math.Max(1, parse.GetValue(repeat)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DefaultBenchmarkDir()
    {
        var env = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED");
        if (!string.IsNullOrEmpty(env)) return Path.Combine(env, "eval", "article-extraction-benchmark");
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var c = Path.Combine(d.FullName, "..", "shared", "eval", "article-extraction-benchmark");
            if (Directory.Exists(c)) return Path.GetFullPath(c);
        }
        return Path.GetFullPath(Path.Combine("..", "shared", "eval", "article-extraction-benchmark"));
    }

    private sealed record Page(string Id, string Url, string Truth, byte[] Html);

    private static List<Page> Load(string dir)
    {
        var gtPath = Path.Combine(dir, "ground-truth.json");
        if (!File.Exists(gtPath)) throw new CliException($"{gtPath}: not found (give the benchmark folder with --benchmark)");
        using var gt = JsonDocument.Parse(File.ReadAllBytes(gtPath));
        var pages = new List<Page>();
        foreach (var p in gt.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "html", p.Name + ".html.gz");
            if (!File.Exists(file)) throw new CliException($"{file}: missing page of the benchmark");
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            var url = p.Value.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var body = p.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            pages.Add(new Page(p.Name, url, body, ms.ToArray()));
        }
        return pages;
    }

    private static void Run(string dir, bool withReadability, bool withSmartReader, int worst, int repeat)
    {
        var pages = Load(dir);
        Console.WriteLine($"article-extraction benchmark: {pages.Count} pages ({dir})");

        var predicted = new string[pages.Count];
        var methods = new Dictionary<string, int>(StringComparer.Ordinal);
        int failures = 0;
        for (int i = 0; i < pages.Count; i++)
        {
            try
            {
                var a = HtmlArticleExtractor.ExtractFromBytes(pages[i].Html, pages[i].Url);
                predicted[i] = a.Body;
                methods[a.Method] = methods.GetValueOrDefault(a.Method) + 1;
            }
            catch (HtmlExtractionException) { predicted[i] = ""; failures++; }
        }
        // Timed passes after the scoring pass (which warms up the JIT): best wall-clock and best process CPU time.
        double best = double.MaxValue, bestCpu = double.MaxValue;
        using var self = Process.GetCurrentProcess();
        for (int r = 0; r < repeat; r++)
        {
            GC.Collect();
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var p in pages)
            {
                try { HtmlArticleExtractor.ExtractFromBytes(p.Html, p.Url); }
                catch (HtmlExtractionException) { }
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            self.Refresh();
            bestCpu = Math.Min(bestCpu, (self.TotalProcessorTime - cpu0).TotalSeconds);
        }

        var ours = pages.Select((p, i) => ExtractionScorer.Match(p.Truth, predicted[i])).ToList();
        Console.WriteLine();
        Console.WriteLine("extractor            F1      precision  recall  accuracy  pages/s (CPU)  pages/s (wall)");
        Print("crosscheck", ExtractionScorer.Aggregate(ours), pages.Count / bestCpu, pages.Count / best);
        Console.WriteLine($"  (method: {string.Join(", ", methods.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value}"))}; no text: {failures}; best of {repeat} timed passes, one thread)");

        // Halves by id order (even/odd positions): rules tuned on one should hold on the other.
        var even = ExtractionScorer.Aggregate(ours.Where((_, i) => i % 2 == 0).ToList());
        var odd = ExtractionScorer.Aggregate(ours.Where((_, i) => i % 2 == 1).ToList());
        Console.WriteLine($"  halves: even F1 {even.F1:F3} (P {even.Precision:F3} R {even.Recall:F3}), odd F1 {odd.F1:F3} (P {odd.Precision:F3} R {odd.Recall:F3})");

        if (withReadability)
        {
            var (texts, seconds, cpuSeconds) = RunReadability(dir);
            var theirs = pages.Select(p => ExtractionScorer.Match(p.Truth, texts.GetValueOrDefault(p.Id, ""))).ToList();
            var rs = ExtractionScorer.Aggregate(theirs);
            Print("readability-lxml", rs, pages.Count / cpuSeconds, pages.Count / seconds);
            Console.WriteLine($"  speed ratio: crosscheck is {cpuSeconds / bestCpu:F1}x readability-lxml by CPU time, {seconds / best:F1}x by wall-clock time, on the same pages");
        }

        if (withSmartReader)
        {
            var (texts, seconds, cpuSeconds) = RunSmartReader(pages);
            var theirs = pages.Select((p, i) => ExtractionScorer.Match(p.Truth, texts[i])).ToList();
            Print("SmartReader", ExtractionScorer.Aggregate(theirs), pages.Count / cpuSeconds, pages.Count / seconds);
            Console.WriteLine($"  speed ratio: crosscheck is {cpuSeconds / bestCpu:F1}x SmartReader by CPU time, {seconds / best:F1}x by wall-clock time");
        }

        if (worst > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"lowest-F1 pages (precision, recall):");
            foreach (var (m, i) in ours.Select((m, i) => (m, i)).OrderBy(x => PageF1(x.m)).ThenBy(x => pages[x.i].Id, StringComparer.Ordinal).Take(worst))
                Console.WriteLine($"  {pages[i].Id[..12]}  P {Ratio(m.Tp, m.Fp):F2}  R {Ratio(m.Tp, m.Fn):F2}  {pages[i].Url}");
        }
    }

    /// <summary>SmartReader on the same decoded pages: one timed pass after a warm-up pass; text blocks joined by blank lines.</summary>
    private static (string[] Texts, double Seconds, double CpuSeconds) RunSmartReader(List<Page> pages)
    {
        var decoded = pages.Select(p => HtmlDecoder.Decode(p.Html, null).Text).ToList();
        string[] Pass()
        {
            var texts = new string[pages.Count];
            for (int i = 0; i < pages.Count; i++)
            {
                try
                {
                    var article = new SmartReader.Reader(string.IsNullOrEmpty(pages[i].Url) ? "https://example.invalid/" : pages[i].Url, decoded[i]).GetArticle();
                    texts[i] = article.IsReadable ? article.TextContent ?? "" : "";
                }
                catch (Exception) { texts[i] = ""; } // a page SmartReader cannot read scores as empty
            }
            return texts;
        }
        Pass();
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = Pass();
        double seconds = sw.Elapsed.TotalSeconds;
        self.Refresh();
        return (result, seconds, (self.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static double Ratio(double tp, double other) => tp + other > 0 ? tp / (tp + other) : 0;

    private static double PageF1(ShingleMatch m)
    {
        double p = Ratio(m.Tp, m.Fp), r = Ratio(m.Tp, m.Fn);
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    private static void Print(string name, ExtractionScore s, double cpuPagesPerSecond, double wallPagesPerSecond) =>
        Console.WriteLine($"{name,-20} {s.F1:F3}   {s.Precision:F3}      {s.Recall:F3}   {s.Accuracy:F3}     {cpuPagesPerSecond,9:F1}      {wallPagesPerSecond,9:F1}");

    private static (Dictionary<string, string> Texts, double Seconds, double CpuSeconds) RunReadability(string dir)
    {
        const string python = "/usr/bin/python3";
        var script = FindScript();
        if (!File.Exists(python)) throw new CliException($"{python}: not found (readability-lxml runs under Debian's python: apt-get install -y python3-readability)");
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(dir);
        using var proc = Process.Start(psi) ?? throw new CliException("cannot start /usr/bin/python3");
        var errTask = proc.StandardError.ReadToEndAsync();
        var stdout = proc.StandardOutput.ReadToEnd();
        proc.WaitForExit();
        var err = errTask.Result;
        if (proc.ExitCode != 0)
        {
            var last = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            throw new CliException($"{script}: readability-lxml failed ({last.Trim()}); install it with apt-get install -y python3-readability");
        }
        using var json = JsonDocument.Parse(stdout);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in json.RootElement.GetProperty("pages").EnumerateObject()) texts[p.Name] = p.Value.GetString() ?? "";
        return (texts, json.RootElement.GetProperty("seconds").GetDouble(), json.RootElement.GetProperty("cpu_seconds").GetDouble());
    }

    private static string FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var c = Path.Combine(d.FullName, "tools", "eval", "readability_bench.py");
                if (File.Exists(c)) return c;
            }
        throw new CliException("tools/eval/readability_bench.py: not found (run from the repository)");
    }
}
