using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

public class BoilerplateCleanerTests
{
    private static Document Clean(string text, string? statedTitle = null)
    {
        var doc = TestDocs.Raw(text);
        if (statedTitle is not null) doc = doc with { Source = doc.Source with { StatedTitle = statedTitle } };
        return new BoilerplateCleaner().Annotate(doc);
    }

    private static string[] Kept(Document d) => d.Clean!.Blocks.Select(b => d.Slice(b.Span)).ToArray();
    private static string? ReasonFor(Document d, string line) => d.Clean!.Removed.FirstOrDefault(r => d.Slice(r.Span) == line)?.Reason;

    private const string Page = """
        HomeWorldBusinessSportsScience

        Harbour Town Votes to Rebuild Its Old Lighthouse
        The council backed a plan that had divided residents for a decade
        Maria Olsen Views

        Councillors in the fishing town of Brindle voted nine to two on Tuesday to rebuild the lighthouse that collapsed in a storm in 2019, ending years of argument over its cost.
        The mayor, Tomas Reyes, holds a model of the lighthouse at the town hall on March 3, 2025 (C).
        Photo: Harbour Gazette via Getty Images

        The project will cost about 3.2 million euros, the council said.
          • The vote was nine to two.
          • Work starts in the spring.

        Share this
        Leave a comment
        Tags: Brindle, lighthouse, council, storms
        Most Read
        Fishermen protest new quota rules
        A guide to the coast's best beaches
        Back to top
        """;

    [Fact]
    public void Removes_each_kind_of_clutter_and_keeps_the_article()
    {
        var d = Clean(Page);
        Assert.Equal("navigation", ReasonFor(d, "HomeWorldBusinessSportsScience"));
        Assert.Equal("byline", ReasonFor(d, "Maria Olsen Views"));
        Assert.Equal("photo credit", ReasonFor(d, "Photo: Harbour Gazette via Getty Images"));
        Assert.Equal("photo caption", ReasonFor(d, "The mayor, Tomas Reyes, holds a model of the lighthouse at the town hall on March 3, 2025 (C)."));
        Assert.Equal("share or comment prompt", ReasonFor(d, "Share this"));
        Assert.Equal("share or comment prompt", ReasonFor(d, "Leave a comment"));
        Assert.Equal("tags", ReasonFor(d, "Tags: Brindle, lighthouse, council, storms"));
        Assert.Equal("related links", ReasonFor(d, "Most Read"));
        Assert.Equal("related links", ReasonFor(d, "Fishermen protest new quota rules"));
        Assert.Equal("related links", ReasonFor(d, "A guide to the coast's best beaches"));
        Assert.NotNull(ReasonFor(d, "Back to top"));
        Assert.Equal(
        [
            "Harbour Town Votes to Rebuild Its Old Lighthouse",
            "The council backed a plan that had divided residents for a decade",
            "Councillors in the fishing town of Brindle voted nine to two on Tuesday to rebuild the lighthouse that collapsed in a storm in 2019, ending years of argument over its cost.",
            "The project will cost about 3.2 million euros, the council said.",
            "The vote was nine to two.", // list items start after their marker
            "Work starts in the spring.",
        ], Kept(d));
        Assert.Equal([BlockKind.Title, BlockKind.Subtitle, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem], d.Clean!.Blocks.Select(b => b.Kind));
        Assert.Equal("Harbour Town Votes to Rebuild Its Old Lighthouse", d.Title);
        Assert.False(d.TitleInferred);
        Assert.Equal("Maria Olsen", d.Source.Author);
    }

    [Fact]
    public void Removed_spans_and_kept_blocks_partition_the_non_blank_lines()
    {
        var d = Clean(Page);
        var all = d.Clean!.Blocks.Select(b => b.Span).Concat(d.Clean.Removed.Select(r => r.Span)).OrderBy(s => s.Start).ToList();
        for (int i = 1; i < all.Count; i++) Assert.True(all[i - 1].End <= all[i].Start);
        Assert.Equal(BoilerplateCleaner.SplitLines(Page).Count, all.Count);
    }

    [Fact]
    public void A_repeated_title_is_kept_once_and_the_copies_are_dropped_as_repeated()
    {
        var d = Clean("River Bridge Reopens After Repairs\n\nRiver Bridge Reopens After Repairs\n\nThe bridge reopened on Monday after six months of work, officials said.\n\nRiver Bridge Reopens After Repairs");
        Assert.Equal("River Bridge Reopens After Repairs", d.Title);
        Assert.Equal(new TextSpan(0, 34), d.TitleSpan);
        Assert.Equal(2, d.Clean!.Removed.Count(r => r.Reason == "repeated"));
    }

    [Fact]
    public void Without_a_headline_the_title_is_inferred_from_the_first_sentence_of_the_lead()
    {
        const string text = "The regional council of the northern valley approved a new water tariff on Monday, raising household bills by a fifth in a decision that opponents called rushed and unfair to pensioners. Residents protested.\nA second paragraph follows here with more detail.";
        var d = Clean(text);
        Assert.True(d.TitleInferred);
        Assert.NotNull(d.TitleSpan);
        Assert.Equal(d.Title, d.Slice(d.TitleSpan!.Value));
        Assert.StartsWith("The regional council of the northern valley approved a new water tariff on Monday", d.Title);
        Assert.True(d.Title!.Length <= 120);
        Assert.False(d.Title.EndsWith(' ') || d.Title.EndsWith(','));
        Assert.Equal(BlockKind.Paragraph, d.Clean!.Blocks[0].Kind);
    }

    [Fact]
    public void A_stated_title_is_used_and_located_in_the_text()
    {
        var d = Clean("Kicker\nFerry Strike Ends\nThe strike ended on Friday, the union said.", statedTitle: "Ferry Strike Ends");
        Assert.Equal("Ferry Strike Ends", d.Title);
        Assert.Equal(new TextSpan(7, 24), d.TitleSpan);
        var absent = Clean("The strike ended on Friday, the union said.", statedTitle: "Ferry strike is over");
        Assert.Equal("Ferry strike is over", absent.Title);
        Assert.Null(absent.TitleSpan);
    }

    [Fact]
    public void Credits_in_parentheses_menus_and_footers_are_removed()
    {
        var d = Clean("Dam Plan Approved\n(Reuters)\nNews | Politics | Economy | Culture\nThe dam plan was approved on Monday by the cabinet after a long debate.\n© 2025 Example Media. All rights reserved.\nComments are closed.");
        Assert.Equal(["Dam Plan Approved", "The dam plan was approved on Monday by the cabinet after a long debate."], Kept(d));
        Assert.Equal("photo credit", ReasonFor(d, "(Reuters)"));
        Assert.Equal("navigation", ReasonFor(d, "News | Politics | Economy | Culture"));
        Assert.Equal("share or comment prompt", ReasonFor(d, "Comments are closed."));
    }

    [Fact]
    public void A_row_of_interface_actions_with_stopwords_is_removed_but_a_list_like_sentence_is_kept()
    {
        var d = Clean("Dam Plan Approved\nThe dam plan was approved on Monday by the cabinet after a long debate.\n*Share on social · Print · Subscribe to the Energy newsletter*\nRivers · lakes · canals: the plan covers all three of them");
        Assert.Equal("*Share on social · Print · Subscribe to the Energy newsletter*", d.Slice(Assert.Single(d.Clean!.Removed).Span));
        Assert.Contains("Rivers · lakes · canals: the plan covers all three of them", Kept(d));
    }

    [Fact]
    public void A_short_subheading_in_the_body_is_kept_as_a_heading()
    {
        var d = Clean("Storm Hits Coast\nThe storm hit the coast on Sunday night, cutting power to thousands of homes.\nWhat Comes Next?\nRepairs will take weeks, the utility said in a statement on Monday.");
        Assert.Equal(BlockKind.Heading, d.Clean!.Blocks[2].Kind);
        Assert.Equal("What Comes Next?", d.Slice(d.Clean.Blocks[2].Span));
    }

    [Fact]
    public void Markdown_headings_lose_their_hashes()
    {
        var d = Clean("# Storm Hits Coast\n\nThe storm hit the coast on Sunday night, cutting power to thousands of homes.");
        Assert.Equal("Storm Hits Coast", d.Title);
        Assert.Equal(BlockKind.Title, d.Clean!.Blocks[0].Kind);
    }
}
