using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Annotate.Quotes;
using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Clean;
using Crosscheck.Core.Cluster;
using Crosscheck.Core.CrossCheck.Claims;
using Crosscheck.Core.CrossCheck.Entities;
using Crosscheck.Core.CrossCheck.Quotes;
using Crosscheck.Core.CrossCheck.Time;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Segment;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// Composes the pipeline, in the manner of Markdig's MarkdownPipelineBuilder: <see cref="UseDefaults"/> adds the
/// standard passes in order; <see cref="Use(IDocumentAnnotator)"/>, <see cref="Replace{T}"/> and friends change it.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentAnnotator> _documentPasses = [];
    private readonly List<IStoryPass> _storyPasses = [];
    private IStoryClusterer _clusterer = new StoryClusterer();

    public IngestOptions Ingest { get; set; } = new();

    /// <summary>How many documents are annotated at once (default: one per core).</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The standard passes, in pipeline order.</summary>
    public PipelineBuilder UseDefaults()
    {
        Use(new BoilerplateCleaner());
        Use(new OutletInference());
        Use(new Segmenter());
        Use(new EntityRecognizer());
        Use(new TimeAnnotator());
        Use(new QuoteExtractor());
        Use(new ClaimExtractor());
        UseClusterer(new StoryClusterer());
        UseStoryPass(new PublicationDateReconciler());
        UseStoryPass(new EntityResolver());
        UseStoryPass(new QuoteMatcher());
        UseStoryPass(new ClaimCrossChecker());
        UseStoryPass(new TimelineBuilder());
        UseStoryPass(new DisputedClaimLinker());
        return this;
    }

    public PipelineBuilder Use(IDocumentAnnotator pass) { _documentPasses.Add(pass); return this; }
    public PipelineBuilder UseStoryPass(IStoryPass pass) { _storyPasses.Add(pass); return this; }
    public PipelineBuilder UseClusterer(IStoryClusterer clusterer) { _clusterer = clusterer; return this; }

    /// <summary>Swaps the document pass of type <typeparamref name="T"/> for another (an ONNX recogniser for the default one, say).</summary>
    public PipelineBuilder Replace<T>(IDocumentAnnotator replacement) where T : IDocumentAnnotator
    {
        int i = _documentPasses.FindIndex(p => p is T);
        if (i < 0) throw new InvalidOperationException($"No pass of type {typeof(T).Name} to replace.");
        _documentPasses[i] = replacement;
        return this;
    }

    public PipelineBuilder ReplaceStoryPass<T>(IStoryPass replacement) where T : IStoryPass
    {
        int i = _storyPasses.FindIndex(p => p is T);
        if (i < 0) throw new InvalidOperationException($"No story pass of type {typeof(T).Name} to replace.");
        _storyPasses[i] = replacement;
        return this;
    }

    public CrosscheckPipeline Build() =>
        new(new ArticleReader(Ingest), [.. _documentPasses], _clusterer, [.. _storyPasses]) { MaxParallelism = MaxParallelism };
}
