using Crosscheck.Core.Cluster;
using Crosscheck.Core.Clean;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Segment;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Cluster;

public class StoryClustererTests
{
    private static string FixtureDir => Path.Combine(SharedData.RepoRoot, "tests", "Crosscheck.Tests", "Cluster", "Fixtures");

    [Fact]
    public void Fixture_corpus_of_overlapping_stories_is_clustered_with_bcubed_f1_of_at_least_0_9()
    {
        var (score, stories) = LabelledCorpus.Evaluate(FixtureDir);
        Assert.Equal(14, score.Documents);
        Assert.True(score.F1 >= 0.9, $"B-cubed F1 {score.F1:F3} (P {score.Precision:F3}, R {score.Recall:F3}); stories: " +
            string.Join(" / ", stories.Select(s => string.Join(",", s.Documents.Select(d => LabelledCorpus.LabelOf(d.Source.File))))));
        Assert.Equal(["story1", "story2", "story3", "story4", "story5"], stories.Select(s => s.Id).Take(5));
        Assert.True(stories[0].Documents.Length >= stories[^1].Documents.Length);
    }

    [Fact]
    public void Clustering_is_deterministic_and_independent_of_thread_timing()
    {
        var a = LabelledCorpus.Evaluate(FixtureDir).Stories;
        var b = LabelledCorpus.Evaluate(FixtureDir).Stories;
        Assert.Equal(a.Select(s => string.Join(",", s.Documents.Select(d => d.Id)) + s.Title), b.Select(s => string.Join(",", s.Documents.Select(d => d.Id)) + s.Title));
    }

    [Fact]
    public void Story_title_comes_from_one_of_its_documents()
    {
        var (_, stories) = LabelledCorpus.Evaluate(FixtureDir);
        Assert.All(stories, s => Assert.Contains(s.Title, s.Documents.Select(d => d.Title)));
    }

    [Fact]
    public void BCubed_scores_known_cases()
    {
        Assert.Equal(1.0, BCubed.Score([0, 0, 1], ["a", "a", "b"]).F1, 6);
        var (p, r, _) = BCubed.Score([0, 0, 0], ["a", "a", "b"]);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, p, 6);
        Assert.Equal(1.0, r, 6);
    }

    [SharedFact]
    public void The_five_seeds_form_one_story()
    {
        var read = new ArticleReader(new IngestOptions()).Read([SharedData.SeedsDir]);
        var docs = read.Documents.Select(d => new Segmenter().Annotate(new BoilerplateCleaner().Annotate(d))).ToList();
        var story = Assert.Single(new StoryClusterer().Cluster(docs));
        Assert.Equal(5, story.Documents.Length);
        Assert.False(string.IsNullOrWhiteSpace(story.Title));
    }

    [SharedFact]
    public void Seeds_mixed_with_the_fixture_corpus_form_their_own_story()
    {
        using var tmp = new Crosscheck.Tests.Ingest.TempFolder();
        foreach (var f in Directory.GetFiles(FixtureDir)) File.Copy(f, Path.Combine(tmp.Path, Path.GetFileName(f)));
        foreach (var f in Directory.GetFiles(SharedData.SeedsDir)) File.Copy(f, Path.Combine(tmp.Path, "korea__" + Path.GetFileName(f)));
        var (score, stories) = LabelledCorpus.Evaluate(tmp.Path);
        Assert.Equal(6, stories.Count);
        Assert.True(score.F1 >= 0.95, $"B-cubed F1 {score.F1:F3}");
        Assert.Equal(5, stories[0].Documents.Length);
    }

    [Fact]
    public void Unrelated_single_documents_stay_apart()
    {
        var docs = new[]
        {
            TestDocs.AnnotateThrough<Segmenter>("Orchard Harvest Breaks Record\n\nApple growers in the hill country picked a record crop this autumn, helped by a warm spring.", id: "s1"),
            TestDocs.AnnotateThrough<Segmenter>("Chess Champion Retains Title\n\nThe world chess champion kept her title after a tense final game in the capital.", id: "s2"),
        };
        Assert.Equal(2, new StoryClusterer().Cluster(docs).Count);
    }
}
