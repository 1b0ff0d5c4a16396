using Crosscheck.Core.Clean;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Tests.Ingest;

/// <summary>A YAML front matter at the top of a Markdown or text file states the source's metadata and is no article text.</summary>
public class FrontMatterTests
{
    private const string Article = """
        ---
        title: "Orchard growers count the cost of a late frost"
        outlet: Upland Courier
        author: Bram Oyelaran
        date: 2031-05-14
        url: https://courier.example/frost
        tags: [farming, weather]
        ---

        # Orchard growers count the cost of a late frost

        Growers in the Selby hills lost about a third of their apple blossom to a frost on Monday night, the growers' association said.

        The association will ask the province for emergency loans.
        """;

    private static IngestResult Read(params string[] paths) => new ArticleReader(new IngestOptions()).Read(paths);

    [Fact]
    public void Front_matter_fields_become_the_stated_metadata_and_the_text_stays_as_read()
    {
        using var tmp = new TempFolder();
        var r = Read(tmp.Write("frost.md", Article));
        Assert.Empty(r.Diagnostics);
        var d = Assert.Single(r.Documents);
        Assert.Equal(Article, d.Text);
        Assert.Equal("Orchard growers count the cost of a late frost", d.Source.StatedTitle);
        Assert.Equal("Upland Courier", d.Source.Outlet);
        Assert.False(d.Source.OutletInferred);
        Assert.Equal("Bram Oyelaran", d.Source.Author);
        Assert.Equal("https://courier.example/frost", d.Source.Url);
        Assert.Equal(new DateOnly(2031, 5, 14), d.Source.StatedPublished);
        Assert.NotNull(d.Published);
        Assert.False(d.Published!.Inferred);
    }

    [Fact]
    public void The_cleaner_removes_the_block_and_takes_the_title_from_the_heading()
    {
        using var tmp = new TempFolder();
        var d = new BoilerplateCleaner().Annotate(Assert.Single(Read(tmp.Write("frost.md", Article)).Documents));
        var removed = d.Clean!.Removed.Where(r => r.Reason == "front matter").Select(r => d.Slice(r.Span)).ToList();
        Assert.Equal(["---", "title: \"Orchard growers count the cost of a late frost\"", "outlet: Upland Courier", "author: Bram Oyelaran",
            "date: 2031-05-14", "url: https://courier.example/frost", "tags: [farming, weather]", "---"], removed);
        Assert.DoesNotContain(d.Clean.Blocks, b => d.Slice(b.Span).Contains(':'));
        Assert.Equal("Orchard growers count the cost of a late frost", d.Title);
        Assert.False(d.TitleInferred);
        // the title points at the kept heading, not at the value inside the removed "title:" line
        var title = d.Clean.Blocks.Single(b => b.Kind == BlockKind.Title);
        Assert.Equal(title.Span, d.TitleSpan);
        Assert.StartsWith("Growers in the Selby hills", d.Slice(d.Clean.Blocks[1].Span));
        var all = d.Clean.Blocks.Select(b => b.Span).Concat(d.Clean.Removed.Select(r => r.Span)).OrderBy(s => s.Start).ToList();
        for (int i = 1; i < all.Count; i++) Assert.True(all[i - 1].End <= all[i].Start);
        Assert.Equal(BoilerplateCleaner.SplitLines(d.Text).Count, all.Count);
    }

    [Fact]
    public void Other_key_names_quotes_lists_and_a_url_in_the_source_field_are_read()
    {
        var front = FrontMatter.Find("---\nheadline: 'Ferry timetable: what changes'\nsource: https://harbour.example/ferries\npublisher: Harbour Daily\n"
            + "byline:\n  - Ines Carvalho\n  - Tom Brecht\npublished: March 3, 2030\n# a comment\nsummary: >\n  Two lines of\n  summary.\n---\nBody text.")!;
        var record = front.ToRecord();
        Assert.Equal("Ferry timetable: what changes", record.Title);
        Assert.Equal("Harbour Daily", record.Outlet);
        Assert.Equal("https://harbour.example/ferries", record.Url);
        Assert.Equal("Ines Carvalho, Tom Brecht", record.Author);
        Assert.Equal("March 3, 2030", record.Published);
        Assert.Equal("Two lines of summary.", front.Get("summary"));
        Assert.Equal("Harbour Daily", FrontMatter.Find("---\nsite: Harbour Daily\n---\nBody.")!.ToRecord().Outlet);
    }

    [Theory]
    [InlineData("2030-03-03", "2030-03-03")]
    [InlineData("2030-03-03T23:15:00-05:00", "2030-03-03")]
    [InlineData("2030-03-03 08:00:00 +0100", "2030-03-03")]
    [InlineData("2030/03/03", "2030-03-03")]
    [InlineData("3 March 2030", "2030-03-03")]
    [InlineData("March 3, 2030", "2030-03-03")]
    [InlineData("Sun, 3 Mar 2030 10:00:00 GMT", "2030-03-03")]
    [InlineData("Sept. 21, 2030", "2030-09-21")]
    [InlineData("21/09/2030", "2030-09-21")]
    [InlineData("09/21/2030", "2030-09-21")]
    [InlineData("04/05/2030", null)]
    [InlineData("next spring", null)]
    [InlineData("2030-02-30", null)]
    public void Stated_dates_in_iso_and_common_forms(string value, string? expected)
    {
        var date = FrontMatter.ParseDate(value, out bool ambiguous);
        Assert.Equal(expected, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(value == "04/05/2030", ambiguous);
    }

    [Fact]
    public void A_date_that_cannot_be_read_is_a_warning_and_the_rest_is_kept()
    {
        using var tmp = new TempFolder();
        var r = Read(tmp.Write("a.md", "---\ntitle: Bridge reopens\ndate: 04/05/2030\n---\nThe bridge reopened on Friday.\n"),
                     tmp.Write("b.md", "---\ntitle: Bridge closes\ndate: soon\n---\nThe bridge closed on Monday.\n"));
        Assert.Equal(2, r.Documents.Length);
        Assert.All(r.Documents, d => Assert.Null(d.Source.StatedPublished));
        Assert.Equal("Bridge reopens", r.Documents[0].Source.StatedTitle);
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Warning && d.File.EndsWith("a.md") && d.Message.Contains("day and month"));
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Warning && d.File.EndsWith("b.md") && d.Message.Contains("'soon'"));
    }

    [Theory]
    [InlineData("---\nThe council met again on Tuesday.\n---\nMore text.")]       // prose between rules
    [InlineData("---\ntitle: No closing line\n\nBody text follows.")]             // never closed
    [InlineData("Intro line.\n---\ntitle: Not at the top\n---\n")]                // not at the start
    [InlineData("---\n---\nBody.")]                                               // no fields
    public void Text_that_only_looks_like_front_matter_is_not_read_as_one(string text)
    {
        Assert.Null(FrontMatter.Find(text));
        var d = new BoilerplateCleaner().Annotate(Support.TestDocs.Raw(text));
        Assert.DoesNotContain(d.Clean!.Removed, r => r.Reason == "front matter");
    }

    [Fact]
    public void A_title_only_in_the_front_matter_points_at_its_value()
    {
        const string text = "---\ntitle: Night buses return\n---\n\nThe city restored three night bus routes on Friday after a two-year pause, the transport office said.\n";
        using var tmp = new TempFolder();
        var d = new BoilerplateCleaner().Annotate(Assert.Single(Read(tmp.Write("t.md", text)).Documents));
        Assert.Equal("Night buses return", d.Title);
        Assert.Equal("Night buses return", d.Slice(d.TitleSpan!.Value));
        Assert.False(d.TitleInferred);
        Assert.Equal(["The city restored three night bus routes on Friday after a two-year pause, the transport office said."],
            d.Clean!.Blocks.Select(b => d.Slice(b.Span)));
    }
}
