using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.CrossCheck.Quotes;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Onnx;

/// <summary>Opt-in switches for the learned ONNX components.</summary>
public static class PipelineBuilderOnnxExtensions
{
    /// <summary>Environment variable naming an ONNX NER model folder, used when no --ner-model is given.</summary>
    public const string NerModelVariable = "CROSSCHECK_NER_MODEL";

    /// <summary>
    /// Replaces the default perceptron tagger of the <see cref="EntityRecognizer"/> pass by the ONNX token classifier in
    /// <paramref name="modelPath"/> (gazetteer linking, roles and title-only references stay as they are).
    /// </summary>
    public static PipelineBuilder UseOnnxNer(this PipelineBuilder builder, string modelPath, OnnxOptions? options = null) =>
        builder.Replace<EntityRecognizer>(new EntityRecognizer(OnnxNerTagger.Load(modelPath, options)));

    /// <summary>Environment variable naming an ONNX sentence-embedding model folder, used when no --embed-model is given.</summary>
    public const string EmbedModelVariable = "CROSSCHECK_EMBED_MODEL";

    /// <summary>
    /// Gives the <see cref="QuoteMatcher"/> an embedding similarity from the ONNX sentence-embedding model in
    /// <paramref name="modelPath"/>: quotes the matcher considers are also joined when their cosine reaches
    /// <paramref name="threshold"/> (translations that share few words). The lexical, speaker and context signals stay.
    /// </summary>
    public static PipelineBuilder UseStatementEmbedder(this PipelineBuilder builder, string modelPath, double threshold = 0.8, OnnxOptions? options = null)
    {
        var similarity = new EmbeddingSimilarity(OnnxStatementEmbedder.Load(modelPath, options));
        return builder.ReplaceStoryPass<QuoteMatcher>(new QuoteMatcher { Similarity = similarity.Similarity, SimilarityThreshold = threshold });
    }

    /// <summary>The embedding model folder to use: the given one, else <see cref="EmbedModelVariable"/> when set, else null (none).</summary>
    public static string? ResolveEmbedModel(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var env = Environment.GetEnvironmentVariable(EmbedModelVariable);
        return string.IsNullOrWhiteSpace(env) ? null : env;
    }

    /// <summary>The model folder to use: the given one, else <see cref="NerModelVariable"/> when set, else null (the perceptron).</summary>
    public static string? ResolveNerModel(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var env = Environment.GetEnvironmentVariable(NerModelVariable);
        return string.IsNullOrWhiteSpace(env) ? null : env;
    }
}
