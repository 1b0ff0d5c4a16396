using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Model;

namespace Crosscheck.Cli.Commands.Eval;

/// <summary>
/// <c>crosscheck eval time</c>: TempEval-3-style scores on TimeBank+AQUAINT (strict and relaxed recognition F1,
/// value F1 with the creation time as reference), the accuracy of publication dates inferred with the creation
/// time hidden, and the dateparser library side by side on the gold expressions.
/// </summary>
public static class EvalTimeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "The timebank folder (holding TimeBank/ and AQUAINT/); default ../shared/eval/timebank found above the current folder." };
        var dateparser = new Option<string>("--dateparser")
        {
            Description = "'auto' runs tools/eval/dateparser_timebank.py with /usr/bin/python3 when it is there; 'off' skips; else a file of its output.",
            DefaultValueFactory = _ => "auto",
        };
        var errors = new Option<int>("--show-errors") { Description = "Print this many value errors and misses, for error analysis.", DefaultValueFactory = _ => 0 };
        var verbose = new Option<bool>("-v", "--verbose") { Description = "Print every value error, miss, spurious expression and wrong publication date (as --show-errors with no limit)." };
        var tryText = new Option<string?>("--try") { Description = "Tag this text instead (with --reference yyyy-mm-dd, or an inferred date) and print what is found." };
        var reference = new Option<string?>("--reference") { Description = "Reference date for --try." };
        var command = new Command("time", "Time-expression recognition and value F1 on TimeBank+AQUAINT, publication-date inference accuracy, and dateparser side by side.")
        {
            data, dateparser, errors, verbose, tryText, reference,
        };
        command.SetAction(parse => parse.GetValue(tryText) is { } text
            ? Try(text, parse.GetValue(reference))
            : Run(parse.GetValue(data), parse.GetValue(dateparser)!, parse.GetValue(verbose) ? int.MaxValue : parse.GetValue(errors)));
        return command;
    }

    private sealed class Counts
    {
        public int Gold, System, Strict, Relaxed, ValueRight, TypeRight;
        public static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        public string Line(string name, int hits) =>
            $"  {name,-22} P {Ratio(hits, System):0.000}  R {Ratio(hits, Gold):0.000}  F1 {F(Ratio(hits, System), Ratio(hits, Gold)):0.000}";
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static int Run(string? dataDir, string dateparserMode, int showErrors)
    {
        var dir = dataDir ?? FindShared("eval/timebank") ?? throw new CliException("cannot find ../shared/eval/timebank; pass --data DIR");
        if (!Directory.Exists(dir)) throw new CliException($"{dir}: no such folder");
        var files = new[] { "TimeBank", "AQUAINT" }.Select(s => Path.Combine(dir, s)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.tml")).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new CliException($"{dir}: no .tml files under TimeBank/ or AQUAINT/");

        var docs = new List<TimeMlDocument>();
        foreach (var f in files)
        {
            try { docs.Add(TimeMlDocument.Load(f)); }
            catch (Exception e) when (e is FormatException or IOException or ArgumentException) { Console.Error.WriteLine($"crosscheck: skipped {e.Message}"); }
        }

        var all = new Counts();
        var byType = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
        var ours = new Dictionary<(string, int), string?>();
        var shown = new List<string>();
        long chars = 0;
        var watch = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            var sys = TimeAnnotator.Tag(doc.Text, doc.CreationTime);
            chars += doc.Text.Length;
            all.Gold += doc.Timexes.Count; all.System += sys.Length;
            foreach (var g in doc.Timexes) Get(byType, g.Type).Gold++;
            foreach (var s in sys) Get(byType, s.TimexType).System++;
            var used = new bool[sys.Length];
            for (int gi = 0; gi < doc.Timexes.Count; gi++)
            {
                var g = doc.Timexes[gi];
                int best = -1;
                for (int i = 0; i < sys.Length; i++)
                    if (!used[i] && sys[i].Span.Overlaps(g.Span) && (best < 0 || sys[i].Span == g.Span)) best = i;
                ours[(doc.Name, gi)] = null;
                if (best < 0) { if (shown.Count < showErrors) shown.Add($"MISS  {doc.Name}: '{g.Text}' {g.Type} {g.Value} | {Context(doc.Text, g.Span)}"); continue; }
                used[best] = true;
                var s = sys[best];
                var t = Get(byType, g.Type);
                all.Relaxed++; t.Relaxed++;
                if (s.Span == g.Span) { all.Strict++; t.Strict++; }
                if (s.TimexType == g.Type) all.TypeRight++;
                ours[(doc.Name, gi)] = s.Value;
                if (SameValue(s.Value, g.Value)) { all.ValueRight++; t.ValueRight++; }
                else if (shown.Count < showErrors) shown.Add($"VALUE {doc.Name}: '{g.Text}' gold {g.Type} {g.Value}, ours '{s.Text}' {s.TimexType} {s.Value} (dct {doc.CreationTime:yyyy-MM-dd}) | {Context(doc.Text, g.Span)}");
            }
            for (int i = 0; i < sys.Length; i++)
                if (!used[i] && shown.Count < showErrors) shown.Add($"EXTRA {doc.Name}: '{sys[i].Text}' {sys[i].TimexType} {sys[i].Value} | {Context(doc.Text, sys[i].Span)}");
        }
        watch.Stop();

        // throughput once the rules are compiled: three more passes over the corpus, best one counted
        double bestSeconds = double.MaxValue;
        for (int pass = 0; pass < 3; pass++)
        {
            var w = Stopwatch.StartNew();
            foreach (var doc in docs) TimeAnnotator.Tag(doc.Text, doc.CreationTime);
            bestSeconds = Math.Min(bestSeconds, w.Elapsed.TotalSeconds);
        }
        // the whole document stage: recognise, resolve and infer the publication date
        double stageSeconds = double.MaxValue;
        for (int pass = 0; pass < 3; pass++)
        {
            var w = Stopwatch.StartNew();
            foreach (var doc in docs) { var p = TimeAnnotator.InferPublished(doc.Text, file: doc.Name); TimeAnnotator.Tag(doc.Text, p?.Date); }
            stageSeconds = Math.Min(stageSeconds, w.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"TimeBank+AQUAINT: {docs.Count} articles, {all.Gold} gold expressions, {all.System} found");
        Console.WriteLine($"Throughput (recognise + resolve, one thread): {chars / 1e6 / bestSeconds:0.00} M chars/s ({chars / 1e6:0.00} M chars in {bestSeconds:0.000} s; first pass incl. regex compilation {watch.Elapsed.TotalSeconds:0.00} s)");
        Console.WriteLine($"Throughput (publication-date inference + recognise + resolve, one thread): {chars / 1e6 / stageSeconds:0.00} M chars/s, {docs.Count / stageSeconds:0} articles/s");
        Console.WriteLine("Recognition and normalisation (creation time as reference):");
        Console.WriteLine(all.Line("strict recognition", all.Strict));
        Console.WriteLine(all.Line("relaxed recognition", all.Relaxed));
        Console.WriteLine(all.Line("value", all.ValueRight));
        Console.WriteLine($"  type accuracy on matches {Ratio(all.TypeRight, all.Relaxed):0.000}");
        Console.WriteLine("By gold type (recall; value recall):");
        foreach (var (type, c) in byType)
            Console.WriteLine($"  {type,-9} gold {c.Gold,5}  found {c.Relaxed,5} ({Ratio(c.Relaxed, c.Gold):0.000})  value right {c.ValueRight,5} ({Ratio(c.ValueRight, c.Gold):0.000})  system {c.System}");

        // publication date with the creation time hidden: from the text alone, then with the document's name (the
        // TimeML DOCID is the article's file name, as a wire archive would store it)
        Console.WriteLine("Publication date inferred with the creation time hidden (right week = same ISO week):");
        foreach (var withName in new[] { false, true })
        {
            int withDct = 0, inferred = 0, exact = 0, sameWeek = 0, within3 = 0;
            foreach (var doc in docs)
            {
                if (doc.CreationTime is not { } dct) continue;
                withDct++;
                var p = TimeAnnotator.InferPublished(doc.Text, file: withName ? doc.Name : null);
                if (shown.Count < showErrors && p is not null && IsoWeek(p.Date) != IsoWeek(dct))
                    shown.Add($"PUB{(withName ? "+N" : "  ")} {doc.Name}: dct {dct:yyyy-MM-dd}, inferred {p.Date:yyyy-MM-dd} ({string.Join("; ", p.Evidence)})");
                if (p is null) continue;
                inferred++;
                if (p.Date == dct) exact++;
                if (IsoWeek(p.Date) == IsoWeek(dct)) sameWeek++;
                if (Math.Abs(p.Date.DayNumber - dct.DayNumber) <= 3) within3++;
            }
            Console.WriteLine($"  {(withName ? "text + document name" : "text only"),-21} articles {withDct}, dated {inferred} ({Ratio(inferred, withDct):0.000}); right week {sameWeek} ({Ratio(sameWeek, withDct):0.000}, {Ratio(sameWeek, inferred):0.000} of those dated); within 3 days {within3} ({Ratio(within3, withDct):0.000}); exact day {exact} ({Ratio(exact, withDct):0.000})");
        }
        // what the text could give at best: a date needs its year, and these articles seldom name their own
        int namesYear = 0, nearDay = 0, both = 0, total = 0;
        foreach (var doc in docs)
        {
            if (doc.CreationTime is not { } dct) continue;
            total++;
            var found = TimeAnnotator.Tag(doc.Text, null);
            bool year = System.Text.RegularExpressions.Regex.IsMatch(doc.Text, $@"(?<!\d){dct.Year}(?!\d)");
            bool day = found.Any(t => t.Value.Length == 10 && t.Value.StartsWith("XXXX-", StringComparison.Ordinal)
                && int.TryParse(t.Value.AsSpan(5, 2), out var mm) && int.TryParse(t.Value.AsSpan(8, 2), out var dd)
                && mm == dct.Month && Math.Abs(dd - dct.Day) <= 7);
            if (year) namesYear++;
            if (day) nearDay++;
            if (year && day) both++;
        }
        Console.WriteLine($"  upper bound from text: {namesYear} of {total} articles name their creation year anywhere ({Ratio(namesYear, total):0.000}); {nearDay} give a month and day within a week of it; {both} both");

        if (dateparserMode != "off") CompareDateparser(dir, dateparserMode, docs, ours);
        foreach (var line in shown) Console.WriteLine(line);
        return ExitCodes.Ok;
    }

    private static int Try(string text, string? reference)
    {
        DateOnly? r = null;
        if (reference is not null)
            r = DateOnly.TryParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new CliException($"--reference '{reference}' is not yyyy-mm-dd");
        else if (TimeAnnotator.InferPublished(text) is { } p)
        {
            r = p.Date;
            Console.WriteLine($"inferred reference {p.Date:yyyy-MM-dd} (confidence {p.Confidence}, not before {p.NotBefore:yyyy-MM-dd}): {string.Join("; ", p.Evidence)}");
        }
        foreach (var t in TimeAnnotator.Tag(text, r))
            Console.WriteLine($"{t.Span} '{t.Text}' {t.TimexType} {t.Value} {t.Precision} {t.Modifier}");
        return ExitCodes.Ok;
    }

    /// <summary>The words around a span, on one line, with the span in brackets (for error listings).</summary>
    private static string Context(string text, TextSpan span, int width = 60)
    {
        int from = Math.Max(0, span.Start - width), to = Math.Min(text.Length, span.End + width);
        var s = text[from..span.Start] + "[" + text[span.Start..span.End] + "]" + text[span.End..to];
        return System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
    }

    private static Counts Get(SortedDictionary<string, Counts> d, string k) => d.TryGetValue(k, out var c) ? c : d[k] = new Counts();

    private static (int, int) IsoWeek(DateOnly d) =>
        (ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)));

    /// <summary>TIMEX3 values compared as TempEval-3 does, modulo zero-padding of week numbers ("2000-W7" = "2000-W07").</summary>
    public static bool SameValue(string a, string b) => Normalise(a) == Normalise(b);

    private static string Normalise(string v) => System.Text.RegularExpressions.Regex.Replace(v.Trim(), @"-W(\d)(?!\d)", "-W0$1");

    private static void CompareDateparser(string dir, string mode, List<TimeMlDocument> docs, Dictionary<(string, int), string?> ours)
    {
        IEnumerable<string> lines;
        if (mode == "auto")
        {
            var script = FindUp("tools/eval/dateparser_timebank.py");
            if (script is null || !File.Exists("/usr/bin/python3")) { Console.WriteLine("dateparser: skipped (no /usr/bin/python3 or tools/eval/dateparser_timebank.py)"); return; }
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add(Path.Combine(dir, "TimeBank"));
            psi.ArgumentList.Add(Path.Combine(dir, "AQUAINT"));
            using var proc = Process.Start(psi)!;
            var errTask = proc.StandardError.ReadToEndAsync();
            var output = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            if (proc.ExitCode != 0) { Console.WriteLine("dateparser: skipped (" + errTask.Result.Trim().Split('\n').Last() + ")"); return; }
            lines = output.Split('\n');
        }
        else
        {
            if (!File.Exists(mode)) throw new CliException($"{mode}: no such file (--dateparser wants auto, off, or a file)");
            lines = File.ReadLines(mode);
        }
        var byDoc = lines.Select(l => l.Split('\t')).Where(p => p.Length >= 4 && p[1] != "t0").GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.ToList());
        int n = 0, dpRight = 0, ourRight = 0, dpAnswered = 0;
        var perType = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (!byDoc.TryGetValue(doc.Name, out var rows) || rows.Count != doc.Timexes.Count) continue;
            for (int i = 0; i < rows.Count; i++)
            {
                var g = doc.Timexes[i];
                if (!SameValue(rows[i][2], g.Value)) continue;
                n++;
                var c = perType.TryGetValue(g.Type, out var arr) ? arr : perType[g.Type] = new int[3];
                c[0]++;
                if (rows[i][3].Length > 0) dpAnswered++;
                if (SameValue(rows[i][3], g.Value)) { dpRight++; c[1]++; }
                if (ours.GetValueOrDefault((doc.Name, i)) is { } v && SameValue(v, g.Value)) { ourRight++; c[2]++; }
            }
        }
        Console.WriteLine("Side by side on the gold expressions (value right / all gold expressions; dateparser is given the exact gold words, ours runs on the full text):");
        Console.WriteLine($"  expressions {n}: crosscheck {Ratio(ourRight, n):0.000}  dateparser {Ratio(dpRight, n):0.000} (dateparser answered {Ratio(dpAnswered, n):0.000})");
        foreach (var (type, c) in perType)
            Console.WriteLine($"  {type,-9} {c[0],5}: crosscheck {Ratio(c[2], c[0]):0.000}  dateparser {Ratio(c[1], c[0]):0.000}");
    }

    private static string? FindShared(string relative)
    {
        var env = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, relative))) return Path.Combine(env, relative);
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var c = Path.Combine(d.FullName, "shared", relative);
            if (Directory.Exists(c)) return c;
        }
        return null;
    }

    private static string? FindUp(string relative)
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, relative))) return Path.Combine(d.FullName, relative);
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, relative))) return Path.Combine(d.FullName, relative);
        return null;
    }
}
