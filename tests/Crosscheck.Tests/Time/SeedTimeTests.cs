using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Time;

public class SeedTimeTests
{
    private static Story SeedStory()
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run([SharedData.SeedsDir]);
        return Assert.Single(result.Stories);
    }

    [SharedFact]
    public void EverySeedGetsAnInferredDateOnOrAfterItsLatestEvent()
    {
        var story = SeedStory();
        foreach (var doc in story.Documents)
        {
            Assert.NotNull(doc.Published);
            Assert.True(doc.Published!.Inferred);
            Assert.NotEmpty(doc.Published.Evidence);
            var latestPastDay = doc.Times.Where(t => t.Precision == DatePrecision.Day && t.Date is not null && t.Date <= doc.Published.Date).Select(t => t.Date!.Value).DefaultIfEmpty().Max();
            Assert.True(doc.Published.NotBefore is null || doc.Published.Date >= doc.Published.NotBefore);
            Assert.True(doc.Published.Date >= latestPastDay);
            Assert.Equal(2024, doc.Published.Date.Year);
            Assert.Equal(6, doc.Published.Date.Month);
        }
    }

    [SharedTheory]
    [InlineData("2024-06-19", DatePrecision.Day, null)]
    [InlineData("2024-06-20", DatePrecision.Day, null)]
    [InlineData("2024-06-05", DatePrecision.Day, null)]
    [InlineData("2024-06-23", DatePrecision.Day, null)]
    [InlineData("2024-06-21", DatePrecision.Day, null)]
    [InlineData("2024-03-01", DatePrecision.Month, null)]
    [InlineData("2024-06-01", DatePrecision.Month, "END")]
    [InlineData("2024-07-01", DatePrecision.Month, null)]
    public void SeedTimelineHoldsTheStoryDates(string date, DatePrecision precision, string? modifier)
    {
        var story = SeedStory();
        var d = DateOnly.Parse(date);
        var entry = Assert.Single(story.Timeline, e => e.Date == d && e.Precision == precision && e.Modifier == modifier
            && (precision != DatePrecision.Day || e == story.Timeline.First(x => x.Date == d && x.Precision == precision)));
        Assert.Equal(entry.PhraseText, story.Doc(entry.Phrase.DocId).Slice(entry.Phrase.Span));
        Assert.False(string.IsNullOrWhiteSpace(entry.What));
    }
}
