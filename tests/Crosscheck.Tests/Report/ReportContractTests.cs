using Crosscheck.Core.Render;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Report;

public class ReportContractTests
{
    private static string Sample(string name) => Path.Combine(SharedData.SamplesDir, name);

    [Theory]
    [InlineData("ferry-capsize")]
    [InlineData("refinery-strike")]
    public void Sample_reports_follow_the_schema_and_every_span_selects_its_text(string story)
    {
        var (report, result) = ReportChecks.Brief(Sample(story));
        Assert.Empty(ReportChecks.SchemaErrors(report));
        Assert.Empty(ReportChecks.BadSpans(report, result));
        Assert.NotEmpty(report.Stories);
        Assert.Equal(4, report.Stories.Sum(s => s.Sources.Count));
    }

    [Fact]
    public void The_same_input_gives_the_same_report()
    {
        var json = new JsonReportRenderer();
        var a = json.RenderToString(ReportChecks.Brief(Sample("ferry-capsize"), Sample("refinery-strike")).Report);
        var b = json.RenderToString(ReportChecks.Brief(Sample("ferry-capsize"), Sample("refinery-strike")).Report);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Spans_index_the_text_as_read_from_the_file()
    {
        var (report, _) = ReportChecks.Brief(Sample("refinery-strike"));
        foreach (var story in report.Stories)
        foreach (var src in story.Sources)
        {
            var text = ReportChecks.TextAsRead(src.File);
            foreach (var p in src.Paragraphs) Assert.Equal(p.Text, text[p.Start..p.End]);
        }
    }
}
