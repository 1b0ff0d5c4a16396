using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Quotes;
using Crosscheck.Core.CrossCheck.Quotes;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Quotes;

public class QuoteMatcherTests
{
    private static Story Match(params string[] texts)
    {
        var docs = texts.Select((t, i) => TestDocs.AnnotateThrough<QuoteExtractor>(t, id: $"s{i + 1}")).ToImmutableArray();
        return new QuoteMatcher().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    [Fact]
    public void Translations_of_one_statement_form_one_group_and_unrelated_quotes_stay_apart()
    {
        var story = Match(
            "Floods\n\n\u201CAny help that strengthens the smugglers\u2019 networks violates the border accord,\u201D Interior Minister Oskar Lindt said. \u201CWe expect the harvest to be late,\u201D he added.\n",
            "Floods\n\n\u201CAll assistance that reinforces smuggling networks is a violation of the border accord,\u201D Lindt told reporters.\n");
        Assert.Equal(["q1", "q2", "q3"], story.Quotes.Select(q => q.Id));
        var first = story.Quotes[0];
        var third = story.Quotes[2];
        Assert.NotNull(first.StatementGroup);
        Assert.Equal(first.StatementGroup, third.StatementGroup);
        Assert.Equal(new[] { "q3" }, first.SameStatementAs.ToArray());
        Assert.Null(story.Quotes[1].StatementGroup);
        Assert.Empty(story.Discrepancies);
    }

    [Fact]
    public void A_group_whose_sources_name_different_speakers_is_an_attribution_discrepancy()
    {
        var story = Match(
            "Strike\n\n\u201CWe will not return until the wage offer improves,\u201D said union leader Hanna Quist.\n",
            "Strike\n\n\u201CWe will not return until the wage offer improves,\u201D said deputy leader Emil Sarr.\n");
        var d = Assert.Single(story.Discrepancies);
        Assert.Equal(DiscrepancyKind.Attribution, d.Kind);
        Assert.Equal("d1", d.Id);
        Assert.Equal(["Hanna Quist", "Emil Sarr"], d.Values.Select(v => v.Value));
        Assert.Equal(new[] { "s1" }, d.Values[0].Sources.ToArray());
        Assert.Equal("s2", d.Values[1].Spans.Single().DocId);
    }

    [Fact]
    public void Speaker_entity_is_linked_through_the_mention_that_holds_the_name()
    {
        var doc = TestDocs.AnnotateThrough<QuoteExtractor>("Port\n\n\u201CThe cranes are idle,\u201D said Tova Brandt.\n");
        var nameSpan = doc.Quotes.Single().SpeakerNameSpan!.Value;
        var entity = new StoryEntity("e7", EntityType.Person, "Tova Brandt") { Mentions = [new DocSpan("s1", nameSpan)] };
        var story = new QuoteMatcher().Apply(new Story { Id = "story1", Title = "t", Documents = [doc], Entities = [entity] });
        Assert.Equal("e7", story.Quotes.Single().SpeakerEntityId);
    }
}
