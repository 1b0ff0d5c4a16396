using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Time;

/// <summary>Timeline rules added after the held-out story (samples/kestrava-recount).</summary>
public class HeldoutTimelineTests
{
    private static readonly DateOnly Thu = new(2031, 3, 13);

    [Fact]
    public void An_event_told_on_another_day_elsewhere_is_not_swallowed_by_a_different_event_of_its_day()
    {
        // s3 dates the board's decision to Wednesday, the day the others say the inspection began; the shared words
        // ("board", "inspection", "Harwick") must not fold it into the inspection entry and hide the conflict
        var stories = TestDocs.RunAll(
            ("Harwick bridge inspection begins\n\nEngineers began a full inspection of the Harwick bridge on Wednesday.\n\nThe transport board ordered the inspection on Tuesday after cracks were found in two pillars.\n", Thu),
            ("Bridge checks under way in Harwick\n\nThe transport board ordered the inspection on Tuesday, citing cracks in two pillars of the Harwick bridge.\n", Thu),
            ("Harwick bridge closed\n\nThe transport board ordered the inspection of the Harwick bridge on Wednesday, hours before engineers began work.\n", Thu));
        var story = Assert.Single(stories);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2031-03-11", "2031-03-12"], d.Values.Select(v => v.Value));
        Assert.Equal(new[] { "s3" }, d.Values[1].Sources.ToArray());
        Assert.Equal("2031-03-11", d.ResolvedValue);
        Assert.Contains("stated publication date", d.Resolution);
    }

    [Fact]
    public void A_date_given_by_two_copies_of_one_wire_story_counts_once()
    {
        const string wire = "Harwick bridge inspection begins\n\nThe transport board ordered the inspection of the Harwick bridge on Tuesday after cracks were found in two of its pillars, a spokeswoman said.\n\nEngineers began work at the site on Wednesday morning and expect to finish within a week.\n";
        var stories = TestDocs.RunAll(
            (wire, Thu), (wire.Replace("a spokeswoman said", "the board said"), Thu),
            ("Harwick bridge closed\n\nThe transport board ordered the inspection of the Harwick bridge on Wednesday, hours before engineers began work at the site.\n", Thu));
        var story = Assert.Single(stories);
        Assert.NotEmpty(story.SharedOrigins);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        // two copies against one independent source: one origin each, no majority
        Assert.Null(d.ResolvedValue);
    }

    [Theory]
    [InlineData("Counting began at 8 a.m. in the town hall.")]
    [InlineData("The minister arrived at midday and left after an hour.")]
    public void A_time_of_day_without_a_day_makes_no_timeline_entry(string sentence)
    {
        var stories = TestDocs.RunAll(("Town hall count\n\nThe council met on Monday to approve the count.\n\n" + sentence + "\n", Thu));
        var story = Assert.Single(stories);
        Assert.Contains(story.Timeline, e => e.PhraseText == "Monday");
        Assert.DoesNotContain(story.Timeline, e => e.PhraseText.Contains("a.m.") || e.PhraseText.Contains("midday"));
    }

    [Fact]
    public void A_thousands_separator_does_not_cut_the_event_words()
    {
        var stories = TestDocs.RunAll(("Ward results\n\nTurnout was high, with 4,410 ballots cast in the ward on Sunday.\n", Thu));
        var entry = Assert.Single(Assert.Single(stories).Timeline, e => e.PhraseText == "Sunday");
        Assert.Contains("4,410 ballots cast", entry.What);
    }
}
