using System.Collections.Immutable;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>The whole job: ingest → clean → segment → annotate → cluster → cross-check. Build it with <see cref="PipelineBuilder"/>.</summary>
public sealed class CrosscheckPipeline
{
    public ArticleReader Reader { get; }
    public ImmutableArray<IDocumentAnnotator> DocumentPasses { get; }
    public IStoryClusterer Clusterer { get; }
    public ImmutableArray<IStoryPass> StoryPasses { get; }

    internal CrosscheckPipeline(ArticleReader reader, ImmutableArray<IDocumentAnnotator> documentPasses,
        IStoryClusterer clusterer, ImmutableArray<IStoryPass> storyPasses)
    {
        Reader = reader; DocumentPasses = documentPasses; Clusterer = clusterer; StoryPasses = storyPasses;
    }

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports progress: stage name, items done, items in all.</summary>
    public event Action<string, int, int>? Progress;

    public PipelineResult Run(IEnumerable<string> paths)
    {
        var ingest = Reader.Read(paths);
        var docs = AnnotateAll(ingest.Documents);
        var stories = Clusterer.Cluster(docs);
        var checkedStories = new Story[stories.Count];
        Parallel.For(0, stories.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism) },
            i => checkedStories[i] = CrossCheck(stories[i]));
        return new PipelineResult([.. checkedStories], ingest.Diagnostics);
    }

    public Document Annotate(Document doc)
    {
        foreach (var pass in DocumentPasses) doc = pass.Annotate(doc);
        return doc;
    }

    public IReadOnlyList<Document> AnnotateAll(IReadOnlyList<Document> docs)
    {
        var result = new Document[docs.Count];
        int done = 0;
        Parallel.For(0, docs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxParallelism) }, i =>
        {
            result[i] = Annotate(docs[i]);
            Progress?.Invoke("annotate", Interlocked.Increment(ref done), docs.Count);
        });
        return result;
    }

    public Story CrossCheck(Story story)
    {
        foreach (var pass in StoryPasses)
        {
            story = pass.Apply(story);
            Progress?.Invoke(pass.Name, 1, 1);
        }
        return story;
    }
}

public sealed record PipelineResult(ImmutableArray<Story> Stories, ImmutableArray<InputDiagnostic> Diagnostics)
{
    public bool AnySkipped => Diagnostics.Any(d => d.Severity == Severity.Error);
}
