using Crosscheck.Core.Render;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Render;

public class CoverageTests
{
    [Fact]
    public void A_source_that_gives_another_value_of_the_rows_figure_contradicts_it_and_the_summary_cites_only_the_value_told()
    {
        var (report, _) = ReportChecks.Brief(Path.Combine(SharedData.SamplesDir, "tarnhollow-dam-breach"));
        var story = Assert.Single(report.Stories);
        var height = Assert.Single(story.Discrepancies, d => d.Values.Any(v => v.Value == "74"));
        var view = new StoryView(story);
        // the row of the 47-metre claim: the source giving 74 is marked as contradicting, not as carrying it
        var row = view.Coverage().First(r => r.Claims.Any(c => height.Values.First(v => v.Value == "47").Claims.Contains(c.Id)));
        var seventyFour = height.Values.First(v => v.Value == "74").Sources;
        Assert.All(seventyFour, s => Assert.Equal(StoryView.Coverage_.Contradicts, row.Cells[s]));
        // a disputed sentence telling 47 cites the sources of 47 only
        var told = Assert.Single(story.Summary, b => b.Disputed && b.Text.Contains("47 metres"));
        Assert.DoesNotContain(told.Sources, seventyFour.Contains);
    }
}
