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
    public void Statements_that_share_only_a_time_phrase_are_not_one_statement()
    {
        const string others = "Harbour\n\nA fisherman said the catch was poor. A ferry captain said fuel prices rose sharply. A trader said the fish market stayed shut. "
            + "A teacher said the schools reopened. A nurse said the clinic needed more beds. A driver said the coast road flooded.\n";
        var story = Match(
            "Harbour\n\nHarbour master Mara Tollen said the dredging would be done and the berth licensed at the end of the month.\n",
            "Harbour\n\nThe harbour board said damaged cranes would be inspected one by one and the berth licensed at the end of the month.\n",
            others);
        var dredging = story.Quotes.Single(q => Text(story, q).Contains("dredging"));
        var cranes = story.Quotes.Single(q => Text(story, q).Contains("cranes"));
        Assert.True(dredging.StatementGroup is null || dredging.StatementGroup != cranes.StatementGroup);
        // the same statement with the same time phrase still groups
        var same = Match(
            "Harbour\n\nHarbour master Mara Tollen said the dredging would be done and the berth licensed at the end of the month.\n",
            "Harbour\n\nHarbour master Mara Tollen said dredging would be done and the berth licensed at the end of the month.\n",
            others);
        var first = same.Quotes.Where(q => Text(same, q).Contains("dredging")).ToList();
        Assert.Equal(2, first.Count);
        Assert.NotNull(first[0].StatementGroup);
        Assert.Equal(first[0].StatementGroup, first[1].StatementGroup);
    }

    private static string Text(Story story, StoryQuote q) => story.Documents.Single(d => d.Id == q.DocId).Quotes[q.Index].Text;

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

    [Fact]
    public void A_described_speaker_is_not_linked_to_the_place_or_the_person_named_inside_the_description()
    {
        var story = TestDocs.RunAll(("Flood\n\nMayor Alvar Quist toured Norvik on Monday. \u201CThe pumps will run all night,\u201D Quist said.\n\n"
            + "Residents of Norvik said they had been warned too late. Quist's office said that the town would pay for the repairs.\n", null)).Single();
        var quist = Placed(story, "pumps will run");
        Assert.NotNull(quist.SpeakerEntityId);
        var residents = Placed(story, "warned too late");
        Assert.Equal("Residents of Norvik", story.Doc(residents.DocId).Quotes[residents.Index].SpeakerDescription);
        Assert.Null(residents.SpeakerEntityId);
        var office = Placed(story, "pay for the repairs");
        Assert.Equal("Quist's office", story.Doc(office.DocId).Quotes[office.Index].SpeakerDescription);
        Assert.Null(office.SpeakerEntityId);
    }

    private static Story MatchWith(QuoteMatcher matcher, params string[] texts)
    {
        var docs = texts.Select((t, i) => TestDocs.AnnotateThrough<QuoteExtractor>(t, id: $"s{i + 1}")).ToImmutableArray();
        return matcher.Apply(new Story { Id = "story1", Title = "t", Documents = docs });
    }

    private static StoryQuote Placed(Story story, string fragment) =>
        story.Quotes.Single(q => story.Doc(q.DocId).Quotes[q.Index].Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Translations_sharing_one_word_join_through_the_same_speaker_and_the_same_surroundings()
    {
        var story = Match(
            "Dam\n\nPrime Minister Lisa Orrin visited the Velda dam on Friday. She said the farmers of Kesswick valley had \u201Cnothing to fear\u201D from the new water treaty as long as the reservoir stayed above the flood mark.\n",
            "Dam\n\nLisa Orrin said on Friday that Kesswick valley farmers had \u201Cnothing to worry about\u201D concerning the new water treaty, as long as the reservoir stays above the flood mark.\n",
            "Dam\n\nAsked about her tax returns, Lisa Orrin said she had \u201Cnothing to hide\u201D and would publish them in May.\n");
        var fear = Placed(story, "nothing to fear");
        Assert.NotNull(fear.StatementGroup);
        Assert.Equal(fear.StatementGroup, Placed(story, "nothing to worry").StatementGroup);
        // the same speaker and the same word, but nothing around it in common: another statement
        Assert.Null(Placed(story, "nothing to hide").StatementGroup);
    }

    [Fact]
    public void Quotes_stating_different_numbers_are_different_statements_but_dates_are_not_numbers_of_the_statement()
    {
        var story = Match(
            "Ferry\n\nThe death toll from the ferry capsizing on Lake Tarn rose to 19 on Wednesday, March 12, the coast guard said.\n",
            "Ferry\n\nThe death toll from the ferry capsizing on Lake Tarn rose to 23 on Thursday, the coast guard said.\n",
            "Ferry\n\nThe death toll from the ferry capsizing on Lake Tarn rose to 19 on Wednesday, the coast guard said.\n");
        var first = Placed(story, "rose to 19 on Wednesday, March");
        Assert.NotNull(first.StatementGroup);
        Assert.Equal(first.StatementGroup, story.Quotes.Single(q => q.DocId == "s3").StatementGroup);
        Assert.Null(Placed(story, "rose to 23").StatementGroup);
    }

    [Fact]
    public void An_optional_similarity_joins_quotes_the_words_miss_but_never_across_different_speakers()
    {
        string[] texts =
        [
            "Bridge\n\n\u201CThe bridge will reopen in spring,\u201D Mayor Ada Lind said on Monday.\n",
            "Bridge\n\n\u201CTraffic returns to the crossing once the snow melts,\u201D Ada Lind told reporters.\n",
            "Bridge\n\n\u201CCars will cross the river again after winter,\u201D said engineer Per Holm.\n",
        ];
        var plain = MatchWith(new QuoteMatcher(), texts);
        Assert.All(plain.Quotes, q => Assert.Null(q.StatementGroup));
        int calls = 0;
        var withModel = MatchWith(new QuoteMatcher { Similarity = (a, b) => { calls++; return 0.9; } }, texts);
        Assert.True(calls > 0);
        Assert.NotNull(withModel.Quotes[0].StatementGroup);
        Assert.Equal(withModel.Quotes[0].StatementGroup, withModel.Quotes[1].StatementGroup);
        Assert.Null(withModel.Quotes[2].StatementGroup);
    }

    [Fact]
    public void A_name_spelled_a_letter_apart_is_the_same_speaker_and_no_attribution_discrepancy()
    {
        var story = Match(
            "Strike\n\n\u201CThe offer is generous and final,\u201D said chief executive Jonas Ekwueme.\n",
            "Strike\n\n\u201CThe offer is generous and final,\u201D said chief executive Jonas Ekweme.\n");
        Assert.NotNull(story.Quotes[0].StatementGroup);
        Assert.Equal(story.Quotes[0].StatementGroup, story.Quotes[1].StatementGroup);
        Assert.Empty(story.Discrepancies);
        Assert.True(QuoteMatcher.SameName("vladimir putin", "putin"));
        Assert.False(QuoteMatcher.SameName("kim jong un", "kim yo jong"));
    }

    [Fact]
    public void A_short_fragment_inside_a_long_quote_of_another_speaker_is_not_the_same_statement()
    {
        const string longQuote = "Doctors call it harbour crane fever, and the dockers who caught it worked long night shifts beside the old grain silos last winter";
        var other = Match(
            $"Fever\n\nThe illness, \u201Charbour crane fever,\u201D said Doctor Ilse Varn.\n",
            $"Fever\n\n\u201C{longQuote},\u201D union official Bo Ekdal said.\n");
        Assert.Equal(2, other.Quotes.Length);
        Assert.All(other.Quotes, q => Assert.Null(q.StatementGroup));
        var same = Match(
            $"Fever\n\nThe illness, \u201Charbour crane fever,\u201D said Bo Ekdal.\n",
            $"Fever\n\n\u201C{longQuote},\u201D union official Bo Ekdal said.\n");
        Assert.Equal(2, same.Quotes.Length);
        Assert.NotNull(same.Quotes[0].StatementGroup);
        Assert.Equal(same.Quotes[0].StatementGroup, same.Quotes[1].StatementGroup);
    }

    [Fact]
    public void A_negated_verb_blocks_a_wording_match_and_one_document_s_statements_never_join_through_a_third()
    {
        var story = Match(
            "Ransom\n\n\u201CI am sorry for every family whose savings we failed to protect,\u201D chief executive Lars Ekholm said. "
            + "Ekholm said that the bank would not refund the stolen savings of any family.\n",
            "Ransom\n\nLars Ekholm said that the bank would refund the stolen savings of every family.\n");
        var quotes = story.Quotes.Select(q => (q, story.Doc(q.DocId).Quotes[q.Index])).ToList();
        var notRefund = quotes.Single(p => p.Item2.Text.Contains("would not refund")).q;
        var refund = quotes.Single(p => p.Item2.Text.Contains("would refund")).q;
        var sorry = quotes.Single(p => p.Item2.Text.Contains("sorry")).q;
        Assert.True(refund.StatementGroup is null || refund.StatementGroup != notRefund.StatementGroup);
        Assert.True(sorry.StatementGroup is null || sorry.StatementGroup != notRefund.StatementGroup);
    }
}
