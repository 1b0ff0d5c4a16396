using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;

namespace Crosscheck.Tests.Entities;

public class PossessiveSplitTests
{
    private static EntityMention At(string text, string phrase, EntityType type, int from = 0)
    {
        int i = text.IndexOf(phrase, from, StringComparison.Ordinal);
        Assert.True(i >= 0, phrase);
        return new EntityMention(new TextSpan(i, i + phrase.Length), phrase, type);
    }

    [Fact]
    public void A_name_before_a_possessive_that_stands_alone_elsewhere_is_split_off()
    {
        const string text = "Workers at Brennick Foods' plant struck. Brennick Foods said on Monday that Brennick Foods's Orla mill would close near Orla.";
        var joined = At(text, "Brennick Foods's Orla", EntityType.Organization);
        var mentions = new List<EntityMention> { At(text, "Brennick Foods", EntityType.Organization, 40), joined, At(text, "Orla", EntityType.Location, joined.Span.End) };
        EntityRecognizer.SplitPossessives(text, mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("'s"));
        var head = Assert.Single(mentions, m => m.Span.Start == joined.Span.Start);
        Assert.Equal("Brennick Foods", head.Text);
        Assert.Equal(EntityType.Organization, head.Type);
        var tail = Assert.Single(mentions, m => m.Span.End == joined.Span.End);
        Assert.Equal("Orla", tail.Text);
        Assert.Equal(EntityType.Location, tail.Type);
        Assert.Equal(text[tail.Span.Start..tail.Span.End], tail.Text);
    }

    [Fact]
    public void A_possessive_name_whose_parts_never_stand_alone_stays_whole()
    {
        const string text = "Ratings agency Dellow's Investors Service cut the bank's rating.";
        var whole = At(text, "Dellow's Investors Service", EntityType.Organization);
        var mentions = new List<EntityMention> { whole };
        EntityRecognizer.SplitPossessives(text, mentions);
        Assert.Equal(whole, Assert.Single(mentions));
    }
}
