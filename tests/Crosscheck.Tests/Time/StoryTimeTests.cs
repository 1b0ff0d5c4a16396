using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Time;

public class StoryTimeTests
{
    [Fact]
    public void OtherSourcesDateAnUndatedSourceAndTimelineMerges()
    {
        var stories = TestDocs.RunAll(
            ("The two leaders signed the pact on June 19, 2024 in Pyongyang.\nSeoul summoned the Russian ambassador on Friday over the pact.", null),
            ("Seoul summoned the Russian ambassador on Friday over the pact, officials said.\nThe adviser gave an interview on Sunday.", null));
        var story = Assert.Single(stories);
        var s2 = story.Doc("s2");
        Assert.NotNull(s2.Published);
        Assert.True(s2.Published!.Inferred);
        Assert.Equal(new DateOnly(2024, 6, 23), s2.Published.Date);
        Assert.True(s2.Published.Date >= s2.Published.NotBefore);

        var friday = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2024, 6, 21));
        Assert.Equal(new[] { "s1", "s2" }, friday.Sources.ToArray());
        Assert.Equal("Friday", friday.PhraseText);
        Assert.Equal(friday.PhraseText, story.Doc(friday.Phrase.DocId).Slice(friday.Phrase.Span));
        Assert.Contains("summoned", friday.What);
        Assert.Contains(story.Timeline, e => e.Date == new DateOnly(2024, 6, 19) && e.Precision == DatePrecision.Day);
        Assert.Equal(story.Timeline.OrderBy(e => e.Date).Select(e => e.Date), story.Timeline.Select(e => e.Date));
    }

    [Fact]
    public void SameEventOnDifferentDaysIsADateDiscrepancy()
    {
        var stories = TestDocs.RunAll(
            ("The foreign ministry held a press conference on Friday about the missile launch.", new DateOnly(2024, 6, 22)),
            ("The foreign ministry held a press conference on Thursday about the missile launch.", new DateOnly(2024, 6, 22)));
        var story = Assert.Single(stories);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal($"d{story.Discrepancies.IndexOf(d) + 1}", d.Id);
        Assert.Equal(["2024-06-20", "2024-06-21"], d.Values.Select(v => v.Value));
        Assert.All(d.Values, v => { Assert.Empty(v.Claims); Assert.NotEmpty(v.Sources); Assert.NotEmpty(v.Spans); });
    }
}
