using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;
using static Crosscheck.Tests.Entities.EntityTestKit;

namespace Crosscheck.Tests.Entities;

public class EntityRecognizerTests
{
    [Fact]
    public void People_organisations_and_places_get_their_types()
    {
        var doc = Recognise("Vladimir Putin met the head of the International Atomic Energy Agency in Geneva on Tuesday, officials said.");
        Assert.Equal(EntityType.Person, Mention(doc, "Vladimir Putin").Type);
        Assert.Equal(EntityType.Organization, Mention(doc, "International Atomic Energy Agency").Type);
        Assert.Equal(EntityType.Location, Mention(doc, "Geneva").Type);
        Assert.DoesNotContain(doc.Entities, m => m.Text.Contains("Tuesday"));
    }

    [Fact]
    public void Countries_are_linked_to_the_gazetteer_name()
    {
        var doc = Recognise("Officials in South Korea and the Democratic People's Republic of Korea traded warnings.");
        var sk = Mention(doc, "South Korea");
        Assert.Equal(EntityType.Country, sk.Type);
        Assert.Equal("South Korea", sk.Country);
        Assert.Equal("North Korea", Mention(doc, "Democratic People's Republic of Korea").Country);
    }

    [Fact]
    public void Nationality_adjectives_point_to_their_country()
    {
        var doc = Recognise("South Korean officials met Russian diplomats and a Ukrainian envoy in the capital.");
        var sk = Mention(doc, "South Korean");
        Assert.Equal("demonym", sk.Kind);
        Assert.Equal("South Korea", sk.Country);
        Assert.Equal("Russia", Mention(doc, "Russian").Country);
        Assert.Equal("Ukraine", Mention(doc, "Ukrainian").Country);
    }

    [Fact]
    public void Country_names_inside_hyphenated_compounds_are_found_whole()
    {
        var doc = Recognise("The deal will hurt the South Korea-Russia relationship, he said.");
        Assert.Equal("South Korea", Mention(doc, "South Korea").Country);
        Assert.Equal("Russia", Mention(doc, "Russia").Country);
        Assert.DoesNotContain(doc.Entities, m => m.Text == "South");
    }

    [Fact]
    public void A_compound_with_a_hyphen_is_not_taken_for_a_romanised_name()
    {
        var doc = Recognise("Analysts say Russia is trying to recreate Cold War-era alliances in the region.");
        Assert.DoesNotContain(doc.Entities, m => m.Type == EntityType.Person);
    }

    [Fact]
    public void A_title_before_a_name_becomes_its_role()
    {
        var doc = Recognise("South Korean national security adviser Chang Ho-jin said on Sunday that Seoul would reconsider.");
        var chang = Mention(doc, "Chang Ho-jin");
        Assert.Equal(EntityType.Person, chang.Type);
        Assert.Equal("national security adviser", chang.Role);
        Assert.Equal("national security adviser", doc.Text[chang.RoleSpan!.Value.Start..chang.RoleSpan.Value.End]);
    }

    [Fact]
    public void An_appositive_role_after_a_name_is_collected()
    {
        var doc = Recognise("Chang Ho Jin, the head of the National Security Office, announced the decision.");
        var chang = Mention(doc, "Chang Ho Jin");
        Assert.Equal("head of the National Security Office", chang.Role);
        Assert.Equal(EntityType.Organization, Mention(doc, "National Security Office").Type);
    }

    [Fact]
    public void A_title_written_with_capitals_is_cut_off_the_name()
    {
        var doc = Recognise("On June 20, South Korea's Director of National Security Chang Ho-jin chaired a meeting.");
        Assert.Equal(EntityType.Person, Mention(doc, "Chang Ho-jin").Type);
        Assert.DoesNotContain(doc.Entities, m => m.Type == EntityType.Person && m.Text.StartsWith("National", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_alone_is_a_reference_to_a_person()
    {
        var doc = Recognise("Chang Ho-jin spoke first. Later the national security adviser told reporters the policy could change.");
        var title = Assert.Single(doc.Entities, m => m.Kind == "title");
        Assert.Equal("national security adviser", title.Text);
        Assert.Equal(EntityType.Person, title.Type);
    }

    [Fact]
    public void A_capital_that_speaks_stands_for_its_government_but_a_capital_as_a_place_does_not()
    {
        var doc = Recognise("Seoul said it would respond. The delegates later flew to Seoul for talks.");
        var capitals = doc.Entities.Where(m => m.Text == "Seoul").OrderBy(m => m.Span.Start).ToList();
        Assert.Equal(2, capitals.Count);
        Assert.All(capitals, m => Assert.Equal("South Korea", m.Country));
        Assert.Equal("capital", capitals[0].Kind);
        Assert.Equal("name", capitals[1].Kind);
    }

    [Fact]
    public void Context_cues_make_organisations()
    {
        var doc = Recognise("The Ministry of Foreign Affairs criticised the plan, and analysts at the Institute for the Study of War agreed.");
        Assert.Equal(EntityType.Organization, Mention(doc, "Ministry of Foreign Affairs").Type);
        Assert.Equal(EntityType.Organization, Mention(doc, "Institute for the Study of War").Type);
    }

    [Fact]
    public void A_byline_word_is_not_part_of_a_name()
    {
        var doc = Recognise("Seoul weighs its options\nDaniel Kim Views\nThe government met on Friday.");
        Assert.DoesNotContain(doc.Entities, m => m.Text == "Daniel Kim Views");
    }

    [Fact]
    public void A_name_found_once_is_found_again_where_the_tagger_missed_it()
    {
        var doc = Recognise("Strike at Halvorsen widens\n\nWorkers at Halvorsen Petrochem walked out on Monday. Halvorsen said output had fallen.");
        var spans = doc.Entities.Where(m => m.Text.StartsWith("Halvorsen", StringComparison.Ordinal)).ToList();
        Assert.True(spans.Count >= 3, string.Join(" | ", doc.Entities.Select(m => m.Text)));
    }

    [Fact]
    public void Every_mention_selects_exactly_its_text()
    {
        var text = "“We will respond,” said Kim Jong-un’s sister. Moscow’s envoy in Pyongyang met Japan’s minister.\nKYIV, Ukraine — Talks went on.";
        var doc = Recognise(text);
        Assert.NotEmpty(doc.Entities);
        foreach (var m in doc.Entities)
        {
            Assert.Equal(m.Text, text[m.Span.Start..m.Span.End]);
            if (m.RoleSpan is { } r) Assert.Equal(m.Role, text[r.Start..r.End]);
        }
    }

    [Fact]
    public void The_shipped_model_loads_and_tags()
    {
        var model = PerceptronNerModel.Default;
        Assert.NotNull(model);
        Assert.NotNull(model!.Lexicon);
        var tags = model.TagDocument([["Angela", "Merkel", "visited", "Paris", "."]]);
        var spans = NerTags.Spans(tags[0]);
        Assert.Contains((0, 2, 0), spans);
        Assert.Contains((3, 4, 2), spans);
    }

    [Fact]
    public void A_saved_model_reads_back_with_the_same_tags()
    {
        var docs = new List<NerTrainingDocument>
        {
            new([(["Anna", "Berg", "lives", "in", "Oslo", "."], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
                 (["Acme", "Corp", "hired", "Berg", "."], ["B-ORG", "I-ORG", "O", "B-PER", "O"])]),
            new([(["Oslo", "welcomed", "Acme", "Corp", "."], ["B-LOC", "O", "B-ORG", "I-ORG", "O"])]),
        };
        var model = new PerceptronNerTrainer(CountryGazetteer.Default) { Folds = 2, Features = 31 }.Train(docs, epochs: 5);
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        using var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionMode.Decompress);
        var loaded = PerceptronNerModel.Load(gz, CountryGazetteer.Default);
        var sentence = new[] { "Berg", "left", "Oslo", "for", "Acme", "Corp", "." };
        Assert.Equal(model.TagDocument([sentence])[0], loaded.TagDocument([sentence])[0]);
        Assert.NotNull(loaded.First);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
    }
}
