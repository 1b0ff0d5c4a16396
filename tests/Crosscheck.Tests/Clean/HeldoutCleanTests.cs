using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

/// <summary>Cleaning, segmentation and date-line rules added after the held-out story (samples/kestrava-recount).</summary>
public class HeldoutCleanTests
{
    private const string Text = "Quarry blast shakes Tolven\n\nA blast at the Tolven quarry broke windows in twelve homes on Monday, the council said.\n\n"
        + "Engineers will inspect the site this week.\n\nSign up for the Tolven Echo morning briefing\nRead more: Council votes to close the quarry road\nSee also — Quarry jobs at risk\n";

    [Fact]
    public void Calls_to_action_and_link_labels_are_removed_with_reasons()
    {
        var d = new BoilerplateCleaner().Annotate(TestDocs.Raw(Text));
        string? Reason(string line) => d.Clean!.Removed.FirstOrDefault(r => d.Slice(r.Span) == line)?.Reason;
        Assert.Equal("subscription prompt", Reason("Sign up for the Tolven Echo morning briefing"));
        Assert.Equal("related links", Reason("Read more: Council votes to close the quarry road"));
        Assert.Equal("related links", Reason("See also — Quarry jobs at risk"));
        // prose that happens to start with the same words stays
        var kept = d.Clean!.Blocks.Select(b => d.Slice(b.Span)).ToList();
        Assert.Contains("Engineers will inspect the site this week.", kept);
        var prose = new BoilerplateCleaner().Annotate(TestDocs.Raw("Quarry blast\n\nSubscribers to the council's alert service were warned an hour before the blast, officials said.\n"));
        Assert.Contains(prose.Clean!.Blocks, b => prose.Slice(b.Span).StartsWith("Subscribers"));
    }

    [Theory]
    [InlineData("**Why was the road shut?** Engineers feared a collapse.", "**Why was the road shut?**|Engineers feared a collapse.")]
    [InlineData("_Is it safe?_ Not yet, the council said.", "_Is it safe?_|Not yet, the council said.")]
    public void Markdown_emphasis_after_a_question_mark_closes_the_sentence(string text, string expected)
    {
        var spans = new List<TextSpan>();
        Crosscheck.Core.Segment.SentenceSplitter.Split(text, 0, text.Length, spans);
        Assert.Equal(expected.Split('|'), spans.Select(s => text[s.Start..s.End]).ToArray());
    }

    [Fact]
    public void A_question_in_emphasis_is_no_claim()
    {
        var d = TestDocs.AnnotateThrough<ClaimExtractor>("Road closure\n\n**Why was the quarry road shut for nine days?** Engineers feared a collapse of the old retaining wall near the quarry.\n");
        Assert.DoesNotContain(d.Claims, c => c.Text.Contains("Why"));
        Assert.Contains(d.Claims, c => c.Text.StartsWith("Engineers"));
    }

    [Fact]
    public void A_full_date_on_a_removed_line_above_the_body_dates_the_page()
    {
        const string page = "# Quarry blast: what we know\n\n*Tolven Echo · Explainer · Friday 7 March 2031*\n\n"
            + "A blast at the Tolven quarry broke windows in twelve homes on Wednesday, the council said. Engineers will inspect the site on Monday.\n";
        var d = TestDocs.AnnotateThrough<TimeAnnotator>(page);
        var header = d.Clean!.Removed.Single(r => d.Slice(r.Span).Contains("2031"));
        Assert.NotNull(d.Published);
        Assert.Equal(new DateOnly(2031, 3, 7), d.Published!.Date);
        Assert.True(d.Published.Inferred);
        Assert.Contains(d.Published.Evidence, e => e.Contains("7 March 2031"));
        // the date line only dates the page: it is no time expression of the text
        Assert.DoesNotContain(d.Times, t => header.Span.Contains(t.Span.Start));
        Assert.Contains(d.Times, t => t.Text == "Wednesday" && t.Date == new DateOnly(2031, 3, 5));
    }

    [Fact]
    public void A_removed_line_with_two_full_dates_dates_nothing_by_itself()
    {
        const string page = "# Quarry blast\n\n*Updated 7 March 2031 · First published 1 March 2031*\n\nA blast at the Tolven quarry broke windows in twelve homes, the council said.\n";
        var d = TestDocs.AnnotateThrough<TimeAnnotator>(page);
        Assert.DoesNotContain(d.Published?.Evidence ?? [], e => e.Contains("date line"));
    }
}
