using Crosscheck.Core.Annotate.Quotes;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Quotes;

/// <summary>Definite company descriptions, person role nouns, titles in names and further reported-clause shapes.</summary>
public class QuoteExtractorRoleAndClauseTests
{
    private static Document Extract(string text) => TestDocs.AnnotateThrough<QuoteExtractor>(text);

    private static Quote Find(Document doc, string fragment) =>
        doc.Quotes.Single(q => q.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void The_company_resolves_to_the_one_company_named_nearby_even_beside_a_regulator()
    {
        var doc = Extract("Outage\n\nKoster Telecom said on Monday that its billing system had failed. "
            + "The fault lasted six hours and was reported to the Vell Telecoms Regulator, the company said.\n");
        Assert.Equal("Koster Telecom", Find(doc, "fault lasted").SpeakerName);
    }

    [Fact]
    public void The_company_used_twice_resolves_both_times_when_the_company_is_quoted_by_name()
    {
        var doc = Extract("Breach\n\nHackers copied the records of 20,000 customers of Koster Telecom, the company said on Friday. "
            + "Koster Telecom said its engineers found the intrusion on Monday. The attackers had been inside the network for nine days, the company said.\n");
        Assert.Equal("Koster Telecom", Find(doc, "Hackers copied").SpeakerName);
        Assert.Equal("Koster Telecom", Find(doc, "nine days").SpeakerName);
    }

    [Fact]
    public void The_company_with_no_company_nearby_is_the_one_the_document_quotes_by_name()
    {
        var doc = Extract("Breach\n\nKoster Telecom said on Friday that the stolen files hold 4,000 card numbers.\n\n"
            + "Edda Lunn was at the bakery when her phone rang. She did not answer. The calls began last week, days before the company admitted that the files had been stolen.\n");
        Assert.Equal("Koster Telecom", Find(doc, "files had been stolen").SpeakerName);
        // a description that names another kind of company is not guessed
        var rail = Extract("Floods\n\nTarnvik Energy said on Monday that the dam was safe.\n\nThe river rose by a metre. Roads were closed. "
            + "Trains to Kalvik were suspended, the railway operator said.\n");
        Assert.Null(Find(rail, "Trains to Kalvik").SpeakerName);
        Assert.Equal("the railway operator", Find(rail, "Trains to Kalvik").SpeakerDescription);
    }

    [Fact]
    public void A_compound_occupation_resolves_to_the_person_named_before_despite_an_age()
    {
        var doc = Extract("Quake\n\nIlse Marten, 68, was walking her dog when the ground shook. "
            + "\u201CThe windows rattled for a full minute,\u201D said the retired schoolteacher, who has lived in Vosk since 1980.\n");
        Assert.Equal("Ilse Marten", Find(doc, "windows rattled").SpeakerName);
    }

    [Fact]
    public void A_title_is_no_part_of_the_speaker_s_name_and_a_titled_description_gets_the_name()
    {
        var doc = Extract("Scam\n\nAt a briefing on Friday, Detective Inspector Ana Ruiz of the Vell Police warned customers about the texts. "
            + "\u201CNever send a code to anyone,\u201D Ruiz said.\n\n"
            + "Mara Tesk, the data protection commissioner, told the paper that her office would examine the case. "
            + "The commissioner said that complaints had doubled since March.\n");
        Assert.Equal("Ana Ruiz", Find(doc, "Never send").SpeakerName);
        Assert.Equal("Mara Tesk", Find(doc, "complaints had doubled").SpeakerName);
    }

    [Fact]
    public void A_relative_clause_with_says_reports_a_full_predicate_but_not_a_bare_copula()
    {
        var full = Extract("Breach\n\nThe attackers used the login of a supplier, an account that the bank says had not been used for years.\n");
        var q = Find(full, "not been used");
        Assert.Equal("had not been used for years", q.Text);
        Assert.False(q.Direct);
        var copula = Extract("Dam\n\nEngineers inspected the east wall, which the operator says is stable.\n");
        Assert.DoesNotContain(copula.Quotes, x => x.Text.Contains("stable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_present_perfect_verb_after_an_appositive_name_reports_its_clause()
    {
        var doc = Extract("Ransom\n\nThe gang wants 2 million euros. The bank's chief executive, Lars Ekholm, has said the bank will not pay.\n");
        var q = Find(doc, "will not pay");
        Assert.Equal("the bank will not pay", q.Text);
        Assert.Equal("Lars Ekholm", q.SpeakerName);
    }

    [Fact]
    public void A_clause_before_a_plural_speaker_and_say_is_reported()
    {
        var doc = Extract("Scam\n\nFake texts began arriving in Vosk last month, residents say, weeks before the bank admitted the breach.\n");
        var q = Find(doc, "Fake texts");
        Assert.Equal("Fake texts began arriving in Vosk last month", q.Text);
        Assert.Equal("residents", q.SpeakerDescription);
    }

    [Fact]
    public void A_coordinated_main_clause_with_a_new_named_subject_is_not_reported()
    {
        var doc = Extract("Law\n\nThe minister says the law could take effect next year, and Vell Mobile's board meets on Monday to name a reviewer.\n");
        Assert.Equal("the law could take effect next year", Find(doc, "take effect").Text);
        // without a new subject the coordination stays in the clause
        var same = Extract("Fares\n\nThe minister said fares would rise in March, and tickets would cost more on Sundays.\n");
        Assert.Equal("fares would rise in March, and tickets would cost more on Sundays", Find(same, "fares would rise").Text);
    }
}
