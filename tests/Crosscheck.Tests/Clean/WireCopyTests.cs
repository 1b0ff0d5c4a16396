using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

/// <summary>Plain-text wire copy: a slug line above the headline, a credit line and an end marker below the story.</summary>
public class WireCopyTests
{
    private const string Body = "MARLOW BAY, Estria (Coastal Newswire) — Fishing crews in Marlow Bay stayed in port on Thursday after the coast guard closed the bay to shipping, officials said.\n\n"
        + "The closure will last at least two days, the coast guard said.\n\n"
        + "About 40 boats normally leave the harbour each morning, according to the fishermen's cooperative.\n";

    private static Document Clean(string text) => new BoilerplateCleaner().Annotate(TestDocs.Raw(text));
    private static string? ReasonFor(Document d, string line) => d.Clean!.Removed.FirstOrDefault(r => d.Slice(r.Span) == line)?.Reason;

    [Theory]
    [InlineData("COASTAL NEWSWIRE — REGIONAL DESK — URGENT")]
    [InlineData("HALDEN PRESS AGENCY / DOMESTIC / ROUTINE")]
    [InlineData("AFP | ECONOMY | PRIORITY")]
    [InlineData("ESTRIA TELEGRAPH - WORLD SERVICE")]
    public void A_slug_line_is_clutter_and_the_next_line_is_the_title(string slug)
    {
        var d = Clean(slug + "\nCoast guard closes Marlow Bay to fishing boats\n\n" + Body);
        Assert.Equal("agency slug", ReasonFor(d, slug));
        Assert.Equal("Coast guard closes Marlow Bay to fishing boats", d.Title);
        Assert.False(d.TitleInferred);
    }

    [Theory]
    [InlineData("STORM SHUTS MARLOW BAY")]                        // a headline in capitals: one part
    [InlineData("HARBOUR CHAOS — FLEET STAYS HOME")]              // two parts, no wire word
    [InlineData("Coastal Newswire — Regional Desk — Urgent")]     // not in capitals
    public void A_headline_in_capitals_is_no_slug(string title)
    {
        var d = Clean(title + "\n\n" + Body);
        Assert.Null(ReasonFor(d, title));
        Assert.Equal(title, d.Title);
    }

    [Fact]
    public void A_slug_line_is_looked_for_only_at_the_top()
    {
        const string late = "COASTAL NEWSWIRE — REGIONAL DESK — URGENT";
        var d = Clean("Coast guard closes Marlow Bay\n\n" + Body + "\nThe cooperative said its members would lose about a week of income.\n\n" + late + "\n\nMore boats are expected to stay in port on Friday, the cooperative said.\n");
        Assert.NotEqual("agency slug", ReasonFor(d, late));
    }

    [Theory]
    [InlineData("(Reporting by Ana Ruiz in Marlow Bay; editing by Joel Petersen)")]
    [InlineData("(Reporting by Ana Ruiz)")]
    [InlineData("Writing by Ana Ruiz; Editing by Joel Petersen")]
    [InlineData("Reporting by Ana Ruiz and Kofi Mensah in Halden; Additional reporting by Li Wen; Editing by Joel Petersen.")]
    [InlineData("(Compiled by the Estria desk)")]
    public void A_closing_credit_line_is_clutter(string credit)
    {
        var d = Clean("Coast guard closes Marlow Bay\n\n" + Body + "\n" + credit + "\n");
        Assert.Equal("credit line", ReasonFor(d, credit));
        Assert.Equal(3, d.Clean!.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
    }

    [Fact]
    public void Prose_that_starts_like_a_credit_stays()
    {
        const string prose = "Reporting by the coast guard showed that the bay had been closed twice before.";
        var d = Clean("Coast guard closes Marlow Bay\n\n" + Body + "\n" + prose + "\n");
        Assert.Null(ReasonFor(d, prose));
    }

    [Theory]
    [InlineData("ENDS")]
    [InlineData("END")]
    [InlineData("-30-")]
    [InlineData("— 30 —")]
    [InlineData("###")]
    [InlineData("(END)")]
    [InlineData("-ENDS-")]
    public void An_end_marker_after_the_story_is_clutter(string marker)
    {
        var d = Clean("Coast guard closes Marlow Bay\n\n" + Body + "\n(Reporting by Ana Ruiz)\n" + marker + "\n");
        Assert.NotNull(ReasonFor(d, marker));
        Assert.Equal("credit line", ReasonFor(d, "(Reporting by Ana Ruiz)"));
        Assert.Equal(4, d.Clean!.Blocks.Length);
        Assert.DoesNotContain(d.Clean.Blocks, b => d.Slice(b.Span).Contains("30") || d.Slice(b.Span).Contains("END"));
    }

    [Fact]
    public void A_whole_wire_story_keeps_only_headline_and_paragraphs()
    {
        var text = "COASTAL NEWSWIRE — REGIONAL DESK — URGENT\nCoast guard closes Marlow Bay to fishing boats\n\n" + Body
            + "\n(Reporting by Ana Ruiz in Marlow Bay; editing by Joel Petersen)\nENDS\n";
        var d = Clean(text);
        Assert.Equal(["agency slug", "credit line", "end marker"], d.Clean!.Removed.Select(r => r.Reason));
        Assert.Equal([BlockKind.Title, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph], d.Clean.Blocks.Select(b => b.Kind));
    }
}
