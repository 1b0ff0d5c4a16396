using Crosscheck.Core.CrossCheck.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Entities;

/// <summary>
/// Issue 3's "Done when" on ../shared/seeds, checked against our annotations (data/annotations/entities/seeds.json:
/// offsets and entity labels only). Mentions in text the cleaner removes (captions, bylines, repeated headlines) are not scored.
/// </summary>
public class SeedEntityTests
{
    private static readonly Lazy<(Story Story, MergeScore Score)> Seeds = new(() =>
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run([SharedData.SeedsDir]);
        var story = result.Stories.OrderByDescending(s => s.Documents.Length).First();
        var gold = MergeEvaluation.ReadAnnotations(Path.Combine(SharedData.RepoRoot, "data", "annotations", "entities", "seeds.json"));
        return (story, MergeEvaluation.Score(story, gold, d => Path.GetFileName(d.Source.File)));
    });

    private static List<StoryEntity> EntitiesOf(string goldEntity)
    {
        var (story, score) = Seeds.Value;
        var ids = score.Assignments.Where(a => a.Gold.Entity == goldEntity).Select(a => a.EntityId).ToList();
        Assert.NotEmpty(ids);
        Assert.DoesNotContain(null, ids);
        return ids.Distinct().Select(id => story.Entities.Single(e => e.Id == id)).ToList();
    }

    [SharedTheory]
    [InlineData("chang-ho-jin", "Chang")]
    [InlineData("kim-jong-un", "Kim Jong")]
    [InlineData("putin", "Putin")]
    [InlineData("yoon-suk-yeol", "Yoon")]
    [InlineData("blinken", "Blinken")]
    [InlineData("cho-tae-yul", "Cho")]
    [InlineData("ahn-chan-il", "Ahn")]
    public void Every_spelling_of_a_person_is_one_entity_with_roles(string goldEntity, string name)
    {
        var e = Assert.Single(EntitiesOf(goldEntity));
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Contains(name, e.Name);
        Assert.NotEmpty(e.Roles);
    }

    [SharedFact]
    public void Chang_keeps_his_three_titles()
    {
        var chang = Assert.Single(EntitiesOf("chang-ho-jin"));
        Assert.Contains(chang.Roles, r => r.Contains("national security adviser", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(chang.Roles, r => r.Contains("head of the National Security Office", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(chang.Roles, r => r.Contains("Director of National Security", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Chang Ho Jin", chang.Aliases.Append(chang.Name));
    }

    [SharedTheory]
    [InlineData("un-security-council")]
    [InlineData("nato")]
    [InlineData("national-security-council")]
    [InlineData("isw")]
    public void Named_bodies_are_organisations(string goldEntity)
    {
        var e = Assert.Single(EntitiesOf(goldEntity));
        Assert.Equal(EntityType.Organization, e.Type);
    }

    [SharedTheory]
    [InlineData("seoul", "South Korea")]
    [InlineData("moscow", "Russia")]
    [InlineData("pyongyang", "North Korea")]
    [InlineData("kyiv", "Ukraine")]
    [InlineData("washington", "United States")]
    public void Capitals_are_linked_to_their_countries_and_stay_places(string goldEntity, string country)
    {
        var story = Seeds.Value.Story;
        var e = Assert.Single(EntitiesOf(goldEntity));
        Assert.Equal(EntityType.Location, e.Type);
        Assert.NotNull(e.CountryId);
        var c = story.Entities.Single(x => x.Id == e.CountryId);
        Assert.Equal(EntityType.Country, c.Type);
        Assert.Equal(country, c.Name);
    }

    [SharedFact]
    public void No_two_different_people_are_merged()
    {
        var (story, score) = Seeds.Value;
        var people = story.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Id).ToHashSet();
        foreach (var g in score.Assignments.Where(a => a.EntityId is not null && people.Contains(a.EntityId)).GroupBy(a => a.EntityId))
        {
            var held = g.Select(a => a.Gold.Entity).Distinct().ToList();
            Assert.True(held.Count == 1, $"{g.Key} holds {string.Join(", ", held)}");
        }
        Assert.True(score.Precision >= 0.98, $"merge precision {score.Precision:F4}: {string.Join("; ", score.FalseMerges)}");
        Assert.True(score.Recall >= 0.95, $"merge recall {score.Recall:F4}: {string.Join("; ", score.Splits)}");
    }

    [SharedFact]
    public void A_byline_is_not_a_person_named_Daniel_Kim_Views()
    {
        var story = Seeds.Value.Story;
        Assert.DoesNotContain(story.Entities, e => e.Name.Contains("Views") || e.Aliases.Any(a => a.Contains("Views")));
        Assert.DoesNotContain(story.Documents.SelectMany(d => d.Entities), m => m.Text.Contains("Kim Views"));
    }

    [SharedFact]
    public void Every_entity_mention_selects_its_text()
    {
        var story = Seeds.Value.Story;
        foreach (var d in story.Documents)
            foreach (var m in d.Entities)
            {
                Assert.Equal(m.Text, d.Text[m.Span.Start..m.Span.End]);
                if (m.RoleSpan is { } r) Assert.Equal(m.Role, d.Text[r.Start..r.End]);
            }
    }
}
