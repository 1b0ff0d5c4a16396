using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Model;

namespace Crosscheck.Tests.Time;

public class TimeAnnotatorTests
{
    private static readonly DateOnly Thursday = new(2024, 6, 20);

    private static TimeExpression One(string text, DateOnly? reference, string phrase)
    {
        var times = TimeAnnotator.Tag(text, reference);
        var t = Assert.Single(times, x => x.Text == phrase);
        Assert.Equal(phrase, text.Substring(t.Span.Start, t.Span.Length));
        return t;
    }

    [Theory]
    [InlineData("The official said Thursday that talks failed.", "Thursday", "2024-06-20")]
    [InlineData("The official said Wednesday that talks failed.", "Wednesday", "2024-06-19")]
    [InlineData("The ministers will meet on Friday in Geneva.", "Friday", "2024-06-21")]
    [InlineData("He told reporters on Monday.", "Monday", "2024-06-17")]
    [InlineData("The leaders will meet next Monday.", "next Monday", "2024-06-24")]
    public void BareWeekdayPointsByTense(string text, string phrase, string value)
    {
        var t = One(text, Thursday, phrase);
        Assert.Equal("DATE", t.TimexType);
        Assert.Equal(value, t.Value);
        Assert.Equal(DatePrecision.Day, t.Precision);
        Assert.True(t.Relative);
    }

    [Theory]
    [InlineData("Russia used its veto in March to end the panel.", "March", "2024-03", "DATE")]
    [InlineData("The summit is scheduled for July in Washington.", "July", "2024-07", "DATE")]
    [InlineData("The deal was signed on June 19, 2024 in Pyongyang.", "June 19, 2024", "2024-06-19", "DATE")]
    [InlineData("Sales fell last year.", "last year", "2023", "DATE")]
    [InlineData("He resigned last month.", "last month", "2024-05", "DATE")]
    [InlineData("Prices rose this week.", "this week", "2024-W25", "DATE")]
    [InlineData("The talks lasted three days.", "three days", "P3D", "DURATION")]
    [InlineData("The plant closed two years ago.", "two years ago", "2022", "DATE")]
    [InlineData("The market opens every Sunday.", "every Sunday", "XXXX-WXX-7", "SET")]
    [InlineData("The paper is printed daily.", "daily", "P1D", "SET")]
    [InlineData("The vote is at 3:30 p.m. today.", "3:30 p.m. today", "2024-06-20T15:30", "TIME")]
    [InlineData("Profit rose in the third quarter.", "the third quarter", "2024-Q3", "DATE")]
    [InlineData("Officials are now checking.", "now", "PRESENT_REF", "DATE")]
    [InlineData("The press briefing on the 20th was short.", "the 20th", "2024-06-20", "DATE")]
    public void Normalises(string text, string phrase, string value, string type)
    {
        var t = One(text, Thursday, phrase);
        Assert.Equal(type, t.TimexType);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void EndOfThisMonthIsMonthPrecisionWithModifier()
    {
        var t = One("At the end of this month, the joint exercise will take place.", Thursday, "the end of this month");
        Assert.Equal("2024-06", t.Value);
        Assert.Equal(DatePrecision.Month, t.Precision);
        Assert.Equal("END", t.Modifier);
        Assert.Equal(new DateOnly(2024, 6, 1), t.Date);
    }

    [Fact]
    public void ModalMayIsNotAMonth()
    {
        var times = TimeAnnotator.Tag("Seoul may send weapons. They march on. May 5 is a holiday.", Thursday);
        Assert.Equal(["May 5"], times.Select(t => t.Text));
    }

    [Fact]
    public void WithoutReferenceRelativeValuesStayOpen()
    {
        var t = One("The official said Thursday that talks failed.", null, "Thursday");
        Assert.Equal("XXXX-WXX-4", t.Value);
        Assert.Null(t.Date);
    }

    [Fact]
    public void InfersPublicationFromCaptionDateAndWeekdays()
    {
        var text = "Leaders attend a ceremony June 19, 2024 in Pyongyang.\n\nThe adviser told reporters Thursday evening about it.\n\nSeoul summoned the ambassador on Friday over the deal.";
        var p = TimeAnnotator.InferPublished(text);
        Assert.NotNull(p);
        Assert.True(p!.Inferred);
        Assert.Equal(new DateOnly(2024, 6, 21), p.Date);
        Assert.Equal(new DateOnly(2024, 6, 21), p.NotBefore);
        Assert.NotEmpty(p.Evidence);
        Assert.InRange(p.Confidence, 0.1, 0.95);
    }

    [Fact]
    public void WeekdayWithMonthDayFixesYear()
    {
        // Thursday, June 20 fits 2024 first among the years from 2022 (named in the text)
        var p = TimeAnnotator.InferPublished("The war began in 2022.\n\nOn Thursday, June 20 the council met.");
        Assert.Equal(2024, p?.Date.Year);
    }

    [Fact]
    public void AnnotatorKeepsStatedDateAndInfersOnlyWhenMissing()
    {
        var stated = Support.TestDocs.AnnotateThrough<TimeAnnotator>("The minister said Thursday he would resign.", new DateOnly(2024, 6, 22));
        Assert.False(stated.Published!.Inferred);
        Assert.Equal("2024-06-20", Assert.Single(stated.Times).Value);

        var undated = Support.TestDocs.AnnotateThrough<TimeAnnotator>("The minister said Thursday he would resign.");
        Assert.Null(undated.Published);
        Assert.Equal("XXXX-WXX-4", Assert.Single(undated.Times).Value);
    }
    [Theory]
    // a deadline after a threat, an order or "must" lies ahead, though the threat itself is past
    [InlineData("The group has threatened to publish the rest of the files by Thursday.", "Thursday", "2027-05-13")]
    [InlineData("The union threatened to walk out before Friday.", "Friday", "2027-05-14")]
    [InlineData("The court told the firm to hand over the records by Monday.", "Monday", "2027-05-10")]
    [InlineData("Shareholders must vote by Tuesday.", "Tuesday", "2027-05-11")]
    [InlineData("Creditors were given a deadline of Wednesday.", "Wednesday", "2027-05-12")]
    // no threat or order: "by" a day in a past clause stays in the past
    [InlineData("By Tuesday, 20 people had been rescued.", "Tuesday", "2027-05-04")]
    [InlineData("Twenty people had been rescued by Tuesday.", "Tuesday", "2027-05-04")]
    [InlineData("The group threatened on Thursday to publish the files.", "Thursday", "2027-05-06")]
    public void DeadlinePointsAhead(string text, string phrase, string value)
    {
        var t = One(text, new DateOnly(2027, 5, 8), phrase); // a Saturday
        Assert.Equal(value, t.Value);
    }
}
