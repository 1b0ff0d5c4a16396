using System.Collections.Immutable;
using Crosscheck.Core.CrossCheck.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Entities;

/// <summary>The fictional sample stories (samples/, ours) against our annotations of them (data/annotations/entities/samples-*.json).</summary>
public class SampleEntityTests
{
    private static (Story Story, MergeScore Score) Run(string sample)
    {
        var pipeline = new PipelineBuilder().UseDefaults().Build();
        var gold = MergeEvaluation.ReadAnnotations(Path.Combine(SharedData.RepoRoot, "data", "annotations", "entities", $"samples-{sample}.json"));
        var paths = gold.Select(g => g.File).Distinct().Order(StringComparer.Ordinal).Select(f => Path.Combine(SharedData.SamplesDir, sample, f)).ToList();
        var read = pipeline.Reader.Read(paths);
        var docs = pipeline.AnnotateAll(read.Documents);
        var story = pipeline.CrossCheck(new Story { Id = sample, Title = sample, Documents = docs.ToImmutableArray() });
        return (story, MergeEvaluation.Score(story, gold, d => Path.GetFileName(d.Source.File)));
    }

    private static StoryEntity Single(Story story, MergeScore score, string goldEntity)
    {
        var ids = score.Assignments.Where(a => a.Gold.Entity == goldEntity).Select(a => a.EntityId).Distinct().ToList();
        Assert.True(ids.Count == 1 && ids[0] is not null, $"{goldEntity} lands in {string.Join(", ", ids.Select(i => i ?? "nothing"))}");
        return story.Entities.Single(e => e.Id == ids[0]);
    }

    [Theory]
    [InlineData("ferry-capsize", "varga-moss", "Varga-Moss")]
    [InlineData("ferry-capsize", "reljic", "Reljić")]
    [InlineData("refinery-strike", "ni-bhraonain", "Bhraonáin")]
    [InlineData("refinery-strike", "ekwueme", "Ekwueme")]
    [InlineData("kestrava-recount", "oduya-krantz", "Oduya")]
    public void Spelling_variants_of_a_person_are_one_entity(string sample, string goldEntity, string name)
    {
        var (story, score) = Run(sample);
        var e = Single(story, score, goldEntity);
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Contains(name, e.Name);
    }

    [Theory]
    [InlineData("refinery-strike", "halvorsen", EntityType.Organization)]
    [InlineData("refinery-strike", "urw", EntityType.Organization)]
    [InlineData("ferry-capsize", "coast-guard", EntityType.Organization)]
    [InlineData("ferry-capsize", "shipping-authority", EntityType.Organization)]
    [InlineData("ferry-capsize", "lake-orvanne", EntityType.Location)]
    public void Organisations_and_places_get_their_type_and_their_short_forms(string sample, string goldEntity, EntityType type)
    {
        var (story, score) = Run(sample);
        Assert.Equal(type, Single(story, score, goldEntity).Type);
    }

    [Theory]
    [InlineData("ferry-capsize")]
    [InlineData("refinery-strike")]
    [InlineData("kestrava-recount")]
    public void Merges_are_precise_and_nearly_complete(string sample)
    {
        var (_, score) = Run(sample);
        Assert.True(score.Precision >= 0.98, $"precision {score.Precision:F4}: {string.Join("; ", score.FalseMerges)}");
        Assert.True(score.Recall >= 0.9, $"recall {score.Recall:F4}: {string.Join("; ", score.Splits)}");
    }

    [Fact]
    public void A_place_that_qualifies_an_organisation_is_not_merged_into_it()
    {
        var (story, score) = Run("ferry-capsize");
        var guard = Single(story, score, "coast-guard");
        Assert.DoesNotContain(score.Assignments, a => a.Gold.Entity == "marevia" && a.EntityId == guard.Id);
    }
}
