using Crosscheck.Core.Clean;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Segment;

namespace Crosscheck.Core.Cluster;

/// <summary>The score of a clustering run on a labelled corpus.</summary>
public sealed record ClusteringScore(int Documents, int Labels, int Stories, double Precision, double Recall, double F1, double Seconds);

/// <summary>
/// Scores story clustering on a folder of <c>&lt;label&gt;__&lt;name&gt;.(jsonl|json|txt|...)</c> files: every document of a
/// file carries the label before "__"; the score is B-cubed against the stories the clusterer forms.
/// </summary>
public static class LabelledCorpus
{
    public static string LabelOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        int sep = name.IndexOf("__", StringComparison.Ordinal);
        return sep > 0 ? name[..sep] : name;
    }

    /// <summary>Reads, cleans and segments the corpus, clusters it, and scores the result.</summary>
    public static (ClusteringScore Score, IReadOnlyList<Story> Stories) Evaluate(string folder, IStoryClusterer? clusterer = null)
    {
        var read = new ArticleReader(new IngestOptions()).Read([folder]);
        var cleaner = new BoilerplateCleaner();
        var segmenter = new Segmenter();
        var docs = read.Documents.Select(d => segmenter.Annotate(cleaner.Annotate(d))).ToList();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var stories = (clusterer ?? new StoryClusterer()).Cluster(docs);
        sw.Stop();
        var storyOf = new Dictionary<string, int>();
        for (int s = 0; s < stories.Count; s++) foreach (var d in stories[s].Documents) storyOf[d.Id] = s;
        var gold = docs.Select(d => LabelOf(d.Source.File)).ToList();
        var (p, r, f) = BCubed.Score(docs.Select(d => storyOf[d.Id]).ToList(), gold);
        return (new ClusteringScore(docs.Count, gold.Distinct().Count(), stories.Count, p, r, f, sw.Elapsed.TotalSeconds), stories);
    }
}
