using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

/// <summary>Figures of the same kind about different named subjects are not a discrepancy; about the same subject they are.</summary>
public class SubjectGuardTests
{
    private static Story OneStory(params string[] texts)
    {
        var pipeline = new PipelineBuilder().UseDefaults().Build();
        var docs = texts.Select((t, i) => pipeline.Annotate(TestDocs.Raw(t, $"s{i + 1}", $"doc{i + 1}.txt", new DateOnly(2025, 5, 6)))).ToImmutableArray();
        return pipeline.CrossCheck(new Story { Id = "story1", Title = "test", Documents = docs });
    }

    [Fact]
    public void Different_companies_figures_do_not_conflict()
    {
        var story = OneStory(
            "Van makers unveil electric models\n\nAlvar Motors said on Monday that its new electric van would cost 41,000 euros when sales begin in Velmora.",
            "Electric vans arrive\n\nBerko Cars said on Monday that its new electric van would cost 45,000 euros when sales begin in Velmora.");
        Assert.DoesNotContain(story.Discrepancies, d => d.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void The_same_companys_figures_conflict()
    {
        var story = OneStory(
            "Van maker unveils electric model\n\nAlvar Motors said on Monday that its new electric van would cost 41,000 euros when sales begin in Velmora.",
            "Electric van arrives\n\nAlvar Motors said on Monday that its new electric van would cost 45,000 euros when sales begin in Velmora.");
        Assert.Contains(story.Discrepancies, d => d.Kind == DiscrepancyKind.Number && d.Values.Select(v => v.Value).Order().SequenceEqual(["41000", "45000"]));
    }
}
