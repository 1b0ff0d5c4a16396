using Crosscheck.Core.Annotate.Quotes;
using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

/// <summary>Markdown block quotes and list items are body text; their markers are not part of the kept block.</summary>
public class MarkdownBlockTests
{
    private static Document Clean(string text) => new BoilerplateCleaner().Annotate(TestDocs.Raw(text, file: "t.md"));

    private static Block BlockOf(Document d, string content) => d.Clean!.Blocks.Single(b => d.Slice(b.Span) == content);

    [Theory]
    [InlineData("> \"Nobody should cross the old bridge tonight.\" — Sara Lindqvist, the harbour master, on Friday", "\"Nobody should cross the old bridge tonight.\" — Sara Lindqvist, the harbour master, on Friday")]
    [InlineData(">\"Keep the gates shut\" — the mayor's office", "\"Keep the gates shut\" — the mayor's office")]
    [InlineData("> > A passage quoted inside a quotation, without any final stop", "A passage quoted inside a quotation, without any final stop")]
    public void A_block_quote_is_a_paragraph_that_starts_after_its_marker(string line, string content)
    {
        var text = "# Storm closes the harbour\n\nThe harbour closed on Friday as the storm reached the coast, officials said.\n\n" + line + "\n\nFerries will resume on Sunday.\n";
        var d = Clean(text);
        var block = BlockOf(d, content);
        Assert.Equal(BlockKind.Paragraph, block.Kind);
        Assert.Equal(text.IndexOf(line, StringComparison.Ordinal) + line.Length - content.Length, block.Span.Start);
        Assert.Equal("Storm closes the harbour", d.Title);
    }

    [Fact]
    public void A_quotation_in_a_block_quote_reaches_quote_extraction()
    {
        const string text = "# Storm closes the harbour\n\n> \"We will reopen the harbour when the wind drops,\" the harbour master, Sara Lindqvist, said on Friday.\n";
        var d = TestDocs.AnnotateThrough<QuoteExtractor>(text);
        var q = Assert.Single(d.Quotes, q => q.Direct);
        Assert.Equal("We will reopen the harbour when the wind drops,", d.Slice(q.Span).Trim('"'));
        Assert.Equal("Sara Lindqvist", q.SpeakerName);
        Assert.True(d.Clean!.Blocks.Single(b => b.Kind == BlockKind.Paragraph).Span.Start == text.IndexOf('"'));
    }

    [Fact]
    public void List_items_keep_their_text_without_the_marker()
    {
        const string text = "# The new pier\n\nThe council published the plans for the pier on Monday.\n\n"
            + "- Length: 310 metres\n* Cost: 14 million crowns, shared with the province\n1. Berths for six ferries at once\n12) Work starts: April\n+ Depth: 9 m\n";
        var d = Clean(text);
        foreach (var (line, content) in new[]
        {
            ("- Length: 310 metres", "Length: 310 metres"),
            ("* Cost: 14 million crowns, shared with the province", "Cost: 14 million crowns, shared with the province"),
            ("1. Berths for six ferries at once", "Berths for six ferries at once"),
            ("12) Work starts: April", "Work starts: April"),
            ("+ Depth: 9 m", "Depth: 9 m"),
        })
        {
            var block = BlockOf(d, content);
            Assert.Equal(BlockKind.ListItem, block.Kind);
            Assert.Equal(text.IndexOf(line, StringComparison.Ordinal) + line.Length - content.Length, block.Span.Start);
        }
        Assert.Empty(d.Clean!.Removed);
    }

    [Fact]
    public void Short_menu_bullets_are_still_navigation()
    {
        var d = Clean("- Home\n- Ports\n- Weather\n\n# Storm closes the harbour\n\nThe harbour closed on Friday as the storm reached the coast, officials said.\n");
        Assert.Equal(3, d.Clean!.Removed.Count(r => r.Reason == "navigation"));
        Assert.Equal("Storm closes the harbour", d.Title);
    }

    [Fact]
    public void A_year_at_the_start_of_a_line_is_no_list_marker()
    {
        var d = Clean("Harbour history\n\n1987. That was the year the old pier burned down, the museum said.\n");
        Assert.Equal("1987. That was the year the old pier burned down, the museum said.", d.Slice(d.Clean!.Blocks[1].Span));
    }
}
