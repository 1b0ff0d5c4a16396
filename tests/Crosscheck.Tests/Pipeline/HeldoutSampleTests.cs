using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Pipeline;

/// <summary>
/// The held-out story samples/kestrava-recount (written after the pipeline, to measure it on unseen text): what the
/// pipeline must find in it. See docs/evaluation/heldout.md.
/// </summary>
public class HeldoutSampleTests
{
    private static readonly Lazy<Story> Recount = new(() =>
        Assert.Single(new PipelineBuilder().UseDefaults().Build().Run([Path.Combine(SharedData.SamplesDir, "kestrava-recount")]).Stories));

    private static string FileOf(Story story, string docId) => Path.GetFileName(story.Doc(docId).Source.File);

    private static string[] Files(Story story, IEnumerable<string> docIds) => docIds.Select(d => FileOf(story, d)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Disputed_ballots_rising_from_41_to_57_is_an_update()
    {
        var story = Recount.Value;
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Values.Any(v => v.Value == "57"));
        Assert.True(d.IsUpdate);
        Assert.Equal(["41", "57"], d.Values.Select(v => v.Value));
        Assert.Equal("57", d.ResolvedValue);
        Assert.Equal(["04-civic-record.jsonl"], Files(story, d.Values[1].Sources));
    }

    [Fact]
    public void Fourteen_polling_stations_win_by_majority_with_the_wire_copy_counted_once()
    {
        var story = Recount.Value;
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Values.Any(v => v.Value == "17"));
        Assert.Equal("majority", d.ResolutionMethod);
        Assert.Equal("14", d.ResolvedValue);
        Assert.Equal(["01-ostrel-press-wire.txt", "02-valley-courier.html", "03-kestrava-tribune.html"], Files(story, d.Values.First(v => v.Value == "14").Sources));
        Assert.Contains("2 independent sources", d.Resolution);
        Assert.All(d.Values, v => Assert.All(v.Spans, s => Assert.Equal(v.Value, story.Doc(s.DocId).Slice(s.Span))));
    }

    [Fact]
    public void The_38_and_83_vote_margins_in_one_article_are_settled_by_the_wire_result()
    {
        var story = Recount.Value;
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Values.Any(v => v.Value == "83"));
        Assert.True(d.SameDocument);
        Assert.Equal(["03-kestrava-tribune.html"], Files(story, d.Values.SelectMany(v => v.Sources).Distinct()));
        Assert.Equal("arithmetic", d.ResolutionMethod);
        Assert.Equal("38", d.ResolvedValue);
        Assert.Contains("6,326 − 6,288 = 38", d.Resolution);
    }

    [Fact]
    public void The_recount_ordered_on_Tuesday_or_Wednesday_is_a_date_discrepancy_settled_for_Tuesday()
    {
        var story = Recount.Value;
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2026-10-13", "2026-10-14"], d.Values.Select(v => v.Value));
        Assert.Equal(["03-kestrava-tribune.html"], Files(story, d.Values[1].Sources));
        Assert.Equal("2026-10-13", d.ResolvedValue);
        Assert.Contains("copies of one story counted once", d.Resolution);
    }

    [Fact]
    public void Sources_are_dated_and_cleaned()
    {
        var story = Recount.Value;
        DateOnly? Published(string file) => story.Documents.Single(d => Path.GetFileName(d.Source.File) == file).Published?.Date;
        Assert.Equal(new DateOnly(2026, 10, 14), Published("02-valley-courier.html")); // JSON-LD datePublished
        Assert.Equal(new DateOnly(2026, 10, 15), Published("04-civic-record.jsonl"));
        Assert.Equal(new DateOnly(2026, 10, 15), Published("05-ulmar-observer.md")); // the header's date line
        Assert.Equal(new DateOnly(2026, 10, 14), Published("01-ostrel-press-wire.txt")); // from its copy and the other sources
        var wire = story.Documents.Single(d => Path.GetFileName(d.Source.File) == "01-ostrel-press-wire.txt");
        Assert.DoesNotContain(wire.Clean!.Blocks, b => wire.Slice(b.Span).StartsWith("Sign up") || wire.Slice(b.Span).StartsWith("Read more"));
        Assert.Contains(story.SharedOrigins, g => g.Select(id => FileOf(story, id)).Order(StringComparer.Ordinal).SequenceEqual(["01-ostrel-press-wire.txt", "02-valley-courier.html"]));
        // no Markdown emphasis left at the edge of a claim
        Assert.DoesNotContain(story.Documents.SelectMany(d => d.Claims), c => c.Text.Contains("**"));
    }

    [Fact]
    public void The_timeline_dates_the_election_and_leaves_bare_clock_times_out()
    {
        var story = Recount.Value;
        Assert.Contains(story.Timeline, e => e.Date == new DateOnly(2026, 10, 11) && e.What.Contains("12,803"));
        Assert.DoesNotContain(story.Timeline, e => e.PhraseText.Contains("a.m."));
        Assert.Contains(story.Timeline, e => e.PhraseText == "the end of the month" && e.Date.Month == 10);
    }
}
