using Crosscheck.Core.Annotate.Time;

namespace Crosscheck.Tests.Time;

public class PublicationDateTests
{
    [Theory]
    [InlineData("https://example.com/world/2024/06/20/treaty-signed/", null, "2024-06-20")]
    [InlineData("https://example.com/news/20240620-treaty.html", null, "2024-06-20")]
    [InlineData("https://example.com/news/story?date=2024-06-20", null, "2024-06-20")]
    [InlineData(null, "archive/APW19980807.0261.tml", "1998-08-07")]
    [InlineData(null, "AP900815-0044", "1990-08-15")]
    [InlineData(null, "ea980120.1830.0456", "1998-01-20")]
    public void NameCarriesADate(string? url, string? file, string date)
    {
        var found = SourceNameDates.Find(url, file);
        Assert.NotNull(found);
        Assert.Equal(DateOnly.Parse(date), found!.Date);
        Assert.NotEmpty(found.Evidence);
    }

    [Theory]
    [InlineData("https://news24.com/world/treaty-signed", null)] // digits in the host are no date
    [InlineData("https://example.com/2024/06/treaty", null)] // a month is not a day
    [InlineData(null, "wsj_0068.tml")]
    [InlineData(null, "report_020304.txt")] // 02-03-04 reads three ways
    [InlineData(null, "story-2024-06-20-and-2024-06-21.html")] // two dates: none
    public void NameCarriesNoDate(string? url, string? file) => Assert.Null(SourceNameDates.Find(url, file));

    [Fact]
    public void NameDateDatesTheDocumentWithItsEvidence()
    {
        var p = TimeAnnotator.InferPublished("The minister said Thursday he would resign.", url: "https://example.com/2024/06/21/minister");
        Assert.NotNull(p);
        Assert.True(p!.Inferred);
        Assert.Equal(new DateOnly(2024, 6, 21), p.Date);
        Assert.Contains(p.Evidence, e => e.Contains("2024/06/21"));
    }

    [Fact]
    public void WeekdaysAndAnOldYearInventNoDate()
    {
        // a year merely named is history as often as news; weekdays alone give no year
        Assert.Null(TimeAnnotator.InferPublished("The strike of 1995 was recalled. The minister said Thursday he would resign on Friday."));
        Assert.Null(TimeAnnotator.InferPublished("The minister said Thursday he would resign on Friday."));
    }

    [Fact]
    public void ThisYearBesideAYearNamesTheCurrentYear()
    {
        var p = TimeAnnotator.InferPublished("Earnings fell this year, and 2024 looks weak.\n\nThe board met on Thursday, June 20.");
        Assert.Equal(new DateOnly(2024, 6, 20), p?.Date);
    }
}
