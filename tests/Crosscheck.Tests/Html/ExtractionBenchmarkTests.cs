using System.IO.Compression;
using System.Text.Json;
using Crosscheck.Core.Ingest.Html;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Html;

/// <summary>Issue 7's floor on the public article-extraction benchmark: a regression in the extractor shows up here.</summary>
public class ExtractionBenchmarkTests
{
    [SharedFact]
    public void Benchmark_f1_precision_and_recall_stay_at_the_documented_level()
    {
        var dir = Path.Combine(SharedData.EvalDir, "article-extraction-benchmark");
        using var gt = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ground-truth.json")));
        var matches = new List<ShingleMatch>();
        foreach (var page in gt.RootElement.EnumerateObject())
        {
            using var gz = new GZipStream(File.OpenRead(Path.Combine(dir, "html", page.Name + ".html.gz")), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            var url = page.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            string predicted;
            try { predicted = HtmlArticleExtractor.ExtractFromBytes(ms.ToArray(), url).Body; }
            catch (HtmlExtractionException) { predicted = ""; }
            matches.Add(ExtractionScorer.Match(page.Value.GetProperty("articleBody").GetString() ?? "", predicted));
        }
        Assert.Equal(181, matches.Count);
        var score = ExtractionScorer.Aggregate(matches);
        Assert.True(score.F1 >= 0.955, $"F1 {score.F1:F3}");
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:F3}");
        Assert.True(score.Recall >= 0.95, $"recall {score.Recall:F3}");
    }
}
