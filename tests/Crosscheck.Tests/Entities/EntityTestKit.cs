using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Entities;

/// <summary>Runs the recogniser on literal text, and the resolver on a story made of literal texts (no clustering step).</summary>
internal static class EntityTestKit
{
    private static readonly Lazy<CrosscheckPipeline> Pipe = new(() => new PipelineBuilder().UseDefaults().Build());

    public static Document Recognise(string text) => TestDocs.AnnotateThrough<EntityRecognizer>(text);

    public static EntityMention Mention(Document doc, string surface) =>
        doc.Entities.FirstOrDefault(m => m.Text == surface)
        ?? throw new Xunit.Sdk.XunitException($"no mention \"{surface}\"; found: {string.Join(" | ", doc.Entities.Select(m => $"{m.Text}/{m.Type}/{m.Kind}"))}");

    public static Story Resolve(params string[] texts)
    {
        var p = Pipe.Value;
        var docs = texts.Select((t, i) => p.Annotate(TestDocs.Raw(t, $"s{i + 1}", $"doc{i + 1}.txt"))).ToImmutableArray();
        return p.CrossCheck(new Story { Id = "t", Title = "t", Documents = docs });
    }

    /// <summary>The entity holding the mention whose text is <paramref name="surface"/> (first occurrence in document order).</summary>
    public static StoryEntity EntityOf(Story story, string surface, int occurrence = 0)
    {
        var hits = story.Documents.SelectMany(d => d.Entities.Where(m => m.Text == surface).Select(m => (d.Id, m.Span))).ToList();
        if (hits.Count <= occurrence) throw new Xunit.Sdk.XunitException($"no mention \"{surface}\" #{occurrence}; entities: {Describe(story)}");
        var (doc, span) = hits[occurrence];
        return story.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.DocId == doc && m.Span == span))
               ?? throw new Xunit.Sdk.XunitException($"mention \"{surface}\" belongs to no entity; entities: {Describe(story)}");
    }

    public static string Describe(Story story) =>
        string.Join(" | ", story.Entities.Select(e => $"{e.Id} {e.Type} {e.Name} [{string.Join(", ", e.Aliases)}] x{e.Mentions.Length}"));
}
