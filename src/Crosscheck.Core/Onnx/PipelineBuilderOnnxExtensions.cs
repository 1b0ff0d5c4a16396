using Crosscheck.Core.Annotate.Entities;
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

    /// <summary>The model folder to use: the given one, else <see cref="NerModelVariable"/> when set, else null (the perceptron).</summary>
    public static string? ResolveNerModel(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var env = Environment.GetEnvironmentVariable(NerModelVariable);
        return string.IsNullOrWhiteSpace(env) ? null : env;
    }
}
