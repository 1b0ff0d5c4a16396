using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.CrossCheck.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

/// <summary>Rules added after the held-out story (samples/kestrava-recount): margins, particles after counted nouns,
/// clock times, updates of any count, and equal figures counted in the same words.</summary>
public class HeldoutClaimTests
{
    private static List<Quantity> Parse(string t) => QuantityParser.Parse(t, new TextSpan(0, t.Length));

    private static Story Check(params (string Text, DateOnly? Published)[] texts)
    {
        var docs = texts.Select((t, i) => TestDocs.AnnotateThrough<ClaimExtractor>(t.Text, t.Published, id: $"s{i + 1}")).ToImmutableArray();
        return new ClaimCrossChecker().Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    [Theory]
    [InlineData("The senator finished 212 votes ahead of her rival.", "votes")]
    [InlineData("By noon, 19 crates had been set aside for testing.", "crates")]
    [InlineData("Of the 4,410 ballots cast in the ward, most were postal.", "ballots")]
    [InlineData("Some 30 trucks still waited at the border.", "trucks")]
    public void A_particle_or_participle_after_the_counted_noun_is_not_counted(string text, string what)
    {
        var q = Assert.Single(Parse(text));
        Assert.Equal(what, q.What);
    }

    [Theory]
    [InlineData("The ferry left at 7 a.m. and docked at noon.")]
    [InlineData("Polls close at 9pm on Sunday.")]
    [InlineData("The bells rang at six o'clock.")]
    [InlineData("Inspectors checked the crates one by one.")]
    public void Clock_times_and_one_by_one_are_not_quantities(string text) => Assert.Empty(Parse(text));

    [Theory]
    [InlineData("The incumbent led by 212 votes after the first count.")]
    [InlineData("Her rival, who trails by 150 votes, asked for a recount.")]
    [InlineData("The senator finished 212 votes ahead of her rival.")]
    public void A_lead_is_a_margin(string text) => Assert.Equal("margin", Assert.Single(Parse(text)).Role);

    [Fact]
    public void Two_margins_in_one_article_conflict_and_a_stated_result_settles_them()
    {
        var story = Check(
            ("Recount in Brask\n\nThe incumbent led by 212 votes when counting ended.\n\nThe challenger, who trails by 221 votes, has asked for a recount.\n", null),
            ("Brask result\n\nOfficials gave the incumbent 5,004 votes to 4,792 for the challenger.\n", null));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.SameDocument);
        Assert.Equal(["212", "221"], d.Values.Select(v => v.Value));
        Assert.Equal("arithmetic", d.ResolutionMethod);
        Assert.Equal("212", d.ResolvedValue);
        Assert.Contains("5,004 − 4,792 = 212", d.Resolution);
        Assert.All(d.Values, v => Assert.All(v.Spans, s => Assert.Equal(v.Value, story.Doc(s.DocId).Slice(s.Span))));
    }

    [Fact]
    public void A_count_reported_later_as_rising_is_an_update_whatever_it_counts()
    {
        var story = Check(
            ("Checks at Port Leda\n\nBy Monday evening, 30 containers had been held for inspection at Port Leda, customs officials said.\n", new DateOnly(2031, 5, 5)),
            ("Port Leda backlog grows\n\nThe number of containers held for inspection at Port Leda rose to 44 on Tuesday, customs officials said.\n", new DateOnly(2031, 5, 6)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.IsUpdate);
        Assert.Equal("update", d.ResolutionMethod);
        Assert.Equal(["30", "44"], d.Values.Select(v => v.Value));
        Assert.Equal("44", d.ResolvedValue);
    }

    [Fact]
    public void Undated_rising_counts_of_an_ordinary_thing_are_not_called_updates()
    {
        var story = Check(
            ("Checks at Port Leda\n\nBy Monday evening, 30 containers had been held for inspection at Port Leda, customs officials said.\n", null),
            ("Port Leda backlog grows\n\nThe number of containers held for inspection at Port Leda rose to 44 on Tuesday, customs officials said.\n", null));
        Assert.DoesNotContain(story.Discrepancies, x => x.IsUpdate && x.Values.Any(v => v.Value == "30"));
    }

    [Fact]
    public void Equal_figures_counted_in_the_same_words_join_the_majority()
    {
        var story = Check(
            ("Depot fire\n\nCrews from all 9 fire stations fought the depot blaze through the night.\n", null),
            ("Mayor visits\n\nMayor Okafor, who once promised to close some of the county's 9 fire stations, toured the ruins on Friday.\n", null),
            ("Explainer\n\nFirefighters from the county's 11 fire stations fought the depot blaze through the night.\n", null));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal("majority", d.ResolutionMethod);
        Assert.Equal("9", d.ResolvedValue);
        // the mayor's sentence shares little with the others but counts the same thing in the same words
        Assert.Equal(new[] { "s1", "s2" }, d.Values.First(v => v.Value == "9").Sources.ToArray());
    }

    [Fact]
    public void A_quotation_whose_speaker_is_disputed_is_marked_disputed_in_the_brief()
    {
        var stories = TestDocs.RunAll(
            ("Harbour strike in Tolven\n\nDock workers in Tolven walked out on Monday over night-shift pay, the union said.\n\n\"We will stay out until the port pays what it owes,\" said Marta Vesnic, the union's leader.\n", new DateOnly(2031, 5, 6)),
            ("Tolven docks idle\n\nDock workers in Tolven walked out on Monday in a dispute over night-shift pay.\n\n\"We will stay out until the port pays what it owes,\" said Joren Aalt, a shift steward.\n", new DateOnly(2031, 5, 6)));
        var story = Assert.Single(stories);
        Assert.Contains(story.Discrepancies, d => d.Kind == DiscrepancyKind.Attribution);
        var told = Assert.Single(story.Brief, b => b.Text.Contains("stay out"));
        Assert.True(told.Disputed);
        Assert.Equal(2, told.Sources.Length);
    }

    [Fact]
    public void A_disputed_quotation_is_told_by_a_sentence_that_names_its_speaker()
    {
        // s1 gives the quotation after "He added", s2 with the speaker named in the sentence: the brief tells s2's
        var stories = TestDocs.RunAll(
            ("Harbour strike in Tolven\n\nDock workers in Tolven walked out on Monday over night-shift pay, said Marta Vesnic, the union's leader.\n\nHe added, \"We will stay out until the port pays what it owes.\"\n", new DateOnly(2031, 5, 6)),
            ("Tolven docks idle\n\nDock workers in Tolven walked out on Monday in a dispute over night-shift pay.\n\n\"We will stay out until the port pays what it owes,\" said Joren Aalt, a shift steward.\n", new DateOnly(2031, 5, 6)));
        var story = Assert.Single(stories);
        Assert.Contains(story.Discrepancies, d => d.Kind == DiscrepancyKind.Attribution);
        var told = Assert.Single(story.Brief, b => b.Text.Contains("stay out"));
        Assert.True(told.Disputed);
        Assert.StartsWith("\"We will stay out", told.Text);
        Assert.Contains("Joren Aalt", told.Text);
    }

    [Fact]
    public void A_shared_counted_figure_links_claims_whose_other_clauses_carry_other_days()
    {
        var story = Check(
            ("Valley clean-up\n\nCrews began clearing the valley road on Friday, two days after the storm felled 312 trees along the river.\n", new DateOnly(2031, 5, 9)),
            ("Storm damage counted\n\nThe storm felled 312 trees along the river on Wednesday, the forestry office said.\n", new DateOnly(2031, 5, 9)));
        var a = Assert.Single(story.Claims, c => c.DocId == "s1");
        var b = Assert.Single(story.Claims, c => c.DocId == "s2");
        Assert.Contains(b.Id, a.SupportedBy.Concat(a.SameFactAs));
    }

    [Fact]
    public void Transposed_digits_of_one_measure_are_a_discrepancy_settled_by_majority()
    {
        // the sentences share little and the first names a year: the same digits in another order still mark one figure garbled
        var story = Check(
            ("The Orrin viaduct, opened in 1962, is 58 metres high and carries the rail line over the gorge.", new DateOnly(2027, 4, 2)),
            ("Engineers closed the 85-metre viaduct on Thursday after a crack was found.", new DateOnly(2027, 4, 2)),
            ("The viaduct, which stands 58 metres high, was last repaired in 2015.", new DateOnly(2027, 4, 2)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["58", "85"], d.Values.Select(v => v.Value).Order());
        Assert.Equal("58", d.ResolvedValue);
        Assert.Equal("height in m", d.About);
    }

    [Theory]
    [InlineData(47, 74, true)]
    [InlineData(234, 243, true)]
    [InlineData(1200, 2100, true)]
    [InlineData(47, 48, false)]
    [InlineData(5, 5, false)]
    [InlineData(120, 12, false)]
    public void Transpositions_are_the_same_digits_in_another_order(int a, int b, bool expected) =>
        Assert.Equal(expected, NumberDiscrepancyFinder.IsTransposition(a, b));

    [Fact]
    public void A_figure_that_disagrees_with_itself_is_settled_by_parts_another_source_adds_up()
    {
        var story = Check(
            ("Twenty-two adults and 9 children were treated at the clinic in Orrin after the fire.", new DateOnly(2027, 4, 2)),
            ("By Monday night 31 people had been treated at the clinic in Orrin. Doctors said most of the 13 people treated would go home.", new DateOnly(2027, 4, 2)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.SameDocument);
        Assert.Equal("31", d.ResolvedValue);
        Assert.Equal("arithmetic", d.ResolutionMethod);
        Assert.Contains("Twenty-two adults + 9 children = 31", d.Resolution);
    }

    [Fact]
    public void A_discrepancy_names_what_happened_to_the_things_counted()
    {
        var story = Check(
            ("About 600 residents had been evacuated from Orrin by noon on Tuesday, the fire service said.", new DateOnly(2027, 4, 6)),
            ("The number of residents evacuated from Orrin rose to 1,450 by Wednesday evening, the fire service said.", new DateOnly(2027, 4, 7)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.IsUpdate);
        Assert.EndsWith("residents evacuated", d.About);
        // the brief tells the latest figure once, citing only the report that gives it
        var told = Assert.Single(story.Brief, b => b.Text.Contains("1,450") || b.Text.Contains("600"));
        Assert.Contains("1,450", told.Text);
        Assert.Equal(["s2"], told.Sources.ToArray());
    }

    [Fact]
    public void A_money_amount_that_differs_between_outlets_is_an_amount_discrepancy()
    {
        var story = Check(
            ("The data authority fined Pellucid Systems 4.2 million euros on Tuesday over a breach that exposed 310,000 customers.", new DateOnly(2027, 4, 6)),
            ("Pellucid Systems was fined 2.4 million euros by the data authority on Tuesday after 310,000 customers were exposed.", new DateOnly(2027, 4, 6)),
            ("On Tuesday the data authority imposed a fine of 4.2 million euros on Pellucid Systems for a breach affecting 310,000 customers.", new DateOnly(2027, 4, 6)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal("amount in EUR", d.About);
        Assert.Equal("4200000", d.ResolvedValue);
    }

    [Fact]
    public void A_figure_given_in_parts_elsewhere_a_proposal_and_a_subset_are_no_discrepancies()
    {
        var story = Check(
            ("Thieves took the records of about 90,000 members of the Orrin Credit Union, the union said. The files also hold the passport numbers of 4,100 private members and 900 business members. Lenders must report a theft within the 72 hours the law allows.", new DateOnly(2027, 4, 6)),
            ("The union said the stolen files include the passport numbers of 5,000 members as well as their names and addresses.", new DateOnly(2027, 4, 6)),
            ("The finance ministry plans a law that would make lenders report a theft within 24 hours.", new DateOnly(2027, 4, 6)));
        // 4,100 + 900 = 5,000 (one figure in parts); 90,000 against 5,000 is a subset, not a slip; 24 hours is a proposal
        Assert.DoesNotContain(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
    }

    [Fact]
    public void A_figure_stated_with_its_earlier_value_is_an_update_of_that_value()
    {
        var story = Check(
            ("Thieves took the records of about 90,000 members of the Orrin Credit Union, the union said on Friday.", new DateOnly(2027, 4, 9)),
            ("The number of Orrin Credit Union members whose records were stolen rose to 131,000 on Saturday, the union said, up from the 90,000 it reported on Friday.", new DateOnly(2027, 4, 10)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.IsUpdate);
        Assert.Equal("131000", d.ResolvedValue);
    }

    [Theory]
    [InlineData("up from the 90,000 it reported on Friday", 90000, null)]
    [InlineData("the 12,000 members whose records were stolen", 12000, "members")]
    [InlineData("the count of affected members rises to 131,000", 131000, "affected members")]
    public void Pronouns_relative_words_and_verbs_end_a_counted_phrase(string text, int value, string? what)
    {
        var q = Assert.Single(Parse(text), x => x.Value == value);
        Assert.Equal(what, q.What);
    }

    [Fact]
    public void The_same_verb_negated_in_one_claim_only_is_not_one_fact()
    {
        var story = Check(
            ("Orrin Credit Union chief Lena Marsh said the union would not pay the thieves and that members would receive a letter by Friday.", new DateOnly(2027, 4, 6)),
            ("Orrin Credit Union chief Lena Marsh said the union would pay for a year of fraud protection and that members would receive a letter by Friday.", new DateOnly(2027, 4, 6)));
        var notPay = story.Claims.First(c => c.DocId == "s1");
        var pay = story.Claims.First(c => c.DocId == "s2");
        Assert.NotEqual(notPay.Fact, pay.Fact);
        Assert.DoesNotContain(pay.Id, notPay.SupportedBy.Concat(notPay.SameFactAs));
    }

    [Fact]
    public void Two_counts_of_one_thing_in_one_article_conflict_when_parts_elsewhere_add_up_to_one()
    {
        var story = Check(
            ("Marrow Foods said that 52,000 jars from the affected lots had been sold in shops and another 8,000 supplied to schools.", new DateOnly(2027, 9, 14)),
            ("The recall covers 60,000 jars, according to the agency. Of the 40,000 jars recalled, the agency has not said how many were sold in Orrin.", new DateOnly(2027, 9, 14)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.True(d.SameDocument);
        Assert.Equal("60000", d.ResolvedValue);
        Assert.Equal("arithmetic", d.ResolutionMethod);
    }

    [Fact]
    public void Kidney_failure_is_a_term_of_medicine_not_a_loaded_word()
    {
        var story = Check(
            ("Four children were treated for kidney failure after taking the syrup, the hospital said.", new DateOnly(2027, 9, 14)),
            ("The minister called the recall a failure of the regulator, saying the agency had acted too late.", new DateOnly(2027, 9, 14)));
        Assert.DoesNotContain("failure", story.Framing.First(f => f.DocId == "s1").LoadedWords);
        Assert.Contains("failure", story.Framing.First(f => f.DocId == "s2").LoadedWords);
    }

    [Fact]
    public void The_verb_after_an_of_phrase_governs_a_figure_for_the_frame()
    {
        var story = Check(
            ("Four wagons left the track on the bend south of Orrin, and one of them overturned.", new DateOnly(2027, 11, 15)),
            ("All seven wagons of the Orrin to Halden freight train left the rails on the bend south of the town.", new DateOnly(2027, 11, 15)),
            ("The freight train was carrying grain when four wagons left the track south of Orrin on Sunday.", new DateOnly(2027, 11, 15)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal("4", d.ResolvedValue);
    }
}
