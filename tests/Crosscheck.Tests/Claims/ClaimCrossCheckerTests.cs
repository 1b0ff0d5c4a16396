using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.CrossCheck.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

public class ClaimCrossCheckerTests
{
    private static Story Check(params string[] texts)
    {
        var docs = texts.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, id: $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    private const string A = "Mining ban widened\n\nThe environment agency added 41 sites to the protected register on Tuesday, bringing the total to 515 sites, officials said.\n\n"
        + "Inspectors also named two quarry operators and six subcontractors as targets of fines.\n\n"
        + "In a later statement, the agency said it had added 14 new sites, increasing the total number of protected sites to 515.\n";
    private const string B = "Agency expands protected register\n\nThe agency plans to increase the number of sites on the protected register from the current 501 to 515.\n\n"
        + "Two quarry operators and six firms were named for fines, the agency said.\n";

    [Fact]
    public void Same_document_conflict_is_found_and_settled_by_totals()
    {
        var story = Check(A, B);
        var d = Assert.Single(story.Discrepancies);
        Assert.Equal(DiscrepancyKind.Number, d.Kind);
        Assert.True(d.SameDocument);
        Assert.Equal(["41", "14"], d.Values.Select(v => v.Value));
        Assert.Equal("14", d.ResolvedValue);
        Assert.Equal("arithmetic", d.ResolutionMethod);
        Assert.Contains("515 − 501 = 14", d.Resolution);
        Assert.All(d.Values.SelectMany(v => v.Spans), s => Assert.Equal(d.Values.First(v => v.Spans.Contains(s)).Value, story.Doc(s.DocId).Slice(s.Span)));
    }

    [Fact]
    public void Different_things_counted_never_conflict()
    {
        var story = Check(A, B);
        Assert.DoesNotContain(story.Discrepancies, d => d.Values.Any(v => v.Value is "2" or "6" or "515" or "501"));
    }

    [Fact]
    public void Claims_get_ids_facts_and_a_cited_brief()
    {
        var story = Check(A, B);
        Assert.Equal(story.Documents.Sum(d => d.Claims.Length), story.Claims.Length);
        Assert.Equal("c1", story.Claims[0].Id);
        Assert.All(story.Claims, c => Assert.NotNull(c.Fact));
        Assert.NotEmpty(story.Brief);
        Assert.All(story.Brief, b => Assert.Contains(b.Claims, id => story.Claims.Any(c => c.Id == id && story.Doc(c.DocId).Claims[c.Index].Text.Contains(b.Text))));
        Assert.Equal(2, story.Framing.Length);
    }

    [Fact]
    public void Wire_copies_are_one_origin()
    {
        const string wire = "Bridge reopens\n\nThe Kessel river bridge reopened to traffic on Friday after eight months of repairs, the city transport office said.\n\n"
            + "Engineers replaced 212 steel cables and resurfaced the whole deck, according to the office.\n\n"
            + "The mayor thanked residents for their patience during the long closure of the crossing.\n";
        const string rewrite = "Kessel bridge open again\n\nThe Kessel river bridge reopened to traffic on Friday after eight months of repairs, the city's transport office said.\n\n"
            + "Engineers replaced 212 steel cables and resurfaced the entire deck, according to the office.\n\n"
            + "The mayor thanked residents for their patience during the long closure.\n";
        const string other = "Council debates budget\n\nCouncillors argued for hours over the size of next year's road maintenance budget without reaching agreement.\n";
        var story = Check(wire, rewrite, other);
        var group = Assert.Single(story.SharedOrigins);
        Assert.Equal(["s1", "s2"], group.ToArray());
    }

    [Theory]
    [InlineData("Nation Mulls Arms Support for Neighbour", "mulls")]
    [InlineData("Nation to ‘Reconsider’ Ban on Weapons Sales", "to reconsider")]
    [InlineData("Nation could arm neighbour after deal", "could arm")]
    [InlineData("Nation renews threat to send weapons", "renews threat")]
    [InlineData("Bus plunges off bridge, toll reaches 30 as rescuers search river", "reaches")]
    [InlineData("Dock strike widens as crane drivers walk out", "widens")]
    [InlineData("Storm surge swamps Orrin harbour villages", "swamps")]
    [InlineData("Marlow counts the cost of the storm", "counts")]
    [InlineData("Orrin evacuations reach 2,100 as river rises", "reach")]
    [InlineData("Stranded tourists wait for ferries", null)]
    [InlineData("Thieves steal records of 9,000 members and demand payment", "steal")]
    [InlineData("Orrin Credit Union hit by thieves: records stolen", "hit")]
    [InlineData("Scam calls follow bank breach to Halden", "follow")]
    [InlineData("Cough syrup recalled after toxin found in Orrin", "recalled")]
    [InlineData("Police raid Marrow Foods plant", "raid")]
    [InlineData("Harbour strike: what we know", null)]
    public void Headline_verbs(string title, string? verb) => Assert.Equal(verb, FramingAnalyzer.HeadlineVerb(title));

    [SharedFact]
    public void Seeds_items_discrepancy_is_self_contradictory_and_settled_to_243()
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run([SharedData.SeedsDir]);
        var discrepancies = result.Stories.SelectMany(s => s.Discrepancies).ToList();
        var d = Assert.Single(discrepancies, x => x.Values.Any(v => v.Value == "234") && x.Values.Any(v => v.Value == "243"));
        Assert.Equal(DiscrepancyKind.Number, d.Kind);
        Assert.True(d.SameDocument);
        Assert.Contains("243", d.Resolution);
        Assert.Equal("243", d.ResolvedValue);
        // no discrepancy between counts of different things
        Assert.DoesNotContain(discrepancies, x => x.Values.Any(v => v.Value is "4" or "5" or "1402" or "1159"));
        // the ships described differently are the same fact with other details
        var story = result.Stories.First(s => s.Discrepancies.Contains(d));
        Assert.Contains(story.Claims, c => c.SameFactAs.Length > 0 && story.Doc(c.DocId).Claims[c.Index].Quantities.Any(q => q.Value == 4m));
    }
}

public class EvolvingFigureTests
{
    [Fact]
    public void A_rising_toll_is_an_update_ordered_by_publication()
    {
        var early = TestDocs.AnnotateThrough<ClaimExtractor>(
            "Bus crash toll rises\n\nThe death toll from the crash of a coach on the Varn mountain road rose to 9 on Monday, the regional police said.\n",
            new DateOnly(2025, 5, 5), "s1");
        var late = TestDocs.AnnotateThrough<ClaimExtractor>(
            "Coach crash toll reaches 14\n\nThe number of people confirmed dead after the coach crash on the Varn mountain road rose to 14 on Tuesday, the regional police said.\n",
            new DateOnly(2025, 5, 6), "s2");
        var story = new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = [early, late] });
        var d = Assert.Single(story.Discrepancies);
        Assert.True(d.IsUpdate);
        Assert.Equal("update", d.ResolutionMethod);
        Assert.Equal("14", d.ResolvedValue);
        Assert.False(d.SameDocument);
        Assert.DoesNotContain(story.Brief, b => b.Disputed);
    }
}

public class CasualtyFigureTests
{
    private static Story Check(params (string Text, DateOnly Published)[] docs)
    {
        var annotated = docs.Select((d, i) => TestDocs.AnnotateThrough<ClaimExtractor>(d.Text, d.Published, $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = annotated });
    }

    [Fact]
    public void Killed_people_are_deaths_and_injured_are_not()
    {
        static List<Quantity> Parse(string t) => QuantityParser.Parse(t, new TextSpan(0, t.Length));
        var qs = Parse("The blast killed at least 12 people and 30 were injured, police said.");
        Assert.Equal("death", CountedThing.ClassOf(qs.Single(q => q.Value == 12m)));
        Assert.Equal("injury", CountedThing.ClassOf(qs.Single(q => q.Value == 30m)));
        qs = Parse("Nine passengers were killed and 14 people were wounded.");
        Assert.Equal("death", CountedThing.ClassOf(qs.Single(q => q.Value == 9m)));
        Assert.Equal("injury", CountedThing.ClassOf(qs.Single(q => q.Value == 14m)));
    }

    [Fact]
    public void Same_day_tolls_that_differ_are_a_discrepancy_not_an_update_and_deaths_never_meet_injuries()
    {
        var day = new DateOnly(2025, 9, 2);
        var story = Check(
            ("Market blast\n\nA bomb blast at the central market of Tarnow killed 40 people on Monday and 65 were injured, the provincial police said.\n", day),
            ("Tarnow market attack\n\nThe provincial police said the bomb that exploded at the Tarnow central market on Monday killed 45 people and injured dozens.\n", day));
        var d = Assert.Single(story.Discrepancies, x => x.Values.Any(v => v.Value == "40"));
        Assert.Equal(["40", "45"], d.Values.Select(v => v.Value));
        Assert.False(d.IsUpdate);
        Assert.Null(d.ResolvedValue); // one source against one: nothing settles it
        Assert.DoesNotContain(story.Discrepancies, x => x.Values.Any(v => v.Value == "65"));
        Assert.Contains(story.Brief, b => b.Disputed);
    }
}

public class FalseDiscrepancyTests
{
    [Fact]
    public void Approximate_figures_and_counts_of_other_things_do_not_conflict()
    {
        var docs = new[]
        {
            "Brenna plant strike\n\nThe union said 1,200 workers at the Brenna plant joined the strike on Monday.\n\nThe company employs 5,000 workers at the site, which opened in 1998.\n",
            "Walkout at Brenna\n\nAbout 1,300 workers walked out at the Brenna plant on Monday, the union said.\n\nManagers said 300 workers had been laid off at the Brenna plant in March.\n",
        }.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, new DateOnly(2025, 4, 7), $"s{i + 1}")).ToImmutableArray();
        var story = new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
        Assert.Empty(story.Discrepancies);
        Assert.All(story.Claims, c => Assert.Empty(c.ContradictedBy));
    }
}

public class DatedClaimLinkTests
{
    [Fact]
    public void Claims_dated_on_different_days_do_not_support_each_other_but_quotations_still_match()
    {
        var published = new DateOnly(2026, 2, 10);
        var docs = new[]
        {
            "Dunmore dock strike\n\nDock workers at the port of Dunmore walked out on February 2, halting two of the port's three container terminals.\n\n"
                + "\"We will not be bullied back to work,\" the union leader told a rally at the gate on Monday.\n",
            "Dunmore strike widens\n\nDock workers at the port of Dunmore walked out on Monday, halting two of the port's three container terminals.\n\n"
                + "\"We will not be bullied back to work,\" the union leader told a rally at the gate on Tuesday.\n",
        }.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, published, $"s{i + 1}")).ToImmutableArray();
        var story = new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
        StoryClaim Find(string doc, string words) => story.Claims.Single(c => c.DocId == doc && story.Doc(doc).Claims[c.Index].Text.Contains(words));
        // the same words about two days: not support (if one event, a date discrepancy for the timeline layer)
        var began = Find("s1", "walked out on February 2");
        var widened = Find("s2", "walked out on Monday");
        Assert.DoesNotContain(widened.Id, began.SupportedBy.Concat(began.SameFactAs));
        Assert.NotEqual(began.Fact, widened.Fact);
        var quote1 = Find("s1", "bullied"); var quote2 = Find("s2", "bullied");
        Assert.Contains(quote2.Id, quote1.SupportedBy.Concat(quote1.SameFactAs));
    }
}

public class OtherYearFigureTests
{
    [Fact]
    public void A_figure_of_another_year_is_another_event()
    {
        var published = new DateOnly(2025, 3, 12);
        var docs = new[]
        {
            "Ferry sinks on Lake Vessa\n\nThe ferry North Wind was carrying 148 passengers when it sank on Lake Vessa on Tuesday, the coast guard said.\n",
            "Lake Vessa ferry disaster\n\nIn 2019 the ferry Blue Star was carrying 96 passengers when it sank on Lake Vessa, the coast guard said.\n\n"
                + "Divers searched the lake for the North Wind on Wednesday, officials said.\n",
            "Vessa sinking\n\nThe ferry North Wind sank on Lake Vessa on Tuesday while carrying 96 passengers, the coast guard said.\n",
        }.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, published, $"s{i + 1}")).ToImmutableArray();
        var story = new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
        var d = Assert.Single(story.Discrepancies);
        // 148 (s1) against 96 (s3): the 96 passengers of the 2019 sinking (s2) are not part of it
        Assert.Equal(["148", "96"], d.Values.Select(v => v.Value).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(d.Values.SelectMany(v => v.Spans), s => s.DocId == "s2" && story.Doc("s2").Slice(s.Span) == "96");
        Assert.Equal(["s3"], d.Values.Single(v => v.Value == "96").Sources.ToArray());
    }
}

public class NameDiscrepancyTests
{
    private static Story Check(params string[] texts)
    {
        var docs = texts.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t, new DateOnly(2025, 3, 12), $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    [Fact]
    public void One_office_holder_with_another_given_name_is_a_name_discrepancy_settled_by_independent_sources()
    {
        var story = Check(
            "Ferry inquiry\n\nTransport Minister Ilena Varga-Moss promised a full inquiry into the sinking on Wednesday.\n",
            "Minister visits harbour\n\nTransport Minister Ilena Varga Moss visited the harbour at Port Savell and met the families of the missing.\n",
            "Inquiry promised\n\nTransport Minister Irina Varga-Moss said an independent commission would report within 30 days.\n");
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Name);
        Assert.Equal(["Ilena Varga-Moss", "Irina Varga-Moss"], d.Values.Select(v => v.Value));
        Assert.Equal(["s1", "s2"], d.Values[0].Sources.ToArray());
        Assert.Equal(["s3"], d.Values[1].Sources.ToArray());
        Assert.False(d.SameDocument);
        Assert.Equal("majority", d.ResolutionMethod);
        Assert.Equal("Ilena Varga-Moss", d.ResolvedValue);
        Assert.All(d.Values.SelectMany(v => v.Spans), s => Assert.Contains("Varga", story.Doc(s.DocId).Slice(s.Span)));
        Assert.NotEmpty(d.Values[1].Claims);
    }

    [Theory]
    [InlineData("Ilena", "Elena")]
    [InlineData("Tomáš", "Tomas")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("J", "Jonas")]
    public void Spelling_variants_of_a_given_name_are_not_discrepancies(string a, string b)
    {
        static string Key(string s) => Crosscheck.Core.CrossCheck.Entities.NameKeys.Fold(Crosscheck.Core.CrossCheck.Entities.NameKeys.Parts(s)[0]);
        Assert.True(NameDiscrepancyFinder.Variant(Key(a), Key(b)));
        Assert.False(NameDiscrepancyFinder.Variant(Key("Ilena"), Key("Irina")));
    }

    [Fact]
    public void One_surname_in_two_offices_is_two_people()
    {
        var story = Check(
            "Ferry inquiry\n\nTransport Minister Ilena Varga-Moss promised a full inquiry into the sinking on Wednesday.\n",
            "Harbour board\n\nHarbour master Petar Varga-Moss said the port would reopen to ferries on Friday morning.\n");
        Assert.DoesNotContain(story.Discrepancies, x => x.Kind == DiscrepancyKind.Name);
    }
}

public class PolarityDiscrepancyTests
{
    private static Story Check(DateOnly first, DateOnly second, string a, string b)
    {
        var docs = new[] { (a, first), (b, second) }
            .Select((d, i) => TestDocs.AnnotateThrough<ClaimExtractor>(d.Item1, d.Item2, $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    private const string Affirmed = "Ferry captain held\n\nThe captain of the ferry Alder Star was arrested by police in Port Savell on Tuesday after the capsizing on Lake Orvanne.\n";
    private const string Negated = "Captain questioned\n\nThe captain of the ferry Alder Star was not arrested by police in Port Savell on Tuesday after the capsizing on Lake Orvanne.\n";

    [Fact]
    public void A_fact_affirmed_by_one_source_and_negated_by_another_is_an_other_discrepancy()
    {
        var day = new DateOnly(2025, 3, 12);
        var story = Check(day, day, Affirmed, Negated);
        var d = Assert.Single(story.Discrepancies);
        Assert.Equal(DiscrepancyKind.Other, d.Kind);
        Assert.Equal(["was arrested", "not arrested"], d.Values.Select(v => v.Value));
        Assert.All(d.Values, v => Assert.Equal(v.Value, story.Doc(v.Spans[0].DocId).Slice(v.Spans[0].Span)));
        var c1 = story.Claims.Single(c => c.Id == d.Values[0].Claims[0]);
        Assert.Contains(d.Values[1].Claims[0], c1.ContradictedBy);
    }

    [Fact]
    public void A_denial_followed_by_a_later_affirmation_is_news_moving_on()
    {
        var story = Check(new DateOnly(2025, 3, 13), new DateOnly(2025, 3, 12), Affirmed, Negated);
        Assert.Empty(story.Discrepancies);
    }
}
