using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

public class ClaimExtractorTests
{
    private static List<Quantity> Parse(string text) => QuantityParser.Parse(text, new TextSpan(0, text.Length));

    [Fact]
    public void Digits_with_separators_and_roles()
    {
        var qs = Parse("The ministry added 57 items to the list, bringing the total to 2,310 items.");
        Assert.Equal(2, qs.Count);
        Assert.Equal(57m, qs[0].Value);
        Assert.Equal("items", qs[0].What);
        Assert.Equal("added", qs[0].Role);
        Assert.Equal(2310m, qs[1].Value);
        Assert.Equal("total", qs[1].Role);
        Assert.Equal("2,310", qs[1].Surface);
    }

    [Fact]
    public void Numbers_in_words_and_duration_phrases()
    {
        var qs = Parse("Officials listed three foreign trawlers and seven companies, the first such step in a quarter-century.");
        Assert.Equal([3m, 7m, 25m], qs.Select(q => q.Value));
        Assert.Equal("foreign trawlers", qs[0].What);
        Assert.Equal("year", qs[2].Unit);
    }

    [Fact]
    public void A_figure_and_its_unit_hyphenated_before_a_noun_is_a_measure()
    {
        var q = Assert.Single(Parse("Cracks appeared at the foot of the 112-metre sea wall on Friday."));
        Assert.Equal(112m, q.Value);
        Assert.Equal("m", q.Unit);
        Assert.Equal("sea wall", q.What);
        Assert.Equal("112-metre", q.Surface);
        Assert.Empty(Parse("A 19-year-old was arrested."));
    }

    [Fact]
    public void An_age_after_a_name_is_not_a_count_and_a_preposition_ends_the_counted_phrase()
    {
        Assert.Empty(Parse("Tomas Irwin, 64, who runs the bakery, said the water reached his ovens."));
        var q = Assert.Single(Parse("The village lies three kilometres below the weir."));
        Assert.Equal("kilometres", q.What);
        Assert.Equal("km", q.Unit);
        Assert.Equal("sons", Assert.Single(Parse("She lifted her two sons onto the roof.")).What);
    }

    [Fact]
    public void Years_dates_and_names_are_not_quantities()
    {
        var qs = Parse("On March 4, 2019 the carrier CVN-71 sailed; talks resumed on the 20th at 10:30.");
        Assert.Empty(qs);
    }

    [Fact]
    public void From_to_change_gives_totals_with_the_counted_noun()
    {
        const string text = "The council will raise the number of permits from the current 1,200 to 1,450 next year.";
        var qs = Parse(text);
        Assert.Equal(2, qs.Count);
        Assert.All(qs, q => Assert.Equal("total", q.Role));
        Assert.All(qs, q => Assert.Equal("permits", q.What));
        Assert.True(QuantityParser.IsFromValue(text, qs[0]));
        Assert.False(QuantityParser.IsFromValue(text, qs[1]));
    }

    [Fact]
    public void Percent_and_money()
    {
        var qs = Parse("Output fell by about 40 percent and losses reached $3 million a day.");
        Assert.Equal("%", qs[0].Unit);
        Assert.Equal("delta", qs[0].Role);
        Assert.True(qs[0].Approximate);
        Assert.Equal(3_000_000m, qs[1].Value);
        Assert.Equal("USD", qs[1].Unit);
    }

    [Fact]
    public void Claims_are_exact_slices_and_questions_are_skipped()
    {
        var doc = TestDocs.AnnotateThrough<ClaimExtractor>(
            "Harbour closed after storm\n\nThe port authority closed the northern harbour on Monday after a storm damaged two piers. Will it reopen soon? Repairs are expected to take three weeks, the authority said.\n");
        Assert.NotEmpty(doc.Claims);
        Assert.All(doc.Claims, c => Assert.Equal(doc.Slice(c.Span), c.Text));
        Assert.DoesNotContain(doc.Claims, c => c.Text.Contains('?'));
        Assert.Contains(doc.Claims, c => c.Attributed && c.Text.StartsWith("Repairs"));
    }

    [Fact]
    public void Claims_carry_their_actors_and_dates()
    {
        var doc = TestDocs.AnnotateThrough<ClaimExtractor>(
            "Arrests in Tarnow\n\nPolice in Tarnow arrested two men on Monday after the bombing of the central market, Interior Minister Karol Wendt said.\n",
            new DateOnly(2025, 9, 3));
        var claim = Assert.Single(doc.Claims);
        Assert.Contains(claim.Dates, d => doc.Slice(d) == "Monday");
        Assert.Contains(claim.Actors, a => doc.Slice(a).Contains("Wendt"));
        Assert.All(claim.Actors.Concat(claim.Dates), s => Assert.True(claim.Span.Contains(s)));
    }

    [Theory]
    [InlineData("“We will reconsider the ban on arms sales,” the adviser warned on Thursday.", "warn")]
    [InlineData("The ministry said it would ban exports of drones from next month.", "ban")]
    [InlineData("Officials said the talks had collapsed late on Friday night.", "say")]
    public void Predicate_is_the_action_outside_quotations(string sentence, string lemma) =>
        Assert.Equal(lemma, PredicateFinder.Find(TextWords.Split(sentence, new TextSpan(0, sentence.Length))));

    [Theory]
    [InlineData("HALDEN, Norvia (Coast Wire) — Part of the old pier collapsed on Monday, injuring four people.", "Part of the old pier")]
    [InlineData("PARIS (AP) -- Rail workers walked out on Tuesday over a pay offer from the operator.", "Rail workers walked out")]
    [InlineData("NATO allies met on Tuesday to discuss the pay offer from the operator.", "NATO allies met")]
    public void A_dateline_is_not_part_of_the_lead_claim(string text, string start)
    {
        var doc = TestDocs.AnnotateThrough<ClaimExtractor>(text);
        var claim = doc.Claims[0];
        Assert.StartsWith(start, claim.Text);
        Assert.Equal(claim.Text, text.Substring(claim.Span.Start, claim.Span.Length));
    }
}
