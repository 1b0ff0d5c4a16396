// Whole-pipeline throughput: builds a corpus by repeating the samples, runs every stage, prints articles per second.
// usage: dotnet run -c Release --project bench/Crosscheck.Bench -- [--copies N] [--threads T] [--samples DIR] [--same]
// By default each copy is made a distinct story (its capitalised words get a copy-specific suffix, consistently across
// the copy's files), so the corpus is many stories of a few articles each, as a news feed is; --same keeps the copies
// identical, which piles every copy of a sample into one giant story (the worst case for the story passes).
using System.Diagnostics;
using System.Text.RegularExpressions;
using Crosscheck.Core.Pipeline;

int copies = 50, threads = 1;
bool same = args.Contains("--same");
string samples = Path.Combine(FindRoot(), "samples");
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--copies") copies = int.Parse(args[++i]);
    else if (args[i] == "--threads") threads = int.Parse(args[++i]);
    else if (args[i] == "--samples") samples = args[++i];
}

var corpus = Directory.CreateTempSubdirectory("crosscheck-bench-").FullName;
try
{
    var files = Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
    for (int c = 0; c < copies; c++)
        foreach (var f in files)
        {
            var target = Path.Combine(corpus, $"{c:D4}-{Path.GetFileName(Path.GetDirectoryName(f))}-{Path.GetFileName(f)}");
            if (same || c == 0) File.Copy(f, target);
            else File.WriteAllText(target, Distinct(File.ReadAllText(f), c));
        }
    long bytes = Directory.EnumerateFiles(corpus).Sum(f => new FileInfo(f).Length);

    var builder = new PipelineBuilder { MaxParallelism = threads }.UseDefaults();
    builder.Build().Run([Path.Combine(samples)]); // warm-up: JIT and model loading
    var pipeline = builder.Build();
    var stageTimes = new Dictionary<string, Stopwatch>();

    var total = Stopwatch.StartNew();
    var ingestWatch = Stopwatch.StartNew();
    var ingest = pipeline.Reader.Read([corpus]);
    ingestWatch.Stop();
    var annotateWatch = Stopwatch.StartNew();
    var docs = pipeline.AnnotateAll(ingest.Documents);
    annotateWatch.Stop();
    var clusterWatch = Stopwatch.StartNew();
    var stories = pipeline.Clusterer.Cluster(docs);
    clusterWatch.Stop();
    var crossWatch = Stopwatch.StartNew();
    var checkedStories = new Crosscheck.Core.Model.Story[stories.Count];
    Parallel.For(0, stories.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => checkedStories[i] = pipeline.CrossCheck(stories[i]));
    crossWatch.Stop();
    total.Stop();

    int n = ingest.Documents.Length;
    Console.WriteLine($"corpus: {n} articles ({copies} {(same ? "identical" : "distinct")} copies of {files.Count} sample files), {bytes / 1024.0:0} KiB, {checkedStories.Length} stories; threads: {threads}");
    Console.WriteLine($"ingest      {ingestWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"annotate    {annotateWatch.Elapsed.TotalMilliseconds,9:0} ms  ({n / annotateWatch.Elapsed.TotalSeconds:0} articles/s)");
    Console.WriteLine($"cluster     {clusterWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"cross-check {crossWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"total       {total.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"throughput: {n / total.Elapsed.TotalSeconds:0.0} articles/s, {bytes / 1048576.0 / total.Elapsed.TotalSeconds:0.00} MB/s on {threads} thread(s)");
}
finally { Directory.Delete(corpus, recursive: true); }

// Names, places and organisations of copy c get a suffix of letters derived from c ("Dunmere" -> "Dunmerebc").
static string Distinct(string text, int c)
{
    var suffix = string.Concat(c.ToString().Select(d => (char)('a' + (d - '0'))));
    return Regex.Replace(text, @"\b[A-Z][a-z]{3,}\b", m => m.Value + suffix);
}

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "Crosscheck.slnx"))) d = d.Parent;
    return d?.FullName ?? Directory.GetCurrentDirectory();
}
