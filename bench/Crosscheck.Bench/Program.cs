// Whole-pipeline throughput: builds a corpus by repeating the samples, runs every stage, prints articles per second.
// usage: dotnet run -c Release --project bench/Crosscheck.Bench -- [--copies N] [--threads T] [--samples DIR]
using System.Diagnostics;
using Crosscheck.Core.Pipeline;

int copies = 50, threads = 1;
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
            File.Copy(f, Path.Combine(corpus, $"{c:D4}-{Path.GetFileName(Path.GetDirectoryName(f))}-{Path.GetFileName(f)}"));
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
    var checkedStories = stories.Select(pipeline.CrossCheck).ToList();
    crossWatch.Stop();
    total.Stop();

    int n = ingest.Documents.Length;
    Console.WriteLine($"corpus: {n} articles ({copies} copies of {files.Count} sample files), {bytes / 1024.0:0} KiB, {checkedStories.Count} stories; threads: {threads}");
    Console.WriteLine($"ingest      {ingestWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"annotate    {annotateWatch.Elapsed.TotalMilliseconds,9:0} ms  ({n / annotateWatch.Elapsed.TotalSeconds:0} articles/s)");
    Console.WriteLine($"cluster     {clusterWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"cross-check {crossWatch.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"total       {total.Elapsed.TotalMilliseconds,9:0} ms");
    Console.WriteLine($"throughput: {n / total.Elapsed.TotalSeconds:0.0} articles/s, {bytes / 1048576.0 / total.Elapsed.TotalSeconds:0.00} MB/s on {threads} thread(s)");
}
finally { Directory.Delete(corpus, recursive: true); }

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "Crosscheck.slnx"))) d = d.Parent;
    return d?.FullName ?? Directory.GetCurrentDirectory();
}
