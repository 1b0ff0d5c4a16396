using System.Collections.Immutable;
using Crosscheck.Core.Model;
using static Crosscheck.Tests.Entities.EntityTestKit;

namespace Crosscheck.Tests.Entities;

public class EntityResolverTests
{
    [Fact]
    public void Hyphen_and_case_variants_of_a_name_are_one_person()
    {
        var story = Resolve(
            "North Korean leader Kim Jong Un met the visitors on Wednesday.",
            "The visitors were received by Kim Jong-un in the capital.",
            "State media showed Kim Jong-Un greeting the guests.");
        var e = EntityOf(story, "Kim Jong Un");
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Same(e, EntityOf(story, "Kim Jong-un"));
        Assert.Same(e, EntityOf(story, "Kim Jong-Un"));
    }

    [Fact]
    public void The_North_used_as_a_noun_is_the_country_whose_name_begins_with_it()
    {
        var story = Resolve(
            "Seoul said North Korea had fired two missiles on Tuesday.",
            "South Korea said the missiles were fired by the North early on Tuesday, and that the North would face sanctions.");
        var north = EntityOf(story, "North Korea");
        Assert.Equal(EntityType.Country, north.Type);
        Assert.Contains("North", north.Aliases);
        Assert.Equal(3, north.Mentions.Length);
    }

    [Fact]
    public void A_compass_word_without_the_article_or_country_stays_apart()
    {
        var story = Resolve("Floods hit North Dakota and the East of the region on Tuesday.", "The East saw the worst of the rain, officials said.");
        Assert.DoesNotContain(story.Entities, e => e.Type == EntityType.Country && e.Aliases.Contains("East"));
    }

    [Fact]
    public void Romanisation_variants_meet()
    {
        var story = Resolve("National security adviser Chang Ho-jin said the policy could change.", "Security adviser Jang Ho-jin told reporters the policy could change.");
        Assert.Same(EntityOf(story, "Chang Ho-jin"), EntityOf(story, "Jang Ho-jin"));
    }

    [Fact]
    public void A_surname_alone_joins_the_person_named_before_it()
    {
        var story = Resolve("Transport Minister Ilena Varga-Moss visited the harbour. \"We are doing everything,\" Varga-Moss told reporters.");
        var e = EntityOf(story, "Ilena Varga-Moss");
        Assert.Same(e, EntityOf(story, "Varga-Moss"));
        Assert.Equal(EntityType.Person, e.Type);
    }

    [Fact]
    public void A_two_word_tail_of_a_longer_name_joins_it()
    {
        var story = Resolve("Union leader Saoirse Ní Bhraonáin addressed a rally. \"We will not be bullied,\" Ní Bhraonáin said.");
        Assert.Same(EntityOf(story, "Saoirse Ní Bhraonáin"), EntityOf(story, "Ní Bhraonáin"));
    }

    [Fact]
    public void A_one_letter_misspelling_of_a_long_name_joins_it()
    {
        var story = Resolve("Chief executive Jonas Ekwueme said the offer was final.", "The company, led by chief executive Jonas Ekweme, said the offer was final.");
        Assert.Same(EntityOf(story, "Jonas Ekwueme"), EntityOf(story, "Jonas Ekweme"));
    }

    [Fact]
    public void A_title_alone_joins_the_person_who_holds_it()
    {
        var story = Resolve("South Korean national security adviser Chang Ho-jin spoke on Sunday. Later the national security adviser said talks would go on.");
        var title = story.Documents[0].Entities.Single(m => m.Kind == "title");
        var chang = EntityOf(story, "Chang Ho-jin");
        Assert.Contains(chang.Mentions, m => m.Span == title.Span);
        Assert.Contains("national security adviser", chang.Roles);
    }

    [Fact]
    public void Possessives_join_the_name()
    {
        var story = Resolve("Russian President Vladimir Putin arrived on Wednesday.", "Critics questioned Putin's motives for the visit.");
        var possessive = story.Documents[1].Entities.Single(m => m.Text.StartsWith("Putin", StringComparison.Ordinal));
        Assert.StartsWith("'s", story.Documents[1].Text[possessive.Span.End..]);
        var e = EntityOf(story, "Vladimir Putin");
        Assert.Contains(e.Mentions, m => m.DocId == "s2" && m.Span == possessive.Span);
        Assert.DoesNotContain(e.Aliases, a => a.EndsWith("'s", StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_from_several_sources_are_collected_on_one_person()
    {
        var story = Resolve(
            "South Korean national security adviser Chang Ho-jin said Seoul would reconsider.",
            "Chang Ho Jin, the head of the National Security Office, announced the decision.");
        var chang = EntityOf(story, "Chang Ho-jin");
        Assert.Contains("national security adviser", chang.Roles);
        Assert.Contains(chang.Roles, r => r.Contains("head of the National Security Office"));
    }

    [Fact]
    public void A_capital_is_linked_to_its_country_and_stays_a_place()
    {
        var story = Resolve("Seoul said it would respond to the pact. South Korea has not sent weapons before.", "Delegates flew to Seoul for talks.");
        var seoul = EntityOf(story, "Seoul");
        var country = EntityOf(story, "South Korea");
        Assert.Equal(EntityType.Location, seoul.Type);
        Assert.Equal(EntityType.Country, country.Type);
        Assert.Equal(country.Id, seoul.CountryId);
        Assert.NotSame(seoul, country);
        Assert.Same(seoul, EntityOf(story, "Seoul", 1));
    }

    [Fact]
    public void Two_people_sharing_a_surname_stay_apart_and_the_bare_surname_follows_the_nearest()
    {
        var story = Resolve(
            "Kim Jong Un met the envoy. His sister Kim Yo Jong issued a statement. Kim said the statement was final.",
            "Kim Jong Un greeted the delegation at the airport.");
        var un = EntityOf(story, "Kim Jong Un");
        var yo = EntityOf(story, "Kim Yo Jong");
        Assert.NotSame(un, yo);
        Assert.Same(yo, EntityOf(story, "Kim"));
    }

    [Fact]
    public void An_ambiguous_surname_in_a_document_without_either_person_is_not_merged()
    {
        var story = Resolve(
            "Kim Jong Un met the envoy.",
            "Kim Yo Jong issued a statement.",
            "Kim said the talks were over.");
        var bare = EntityOf(story, "Kim");
        Assert.True(!ReferenceEquals(EntityOf(story, "Kim Jong Un"), bare) && !ReferenceEquals(EntityOf(story, "Kim Yo Jong"), bare), Describe(story));
    }

    [Fact]
    public void A_short_form_of_an_organisation_joins_the_long_form_named_before_it()
    {
        var story = Resolve(
            "The National Security Council met on Tuesday. The pact violates UN Security Council resolutions. As a permanent member of the Security Council, Russia must comply.",
            "Workers at Halvorsen Petrochem walked out. Halvorsen said output had fallen.");
        Assert.Same(EntityOf(story, "UN Security Council"), EntityOf(story, "Security Council"));
        Assert.NotSame(EntityOf(story, "UN Security Council"), EntityOf(story, "National Security Council"));
        Assert.Same(EntityOf(story, "Halvorsen Petrochem"), EntityOf(story, "Halvorsen"));
    }

    [Fact]
    public void Acronyms_join_the_one_organisation_with_those_initials()
    {
        var story = Resolve("Workers of the United Refinery Workers union walked out.", "URW leaders said the strike would go on.");
        Assert.Same(EntityOf(story, "United Refinery Workers"), EntityOf(story, "URW"));
    }

    /// <summary>A story whose mentions are given by hand (surface, type, kind), each the next occurrence of its surface in its text,
    /// so that the resolver is tested apart from the tagger's choices.</summary>
    private static Story ResolveTagged(params (string Text, (string Surface, EntityType Type, string Kind)[] Mentions)[] docs)
    {
        var built = docs.Select((d, n) =>
        {
            int from = 0;
            var mentions = new List<EntityMention>();
            foreach (var (surface, type, kind) in d.Mentions)
            {
                int at = d.Text.IndexOf(surface, from, StringComparison.Ordinal);
                Assert.True(at >= 0, surface);
                // "name|ROLE": a name mention with the role the tagger attached to it.
                var bar = kind.IndexOf('|');
                mentions.Add(new EntityMention(new TextSpan(at, at + surface.Length), surface, type)
                    { Kind = bar < 0 ? kind : kind[..bar], Role = bar < 0 ? null : kind[(bar + 1)..] });
                from = at + surface.Length;
            }
            return Crosscheck.Tests.Support.TestDocs.Raw(d.Text, $"s{n + 1}", $"doc{n + 1}.txt") with { Entities = [.. mentions] };
        }).ToImmutableArray();
        return new Crosscheck.Core.CrossCheck.Entities.EntityResolver().Apply(new Story { Id = "t", Title = "t", Documents = built });
    }

    private static StoryEntity Holding(Story story, string docId, int start) =>
        story.Entities.Single(e => e.Mentions.Any(m => m.DocId == docId && m.Span.Start == start));

    [Fact]
    public void A_multi_part_surname_tagged_other_joins_the_one_person_whose_name_ends_with_it()
    {
        const string a = "Councillor Maren Tuva-Lindqvist filed the appeal. Tuva-Lindqvist said she would wait.";
        const string b = "The appeal by Maren Tuva Lindqvist was heard on Monday; Tuva Lindqvist did not attend.";
        var story = ResolveTagged(
            (a, [("Maren Tuva-Lindqvist", EntityType.Other, "name"), ("Tuva-Lindqvist", EntityType.Other, "name")]),
            (b, [("Maren Tuva Lindqvist", EntityType.Person, "name"), ("Tuva Lindqvist", EntityType.Person, "name")]));
        var e = Holding(story, "s2", b.IndexOf("Maren"));
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Equal(4, e.Mentions.Length);
        Assert.Single(story.Entities);
    }

    [Fact]
    public void A_surname_tagged_as_an_organisation_joins_the_person_only_when_one_person_fits()
    {
        const string a = "Jonas Berg-Aalto spoke first, then Berg-Aalto left.";
        var one = ResolveTagged((a, [("Jonas Berg-Aalto", EntityType.Person, "name"), ("Berg-Aalto", EntityType.Organization, "name")]));
        Assert.Single(one.Entities);
        const string b = "Jonas Berg-Aalto and Lina Berg-Aalto spoke, then Berg-Aalto left.";
        var two = ResolveTagged((b, [("Jonas Berg-Aalto", EntityType.Person, "name"), ("Lina Berg-Aalto", EntityType.Person, "name"), ("Berg-Aalto", EntityType.Organization, "name")]));
        Assert.Equal(3, two.Entities.Length);
    }

    [Fact]
    public void A_lower_case_word_tagged_a_person_is_no_entity()
    {
        const string a = "\"We accept it,\" said Tomas Reyn, the party's press officer.";
        var story = ResolveTagged((a, [("Tomas Reyn", EntityType.Person, "name"), ("officer", EntityType.Person, "name")]));
        Assert.Single(story.Entities);
        Assert.Equal("Tomas Reyn", story.Entities[0].Name);
    }

    [Fact]
    public void A_group_noun_before_an_organisation_name_is_not_part_of_it()
    {
        const string a = "Members of the Harbour Licensing Board, led by a judge, met on Friday.";
        var story = ResolveTagged((a, [("Members of the Harbour Licensing Board", EntityType.Organization, "name")]));
        var e = Assert.Single(story.Entities);
        Assert.Equal("Harbour Licensing Board", e.Name);
        Assert.Equal(a.IndexOf("Harbour"), e.Mentions[0].Span.Start);
    }

    [Theory]
    [InlineData("Greta Holm, who chairs the tribunal, said the hearing was open.")]
    [InlineData("The Riverside Tribunal, chaired by Greta Holm, said the hearing was open.")]
    [InlineData("Greta Holm, the tribunal's chair, said the hearing was open.")]
    public void A_role_written_as_a_verb_or_possessive_lets_a_title_alone_find_the_person(string first)
    {
        const string second = "The tribunal chair said a ruling would follow on Friday.";
        var firstMentions = first.StartsWith("The Riverside")
            ? new[] { ("Riverside Tribunal", EntityType.Organization, "name"), ("Greta Holm", EntityType.Person, "name") }
            : first.Contains("'s chair") ? [("Greta Holm", EntityType.Person, "name|the tribunal's chair")] : [("Greta Holm", EntityType.Person, "name")];
        var story = ResolveTagged((first, firstMentions), (second, [("tribunal chair", EntityType.Person, "title")]));
        var holm = Holding(story, "s1", first.IndexOf("Greta"));
        Assert.Contains(holm.Mentions, m => m.DocId == "s2");
    }
}
