using Crosscheck.Core.Annotate.Quotes;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Quotes;

public class QuoteExtractorTests
{
    private static Document Extract(string text) => TestDocs.AnnotateThrough<QuoteExtractor>(text);

    private static Quote Find(Document doc, string fragment) =>
        doc.Quotes.Single(q => q.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Direct_quote_span_is_inside_the_marks_and_text_is_the_exact_slice()
    {
        var doc = Extract("Bridge to reopen\n\n\u201CWe will rebuild the bridge by spring,\u201D Mayor Lena Ostrova told reporters on Monday.\n");
        var q = Assert.Single(doc.Quotes);
        Assert.True(q.Direct);
        Assert.Equal("We will rebuild the bridge by spring,", q.Text);
        Assert.Equal(doc.Slice(q.Span), q.Text);
        Assert.Equal("told", q.Cue);
        Assert.Equal("Lena Ostrova", q.SpeakerName);
        Assert.Equal("Lena Ostrova", doc.Slice(q.SpeakerNameSpan!.Value));
    }

    [Fact]
    public void Straight_marks_inverted_cue_and_a_following_standalone_quote_chain_to_one_speaker()
    {
        var doc = Extract("Storm\n\n\"The roof simply lifted off,\" said Pavel Dorn, a baker from Grisel. \"We ran for the cellar.\"\n");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.All(doc.Quotes, q => Assert.Equal("Pavel Dorn", q.SpeakerName));
        Assert.Equal("We ran for the cellar.", doc.Quotes[1].Text);
    }

    [Fact]
    public void Interrupted_quote_gives_two_quotes_and_a_pronoun_resolves_to_the_person_named_before()
    {
        var doc = Extract("Budget\n\nFinance Minister Arno Veld presented the budget on Tuesday.\n\n\u201CThe plan is sound,\u201D he said, \u201Cand we will carry it out.\u201D\n");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.All(doc.Quotes, q => Assert.Equal("Arno Veld", q.SpeakerName));
        Assert.Equal("he", doc.Slice(doc.Quotes[0].SpeakerSpan!.Value));
    }

    [Fact]
    public void Surname_expands_to_the_full_name_and_he_added_that_chains_to_the_previous_speaker()
    {
        var doc = Extract("Deficit\n\nTreasury adviser Mira Solberg-Haan spoke to parliament. Solberg-Haan said the deficit would shrink next year. She added that taxes would not rise.\n");
        var first = Find(doc, "deficit would shrink");
        Assert.False(first.Direct);
        Assert.Equal("the deficit would shrink next year", first.Text);
        Assert.Equal("Mira Solberg-Haan", first.SpeakerName);
        var second = Find(doc, "taxes would not rise");
        Assert.Equal("added", second.Cue);
        Assert.Equal("Mira Solberg-Haan", second.SpeakerName);
    }

    [Fact]
    public void Unnamed_speakers_keep_their_description_and_no_name()
    {
        var doc = Extract("Talks\n\nA senior ministry official said the talks had stalled. \u201CThere is no date for the next round,\u201D the official added.\n");
        var q = Find(doc, "talks had stalled");
        Assert.Null(q.SpeakerName);
        Assert.Equal("A senior ministry official", q.SpeakerDescription);
    }

    [Fact]
    public void According_to_and_end_attribution_cover_the_reported_clause()
    {
        var doc = Extract("Dam\n\nThe dam was built in 1962, according to the regional water board.\n\nThe spillway failed shortly after midnight, police said.\n");
        var a = Find(doc, "dam was built");
        Assert.Equal("The dam was built in 1962", a.Text);
        Assert.Equal("according to", a.Cue);
        var b = Find(doc, "spillway failed");
        Assert.Equal("The spillway failed shortly after midnight", b.Text);
        Assert.Equal("police", b.SpeakerDescription);
    }

    [Fact]
    public void Scare_quotes_without_a_reporting_verb_are_not_quotes()
    {
        var doc = Extract("Economy\n\nThe so-called \u201Cpeace dividend\u201D never arrived in the valley towns.\n");
        Assert.Empty(doc.Quotes);
    }

    [Fact]
    public void A_quote_with_no_speaker_in_reach_stays_undetermined()
    {
        var doc = Extract("\u201CNobody expected this.\u201D\n\nThe river rose two metres overnight.\n");
        var q = Assert.Single(doc.Quotes);
        Assert.Null(q.SpeakerName);
        Assert.Null(q.SpeakerDescription);
    }

    [Fact]
    public void A_quote_running_over_paragraphs_continues_its_speaker()
    {
        var doc = Extract("Memoir\n\nThe author Ines Calder wrote: \u201CWe left at dawn.\n\n\u201CBy noon the road was gone.\u201D\n");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.All(doc.Quotes, q => Assert.Equal("Ines Calder", q.SpeakerName));
    }

    [Fact]
    public void Same_input_gives_the_same_quotes()
    {
        const string text = "Port\n\n\u201CThe cranes are idle,\u201D union leader Tova Brandt said. She said the strike would go on.\n";
        Assert.True(Extract(text).Quotes.SequenceEqual(Extract(text).Quotes));
    }
    [Fact]
    public void He_continues_the_named_speaker_not_a_name_inside_the_speaker_s_apposition()
    {
        var doc = Extract("Moon landers\n\nMara Quell, chief executive of Hale Moran, said her company's award was a sign small firms had a role. " +
            "\u201CSmall players bring agility,\u201D she said. \u201CWe will fly in 2027.\u201D\n");
        Assert.Equal("Mara Quell", Find(doc, "Small players bring agility").SpeakerName);
        Assert.Equal("Mara Quell", Find(doc, "We will fly in 2027").SpeakerName);
        Assert.Equal("Mara Quell", Find(doc, "company's award").SpeakerName);
    }

    [Fact]
    public void A_dateline_is_not_part_of_the_clause_an_according_to_attributes()
    {
        var doc = Extract("Port probe\n\n(Wirepress) \u2014 The harbour authority is investigating the crane operator, according to two people familiar with the matter.\n");
        var q = Find(doc, "investigating the crane operator");
        Assert.Equal("The harbour authority is investigating the crane operator", q.Text);
        Assert.Equal("two people familiar with the matter", q.SpeakerDescription);
    }

    [Fact]
    public void A_surname_is_completed_from_a_removed_photo_caption_but_the_caption_is_no_quote_source()
    {
        var doc = Extract("Harbour deal signed\n\nPrime Minister Edvard Kallsen (C) and harbour workers at the signing in Norvik.\n\n" +
            "Kallsen spent the day at the docks. \u201CThis port will grow again,\u201D Kallsen said on Friday.\n\nHe added that new cranes would come in May.\n");
        Assert.Contains(doc.Clean!.Removed, r => r.Reason.Contains("caption"));
        Assert.Equal("Edvard Kallsen", Find(doc, "port will grow").SpeakerName);
        Assert.Equal("Edvard Kallsen", Find(doc, "new cranes").SpeakerName);
        var span = Find(doc, "port will grow").SpeakerNameSpan!.Value;
        Assert.Equal("Edvard Kallsen", doc.Slice(span));
    }

    [Fact]
    public void The_union_or_the_company_is_not_resolved_to_its_titled_leader()
    {
        var doc = Extract("Strike\n\nThe Norvik Dock Workers union is led by union leader Ada Merel. The company, led by chief executive Tor Brask, offered 3 percent.\n\n" +
            "Output fell by half, according to the company. Most of the strikers were contractors, the union said.\n");
        var byCompany = Find(doc, "Output fell");
        Assert.Null(byCompany.SpeakerName);
        Assert.Equal("the company", byCompany.SpeakerDescription);
        Assert.NotEqual("Ada Merel", Find(doc, "strikers were contractors").SpeakerName);
        Assert.Equal("Norvik Dock Workers", Find(doc, "strikers were contractors").SpeakerName);
    }

    [Fact]
    public void She_resolves_to_the_name_before_her_in_the_paragraph_even_when_the_recogniser_left_it_untyped()
    {
        var doc = Extract("Harbour vote\n\nCouncillor Tomasz Brelling-Ode lost the harbour vote to his rival, Therese Saveljeva-Moor.\n\n"
            + "Two ferries were delayed on Friday, a port official said.\n\n"
            + "Saveljeva-Moor, a retired nurse who leads the Harbour Alliance, toured the quay in the afternoon. \u201CWe owe this town a working port,\u201D she said.\n");
        // the same text with the name typed Other (not a person) by the recogniser, whatever the shipped tagger gives:
        // its mentions are replaced by Other mentions over the full name and the surname
        var text = doc.Text;
        int full = text.IndexOf("Therese Saveljeva-Moor", StringComparison.Ordinal), sur = text.LastIndexOf("Saveljeva-Moor", StringComparison.Ordinal);
        var others = new[]
        {
            new EntityMention(new TextSpan(full, full + "Therese Saveljeva-Moor".Length), "Therese Saveljeva-Moor", EntityType.Other),
            new EntityMention(new TextSpan(sur, sur + "Saveljeva-Moor".Length), "Saveljeva-Moor", EntityType.Other),
        };
        var retyped = doc with
        {
            Entities = [.. doc.Entities.Where(m => !others.Any(o => o.Span.Start < m.Span.End && m.Span.Start < o.Span.End)).Concat(others).OrderBy(m => m.Span.Start)],
            Quotes = [],
        };
        var q = Find(new QuoteExtractor().Annotate(retyped), "working port");
        Assert.Equal("Therese Saveljeva-Moor", q.SpeakerName);
        Assert.Null(q.SpeakerDescription);
    }

    [Fact]
    public void A_possessive_name_before_a_noun_is_not_the_speaker_the_whole_noun_phrase_is()
    {
        var doc = Extract("Strike\n\nSenator Alvar Quist spoke at the docks.\n\nSenator Quist's own party warned on Monday that the strike would cost the port millions.\n");
        var q = Find(doc, "strike would cost");
        Assert.Null(q.SpeakerName);
        Assert.Equal("Senator Quist's own party", q.SpeakerDescription);
    }

    [Fact]
    public void A_pronoun_skips_a_nearer_name_whose_title_gives_the_other_gender()
    {
        var doc = Extract("Talks\n\nMrs Hilde Varga met Mr Pieter Stam at the town hall on Monday. \u201CWe agreed on nothing at all,\u201D she said.\n\n"
            + "\u201CThe talks will go on,\u201D he said.\n");
        Assert.Equal("Hilde Varga", Find(doc, "agreed on nothing").SpeakerName);
        Assert.Equal("Pieter Stam", Find(doc, "talks will go on").SpeakerName);
    }

    [Fact]
    public void An_age_and_a_relative_clause_between_the_name_and_the_verb_are_not_the_speaker()
    {
        var doc = Extract("Flood\n\nAda Brenner, 64, who lost her bakery in Grisel on Monday, said she would not rebuild. "
            + "Tomas Ekberg, 58, a retired ferryman, said the river had never risen so fast.\n");
        var ada = Find(doc, "would not rebuild");
        Assert.Equal("Ada Brenner", ada.SpeakerName);
        Assert.Null(ada.SpeakerDescription);
        Assert.Equal("Tomas Ekberg", Find(doc, "never risen").SpeakerName);
        // a relative clause belongs to the part before it: a long list before it names no speaker
        var list = Extract("Protests\n\nVideo footage, witness accounts and reports from doctors in the capital show a pattern of shootings by the police, "
            + "which have used live rounds against crowds in ten cities, said Human Rights Watch on Tuesday.\n");
        Assert.DoesNotContain(list.Quotes, q => q.SpeakerDescription == "Video footage");
        // nor is the end of a clause set off by a comma before an inverted verb
        var inverted = Extract("Jobs\n\nJob cuts will be announced next week in units that do not support the core business, said chairman Ivo Marek in an email.\n");
        Assert.DoesNotContain(inverted.Quotes, q => q.SpeakerDescription is { } d && d.Contains("core business", StringComparison.Ordinal));
    }

    [Fact]
    public void A_that_clause_belongs_to_the_nearest_reporting_verb_before_it()
    {
        var doc = Extract("Harbour\n\nMayor Lena Ostrova has asked the ministry for new cranes and said that a reply was due on Friday. "
            + "Dock workers said they had warned last year that the quay wall was cracking.\n");
        var reply = Find(doc, "reply was due");
        Assert.Equal("a reply was due on Friday", reply.Text);
        Assert.Equal("said", reply.Cue);
        Assert.Equal("Lena Ostrova", reply.SpeakerName);
        var warned = Find(doc, "quay wall");
        Assert.Equal("they had warned last year that the quay wall was cracking", warned.Text);
        Assert.Equal("said", warned.Cue);
        Assert.Equal("Dock workers", warned.SpeakerDescription);
    }

    [Fact]
    public void That_before_a_verb_is_the_subject_of_the_reported_clause_and_a_relative_clause_reports_nothing()
    {
        var doc = Extract("Harbour\n\nThe port will get two new cranes. Analysts say that is far too little.\n\n"
            + "Divers inspected the old quay wall, which the harbour board says is safe.\n");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("that is far too little", q.Text);
        Assert.Equal("Analysts", q.SpeakerDescription);
        Assert.DoesNotContain(doc.Quotes, x => x.Text.Contains("is safe", StringComparison.Ordinal));
        // further from the verb, "that" before a verb is a relative pronoun: the clause starts after the verb
        var bid = Assert.Single(Extract("Cranes\n\nThe harbour board said it had ordered a crane that would lift 90 tonnes.\n").Quotes);
        Assert.Equal("it had ordered a crane that would lift 90 tonnes", bid.Text);
    }

    [Fact]
    public void An_organisation_reports_an_approximate_number_and_a_clause_before_said_on_a_day_with_its_full_name()
    {
        var doc = Extract("Harbour flood\n\nThe National Coast Rescue Agency said about 300 people had been moved from the harbour district by noon, most of them from Vell.\n\n"
            + "The number of boats sunk in the harbour rose to 40 by Sunday night, the National Coast Rescue Agency said on Monday, as divers searched the quay.\n\n"
            + "About 90 people are staying in the school hall, according to the agency.\n");
        var moved = Find(doc, "300 people");
        Assert.Equal("about 300 people had been moved from the harbour district by noon, most of them from Vell", moved.Text);
        Assert.Equal("National Coast Rescue Agency", moved.SpeakerName);
        var boats = Find(doc, "boats sunk");
        Assert.Equal("The number of boats sunk in the harbour rose to 40 by Sunday night", boats.Text);
        Assert.Equal("National Coast Rescue Agency", boats.SpeakerName);
        Assert.Equal("National Coast Rescue Agency", Find(doc, "school hall").SpeakerName);
        // "about" before anything but a number is a topic, not a reported clause
        Assert.Empty(Extract("Talks\n\nThe minister said about the talks only that they were long.\n").Quotes.Where(q => q.Text.StartsWith("about", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_reporting_verb_coordinated_with_the_first_verb_has_the_sentence_s_subject()
    {
        var doc = Extract("Ferry\n\nMayor Lena Ostrova wants a new ferry pier built by the summer, and says the council will pay half of it.\n");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("the council will pay half of it", q.Text);
        Assert.Equal("says", q.Cue);
        Assert.Equal("Lena Ostrova", q.SpeakerName);
    }

    [Fact]
    public void A_name_in_apposition_to_the_description_after_according_to_is_the_speaker()
    {
        var doc = Extract("Bridge\n\nThe swing bridge jammed at about 6.15 a.m., according to its owner, Velden Harbour Holdings. "
            + "The crane collapsed on Friday, according to the port authority, which runs the quay.\n");
        var jammed = Find(doc, "swing bridge jammed");
        Assert.Equal("Velden Harbour Holdings", jammed.SpeakerName);
        Assert.Null(jammed.SpeakerDescription);
        var crane = Find(doc, "crane collapsed");
        Assert.Null(crane.SpeakerName);
        Assert.Equal("the port authority", crane.SpeakerDescription);
        // the name stands beside the last noun of a longer description, not beside its head
        var list = Find(Extract("Ferry\n\nThe ferry carried 90 cars, according to the cargo manifest released by the owner, Velden Harbour Holdings.\n"), "90 cars");
        Assert.Null(list.SpeakerName);
    }

    [Fact]
    public void A_role_noun_resolves_to_the_one_fitting_name_of_the_sentences_before_or_stays_a_description()
    {
        var doc = Extract("Bakery\n\nInes Varga was closing her bakery when the river burst its banks. \u201CThe water came through the door in seconds,\u201D said the baker, who has run the shop for 30 years.\n\n"
            + "Mayor Tomas Brelling visited the harbour on Monday. \u201CWe lost every boat we had,\u201D said the fisherman.\n\n"
            + "The gates failed at dawn, according to the owner, Velden Harbour Holdings. The quay is 40 years old. Divers found cracks in the wall last week, the company said.\n\n"
            + "The Transport Ministry closed the coast road on Sunday. Repairs will take a month, the company said.\n");
        Assert.Equal("Ines Varga", Find(doc, "through the door").SpeakerName);
        // the only person named before has another role: the fisherman is not the mayor
        var boats = Find(doc, "every boat");
        Assert.Null(boats.SpeakerName);
        Assert.Equal("the fisherman", boats.SpeakerDescription);
        var cracks = Find(doc, "found cracks");
        Assert.Equal("Velden Harbour Holdings", cracks.SpeakerName);
        Assert.Equal("Velden Harbour Holdings", doc.Slice(cracks.SpeakerNameSpan!.Value));
        // a ministry is no company: with no company named nearby, "the company" is the one the document quotes by
        // name (Velden Harbour Holdings, through "according to the owner, …"), never the ministry
        var repairs = Find(doc, "Repairs will take");
        Assert.Equal("Velden Harbour Holdings", repairs.SpeakerName);
        // two people named before: no guess
        var two = Extract("Flood\n\nInes Varga and Tomas Ekberg were closing the bakery when the river rose. \u201CWe ran,\u201D said the baker.\n");
        Assert.Equal("the baker", Find(two, "We ran").SpeakerDescription);
        // the same noun used just before refers to someone unnamed; an organisation after a preposition is no actor
        var unnamed = Extract("Clinic\n\nDoctor Ines Varga spoke with a farmer about his cough. Varga questioned the farmer at length. "
            + "Once the farmer said that he kept pigeons, she knew the cause.\n\n"
            + "Tickets went on sale at the Vell Music Festival on Sunday. But the company says the prices will not change.\n");
        Assert.Null(Find(unnamed, "kept pigeons").SpeakerName);
        Assert.Null(Find(unnamed, "prices will not change").SpeakerName);
        // a union is no company, even when its name leaves out the word
        var union = Extract("Strike\n\nThe strike grew on Monday, the Vell Dock Workers union said. The company said output had fallen by half.\n");
        Assert.Equal("The company", Find(union, "output had fallen").SpeakerDescription);
    }

    [Fact]
    public void An_honorific_is_no_part_of_the_speaker_s_name_or_entity()
    {
        const string text = "Floods\n\nMaren Lind, a hydrologist at Vell University, said the river would crest on Friday. \u201CThe ground cannot take more water,\u201D Dr Lind said.\n\n"
            + "Prof Ansgar Halvorsen said the data were clear.\n\n\u201CWe need new gauges,\u201D said Dr. Okafor.\n";
        var doc = Extract(text);
        var ground = Find(doc, "ground cannot");
        Assert.Equal("Maren Lind", ground.SpeakerName);
        Assert.Equal("Lind", doc.Slice(ground.SpeakerSpan!.Value));
        Assert.Equal("Ansgar Halvorsen", Find(doc, "data were clear").SpeakerName);
        Assert.Equal("Okafor", Find(doc, "new gauges").SpeakerName);
        var story = TestDocs.RunAll((text, null)).Single();
        var placed = story.Quotes.Where(q => story.Doc(q.DocId).Quotes[q.Index].SpeakerName == "Maren Lind").ToList();
        Assert.Equal(2, placed.Count);
        Assert.NotNull(placed[0].SpeakerEntityId);
        Assert.Equal(placed[0].SpeakerEntityId, placed[1].SpeakerEntityId);
        Assert.Equal("Maren Lind", story.Entities.Single(e => e.Id == placed[0].SpeakerEntityId).Name);
    }

    [Fact]
    public void A_quotation_signed_after_a_dash_is_attributed_to_the_name_there()
    {
        var doc = Extract("Harbour\n\n> \"Keep away from the quay until the storm has passed.\" \u2014 Ilse Marren, harbour master, on Monday\n\n"
            + "\"Made in Vell\" \u2014 the label on every crate.\n");
        var q = Assert.Single(doc.Quotes);
        Assert.True(q.Direct);
        Assert.Equal("Keep away from the quay until the storm has passed.", q.Text);
        Assert.Equal("Ilse Marren", q.SpeakerName);
    }

    [Fact]
    public void An_acronym_speaker_is_named_by_the_name_it_was_defined_for()
    {
        var doc = Extract("Harbour\n\nThe Vell Harbour Authority (VHA) closed the quay on Monday. The VHA says that ships will wait at anchor. "
            + "The KSB said that the pilots would strike.\n");
        var ships = Find(doc, "wait at anchor");
        Assert.Equal("Vell Harbour Authority", ships.SpeakerName);
        Assert.Equal("Vell Harbour Authority", doc.Slice(ships.SpeakerNameSpan!.Value));
        Assert.Equal("VHA", doc.Slice(ships.SpeakerSpan!.Value));
        // an acronym the article never spells out stays as written
        Assert.Equal("KSB", Find(doc, "pilots would strike").SpeakerName);
    }

    [Fact]
    public void A_date_after_said_is_no_reported_clause()
    {
        var doc = Extract("Tariffs\n\n\u201CWe are collecting a fortune,\u201D Mr. Orban said on Nov. 8. \u201CThey want a deal more than we do.\u201D\n");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.All(doc.Quotes, q => Assert.True(q.Direct));
    }
}

public class QuoteExtractorRobustnessTests
{
    [Fact]
    public void Odd_text_never_throws_and_every_quote_slices_its_text()
    {
        var pieces = new[] { "\u201C", "\u201D", "\"", "said", "he", "according to", ",", ".", " ", "\n\n", "Anna Berg", "that", "the official", "?", "\u2014", "told", "Ms", "(", ")", "added", "\u2026", "[x]" };
        var random = new Random(7);
        for (int n = 0; n < 400; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
            var doc = Crosscheck.Tests.Support.TestDocs.AnnotateThrough<Crosscheck.Core.Annotate.Quotes.QuoteExtractor>(text);
            foreach (var q in doc.Quotes)
            {
                Assert.Equal(doc.Slice(q.Span), q.Text);
                Assert.True(q.Span.Length > 0);
            }
        }
    }

}
