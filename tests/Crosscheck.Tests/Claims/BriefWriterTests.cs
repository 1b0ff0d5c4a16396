using Crosscheck.Core.CrossCheck.Claims;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

public class BriefWriterTests
{
    [Theory]
    [InlineData("The council approved the plan on Monday.", true)]
    [InlineData("Councillors said the vote was close.", true)]
    [InlineData("He added that the vote was close.", false)]
    [InlineData("Last full inspection: 2011", false)]
    [InlineData("Officials said one thing was certain: the levee held.", true)]
    [InlineData("They approved it on Monday.", false)]
    [InlineData("“We are pleased,” the mayor said.", false)]
    [InlineData("There are many ways to build it, and all are costly.”", false)]
    [InlineData("The mayor called it “a good day” for the town.", true)]
    [InlineData("Theirs was the only vote against.", true)]
    public void A_sentence_stands_alone_unless_it_leans_on_another(string sentence, bool alone) =>
        Assert.Equal(alone, BriefWriter.StandsAlone(sentence));

    [Fact]
    public void A_brief_sentence_about_a_contested_attribution_is_marked_disputed()
    {
        var (report, _) = ReportChecks.Brief(Path.Combine(SharedData.SamplesDir, "refinery-strike"));
        var story = Assert.Single(report.Stories);
        var attribution = Assert.Single(story.Discrepancies, d => d.Kind == "attribution");
        Assert.All(attribution.Values, v => Assert.NotEmpty(v.Claims));
        var claims = attribution.Values.SelectMany(v => v.Claims).ToHashSet();
        Assert.All(story.Summary.Where(s => s.Claims.Any(claims.Contains)), s => Assert.True(s.Disputed, s.Text));
        Assert.Contains(story.Summary, s => !s.Disputed);
    }

    [Theory]
    [InlineData("Workers first saw water seeping through its foot on Sunday.", 1)]
    [InlineData("Workers first saw water seeping at the foot of the embankment on Sunday.", 0)]
    [InlineData("They said the hospital had admitted him.", 2)]
    public void Third_person_pronouns_are_counted(string sentence, int expected) =>
        Assert.Equal(expected, BriefWriter.PronounCount(sentence));
}
