using Crosscheck.Core.Render;
using Crosscheck.Core.Report;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Pipeline;

/// <summary>The whole pipeline on ../shared/seeds, checked against what issue 2 says a user must see.</summary>
public class SeedsEndToEndTests
{
    private static readonly Lazy<(CrosscheckReport Report, Core.Pipeline.PipelineResult Result)> Run = new(() => ReportChecks.Brief(SharedData.SeedsDir));
    private static StoryReport Story => Assert.Single(Run.Value.Report.Stories);

    private static IEnumerable<string> Names(EntityReport e) => e.Aliases.Prepend(e.Name);

    [SharedFact]
    public void All_five_seeds_land_in_one_story_with_titles_and_no_clutter()
    {
        Assert.Equal(5, Story.Sources.Count);
        Assert.All(Story.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
        foreach (var renderer in ReportRenderers.All)
        {
            var output = renderer.RenderToString(Run.Value.Report);
            foreach (var clutter in new[] { "Most Commented", "Related Articles", "Back to top button", "Comments are closed.", "Contributor via Getty Images" })
                Assert.DoesNotContain(clutter, output);
        }
    }

    [SharedFact]
    public void Spelling_variants_merge_and_types_are_right()
    {
        Assert.Contains(Story.Entities, e => e.Type == "person" && Names(e).Contains("Chang Ho Jin") && Names(e).Contains("Chang Ho-jin"));
        Assert.Contains(Story.Entities, e => e.Type == "person" && Names(e).Contains("Kim Jong Un") && Names(e).Contains("Kim Jong-un"));
        foreach (var person in new[] { "Vladimir Putin", "Yoon Suk-yeol" })
            Assert.Contains(Story.Entities, e => e.Type == "person" && Names(e).Contains(person));
        foreach (var country in new[] { "South Korea", "North Korea", "Russia", "Ukraine" })
            Assert.Contains(Story.Entities, e => e.Type == "country" && Names(e).Contains(country));
        Assert.DoesNotContain(Story.Entities, e => Names(e).Contains("Daniel Kim Views"));
    }

    [SharedFact]
    public void The_234_243_discrepancy_is_self_contradictory_and_resolved_by_the_totals()
    {
        var d = Assert.Single(Story.Discrepancies, d => d.Kind == "number" && d.Values.Any(v => v.Value == "234") && d.Values.Any(v => v.Value == "243"));
        Assert.True(d.SameDocument);
        Assert.Contains("243", d.Resolution);
        Assert.Equal("243", d.ResolvedValue);
    }

    [SharedTheory]
    [InlineData("preposterous and absurd", "Chang")]
    [InlineData("As a permanent member of the Security Council", "Chang")]
    [InlineData("big mistake", "Putin")]
    [InlineData("If the support is limited to conventional weapons", "Ahn")]
    [InlineData("Will there be any line remaining", "Chang")]
    public void Direct_quotes_are_attributed(string fragment, string speaker)
    {
        var entities = Story.Entities.ToDictionary(e => e.Id);
        Assert.Contains(Story.Quotes, q => q.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase) &&
            ((q.SpeakerName ?? "").Contains(speaker) || (q.Speaker is { } id && Names(entities[id]).Any(n => n.Contains(speaker)))));
    }

    [SharedFact]
    public void The_timeline_dates_the_treaty_the_briefing_and_the_interview()
    {
        var dates = Story.Timeline.Select(t => t.Date).ToHashSet();
        Assert.Contains("2024-06-19", dates);
        Assert.Contains("2024-06-20", dates);
        Assert.Contains("2024-06-23", dates);
    }

    [SharedFact]
    public void Every_span_selects_its_text_and_the_report_is_deterministic()
    {
        Assert.Empty(ReportChecks.BadSpans(Run.Value.Report, Run.Value.Result));
        Assert.Empty(ReportChecks.SchemaErrors(Run.Value.Report));
        foreach (var s in Story.Sources)
        {
            var text = ReportChecks.TextAsRead(s.File);
            foreach (var p in s.Paragraphs) Assert.Equal(p.Text, text[p.Start..p.End]);
        }
        var again = ReportChecks.Brief(SharedData.SeedsDir).Report;
        var json = new JsonReportRenderer();
        Assert.Equal(json.RenderToString(Run.Value.Report), json.RenderToString(again));
    }
}
