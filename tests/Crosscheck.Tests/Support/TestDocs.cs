using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Tests.Support;

/// <summary>Builds documents from literal text for unit tests, running the passes a test asks for.</summary>
public static class TestDocs
{
    public static Document Raw(string text, string id = "s1", string file = "test.txt", DateOnly? published = null) => new()
    {
        Id = id, Text = text, Source = new SourceInfo { File = file, StatedPublished = published },
        Published = published is { } p ? new PublicationDate(p, Inferred: false) : null,
    };

    /// <summary>Runs the default document passes up to and including the one of type <typeparamref name="TLast"/>.</summary>
    public static Document AnnotateThrough<TLast>(string text, DateOnly? published = null, string id = "s1") where TLast : IDocumentAnnotator
    {
        var doc = Raw(text, id, published: published);
        foreach (var pass in new PipelineBuilder().UseDefaults().Build().DocumentPasses)
        {
            doc = pass.Annotate(doc);
            if (pass is TLast) break;
        }
        return doc;
    }

    /// <summary>Runs the whole default pipeline on documents made from texts.</summary>
    public static IReadOnlyList<Story> RunAll(params (string Text, DateOnly? Published)[] texts)
    {
        var pipeline = new PipelineBuilder().UseDefaults().Build();
        var docs = texts.Select((t, i) => pipeline.Annotate(Raw(t.Text, $"s{i + 1}", $"doc{i + 1}.txt", t.Published))).ToList();
        return pipeline.Clusterer.Cluster(docs).Select(pipeline.CrossCheck).ToList();
    }
}
