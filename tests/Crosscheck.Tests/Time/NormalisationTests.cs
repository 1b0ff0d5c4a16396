using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Model;

namespace Crosscheck.Tests.Time;

/// <summary>TIMEX3 values of the expressions the grammar learned from the TimeBank error analysis.</summary>
public class NormalisationTests
{
    private static readonly DateOnly Thursday = new(2024, 6, 20);

    private static TimeExpression One(string text, DateOnly reference, string phrase)
    {
        var t = Assert.Single(TimeAnnotator.Tag(text, reference), x => x.Text == phrase);
        Assert.Equal(phrase, text.Substring(t.Span.Start, t.Span.Length));
        return t;
    }

    [Theory]
    [InlineData("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M")]
    [InlineData("He served 2 1/2 years in prison.", "2 1/2 years", "P2Y6M")]
    [InlineData("It took a minute and a half.", "a minute and a half", "PT1M30S")]
    [InlineData("They waited half an hour.", "half an hour", "PT30M")]
    [InlineData("Losses mounted over the next three quarters.", "the next three quarters", "P9M")]
    [InlineData("Prices may stay low for a couple of years.", "a couple of years", "P2Y")]
    [InlineData("Wages rose for several years.", "several years", "PXY")]
    [InlineData("Prices fell over the past few years.", "the past few years", "PXY")]
    [InlineData("The talks lasted three days.", "three days", "P3D")]
    [InlineData("The flight took two hours.", "two hours", "PT2H")]
    public void Durations(string text, string phrase, string value)
    {
        var t = One(text, Thursday, phrase);
        Assert.Equal("DURATION", t.TimexType);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Violence rose in the 1990s.", "the 1990s", "199X")]
    [InlineData("Violence rose in the late 1980s.", "late 1980s", "198")]
    [InlineData("Shares fell a decade ago.", "a decade ago", "2014")]
    [InlineData("The deal closed several years ago.", "several years ago", "PAST_REF")]
    [InlineData("He is now the leader.", "now", "PRESENT_REF")]
    [InlineData("Prices rose recently.", "recently", "PAST_REF")]
    [InlineData("It may change in the future.", "the future", "FUTURE_REF")]
    [InlineData("It was a 20th century idea.", "20th century", "19")]
    [InlineData("Talks resumed after Thanksgiving.", "Thanksgiving", "2023-11-23")]
    [InlineData("The vote is set for Election Day.", "Election Day", "2024-11-05")]
    [InlineData("He was elected in nineteen ninety-six.", "nineteen ninety-six", "1996")]
    [InlineData("They met in July last year.", "July last year", "2023-07")]
    [InlineData("A hearing is planned for the week of June 24.", "the week of June 24", "2024-W26")]
    [InlineData("Results for the quarter ended March 31 were weak.", "the quarter", "2024-Q1")]
    [InlineData("Sales in the third quarter of 1984 fell.", "the third quarter of 1984", "1984-Q3")]
    [InlineData("The company reported its results for the latest quarter.", "the latest quarter", "2024-Q1")]
    [InlineData("The plant was idle last summer.", "last summer", "2023-SU")]
    public void Dates(string text, string phrase, string value) => Assert.Equal(value, One(text, Thursday, phrase).Value);

    [Theory]
    [InlineData("The offer will expire at midnight Friday.", "midnight Friday", "2024-06-21T24:00")]
    [InlineData("Trading opened at 9 a.m. EDT Tuesday.", "9 a.m. EDT Tuesday", "2024-06-18T09:00")]
    [InlineData("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2024-06-19TAF")]
    public void Times(string text, string phrase, string value)
    {
        var t = One(text, Thursday, phrase);
        Assert.Equal("TIME", t.TimexType);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void RatesAreSetsAndAgesAreNotDurations()
    {
        Assert.Equal("SET", One("The dividend is $1.76 a year.", Thursday, "a year").TimexType);
        Assert.DoesNotContain(TimeAnnotator.Tag("Mr. Reupke, 52 years old, resigned.", Thursday), t => t.TimexType == "DURATION");
    }

    [Fact]
    public void ApproximatorsBelongToTheExpression()
    {
        var t = One("The firm was founded almost two years ago.", Thursday, "almost two years ago");
        Assert.Equal("2022", t.Value);
        Assert.Equal("APPROX", t.Modifier);
    }

    [Fact]
    public void AnaphoraPointBackToTheLastDatedPeriod()
    {
        var times = TimeAnnotator.Tag("He fled in June 1998 and returned later that year. The following year he was jailed.", Thursday);
        Assert.Equal("1998", times.Single(t => t.Text == "later that year").Value);
        Assert.Equal("1999", times.Single(t => t.Text == "The following year").Value);
    }

    [Theory]
    [InlineData("The dividend is payable Jan. 2 to holders.", "Jan. 2", "2025-01-02")] // "payable" looks ahead
    [InlineData("Mr. Schwarz will succeed Daniel P. Davison Feb. 1 as chairman.", "Feb. 1", "2025-02-01")] // "P." ends no sentence
    [InlineData("Final guidelines to be published in early November will decide.", "early November", "2024-11")]
    [InlineData("The thrift announced the plan Aug. 21.", "Aug. 21", "2023-08-21")] // far ahead with a past verb: last year
    [InlineData("The peace talks, set to resume Monday in Belfast, were delayed.", "Monday", "2024-06-24")]
    [InlineData("The father could arrive as early as Tuesday.", "Tuesday", "2024-06-25")]
    [InlineData("The stock is to resume trading in Paris Tuesday.", "Tuesday", "2024-06-25")]
    public void TenseCuesSeePastAbbreviationsAndPassives(string text, string phrase, string value) => Assert.Equal(value, One(text, Thursday, phrase).Value);

    [Fact]
    public void WithoutACueAMonthIsTheNearestOneButThePastWinsTies()
    {
        var oct = new DateOnly(1989, 10, 30);
        Assert.Equal("1990-02", One("The loan runs through February.", oct, "February").Value); // four months ahead, eight back
        Assert.Equal("1989-05", One("The loan runs through May.", oct, "May").Value);
    }

    [Fact]
    public void PossessiveWeekdayIsPast() =>
        Assert.Equal("2024-06-19", One("They said they would look for ways around Wednesday's ruling.", Thursday, "Wednesday").Value);
}
