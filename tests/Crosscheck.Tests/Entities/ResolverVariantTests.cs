using Crosscheck.Core.Model;
using static Crosscheck.Tests.Entities.EntityTestKit;

namespace Crosscheck.Tests.Entities;

/// <summary>Spelling, title and short-form variants that the held-out dam story showed (tested on other literal text).</summary>
public class ResolverVariantTests
{
    [Fact]
    public void A_transliterated_given_name_with_the_same_surname_is_one_person()
    {
        var story = Resolve(
            "Interior Minister Oleksandr Brenko said on Monday that the border would stay open.",
            "The border will stay open, Interior Minister Aleksandr Brenko told reporters on Monday.");
        Assert.Same(EntityOf(story, "Oleksandr Brenko"), EntityOf(story, "Aleksandr Brenko"));
    }

    [Fact]
    public void Two_spellings_in_one_text_are_two_people()
    {
        // "Jonas" and "Janis" have the same consonants, but one text names both
        var story = Resolve("Jonas Dunford and his brother Janis Dunford opened the bakery in 1990, Jonas Dunford said.");
        Assert.NotSame(EntityOf(story, "Jonas Dunford"), EntityOf(story, "Janis Dunford"));
    }

    [Fact]
    public void An_honorific_is_not_part_of_the_name()
    {
        var story = Resolve(
            "Rivers expert Tamsin Abernathy said the levee was sound.",
            "\"The levee is sound,\" Dr Abernathy said on Friday.");
        Assert.Same(EntityOf(story, "Tamsin Abernathy"), EntityOf(story, "Abernathy"));
        Assert.DoesNotContain(story.Entities, e => e.Name.StartsWith("Dr ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_decides_between_two_people_with_one_surname()
    {
        var story = Resolve(
            "Governor Petra Lindqvist toured the shelter. The farmer Olaf Lindqvist said his barn was gone.",
            "Governor Lindqvist said on Tuesday that the state would pay for repairs.");
        var governor = EntityOf(story, "Petra Lindqvist");
        Assert.Same(governor, EntityOf(story, "Lindqvist"));
        Assert.NotSame(governor, EntityOf(story, "Olaf Lindqvist"));
    }

    [Fact]
    public void A_news_agency_named_without_its_last_word_is_one_organisation()
    {
        var story = Resolve(
            "The report was first carried by the Morrow Press Agency on Monday.",
            "Morrow Press said the figures came from the ministry.");
        Assert.Same(EntityOf(story, "Morrow Press Agency"), EntityOf(story, "Morrow Press"));
    }

    [Fact]
    public void Two_places_joined_by_and_before_a_plural_place_noun_are_two_places()
    {
        var doc = Recognise("Ballots from the Upper Ferris and Saint Odile districts arrived late, officials said.");
        Assert.DoesNotContain(doc.Entities, m => m.Text.Contains(" and ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_never_ends_or_starts_with_a_function_word()
    {
        var doc = Recognise("Engineers had noticed seepage on Sunday, the company told the Courier that the region had been warned twice.");
        Assert.DoesNotContain(doc.Entities, m => m.Text is "the" or "The" || m.Text.EndsWith(" the", StringComparison.Ordinal));
    }
}

public class PlaceNounTests
{
    [Fact]
    public void A_name_before_a_place_noun_or_ending_in_one_is_a_place()
    {
        var doc = Recognise("Water from the Marrowby Dam flooded farms across the Ostra valley and the Low Fenner region on Tuesday.");
        Assert.All(doc.Entities.Where(m => m.Text is "Marrowby Dam" or "Ostra" or "Low Fenner"), m => Assert.Equal(EntityType.Location, m.Type));
        Assert.Equal(3, doc.Entities.Count(m => m.Text is "Marrowby Dam" or "Ostra" or "Low Fenner"));
    }
}

public class StoryNameTests
{
    [Fact]
    public void A_given_name_one_letter_apart_with_the_same_surname_is_one_person()
    {
        var story = Resolve(
            "Security researcher Mariia Holdt said the flaw was easy to find.",
            "The flaw was easy to find, said Maria Holdt, a security researcher.");
        Assert.Same(EntityOf(story, "Mariia Holdt"), EntityOf(story, "Maria Holdt"));
    }

    [Fact]
    public void A_police_title_is_a_role_not_part_of_the_name()
    {
        var story = Resolve("\"Do not answer these messages,\" Detective Superintendent Jonas Arvel told reporters on Friday.");
        var e = EntityOf(story, "Jonas Arvel");
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Contains(e.Roles, r => r.Contains("Superintendent", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_demonym_of_an_invented_country_is_no_entity_and_marks_the_country_a_place()
    {
        var story = Resolve(
            "Hackers hit Brelland, the largest bank in Quorvia, on Monday, the bank said.",
            "Speaking in Quorvian, the minister said Quorvia would not pay any ransom.");
        Assert.DoesNotContain(story.Entities, e => e.Name == "Quorvian");
        Assert.Equal(EntityType.Location, EntityOf(story, "Quorvia").Type);
    }

    [Fact]
    public void A_portfolio_before_a_ministers_title_is_not_an_organisation()
    {
        var doc = Recognise("Digital Affairs Minister Tomas Brandt said the law would change next year.");
        Assert.DoesNotContain(doc.Entities, m => m.Text == "Digital Affairs");
        Assert.Contains(doc.Entities, m => m.Text == "Tomas Brandt" && m.Type == EntityType.Person);
    }
}

public class SpanSplitTests
{
    [Fact]
    public void A_dateline_agency_and_the_leads_first_word_are_not_one_name()
    {
        var doc = Recognise("HALDEN, Norvia (Coast Wire) — At least 12 people were hurt when the pier collapsed on Monday.");
        Assert.DoesNotContain(doc.Entities, m => m.Text.Contains(')') || m.Text.Contains('—') || m.Text is "At");
    }

    [Fact]
    public void A_place_after_in_or_on_ends_the_name_before_it()
    {
        var doc = Recognise("Parents returned the syrup to the Birch Pharmacy on Quay Street on Tuesday, the owner said.");
        Assert.DoesNotContain(doc.Entities, m => m.Text.Contains(" on ", StringComparison.Ordinal));
        Assert.Contains(doc.Entities, m => m.Text == "Quay Street" && m.Type == EntityType.Location);
    }
}
