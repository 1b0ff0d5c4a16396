using System.CommandLine;
using Crosscheck.Core.Onnx;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands;

/// <summary><c>--ner-model DIR</c>: an ONNX token-classification model instead of the built-in perceptron (docs/ONNX.md).</summary>
public static class NerModelOption
{
    public static Option<string?> Create() => new("--ner-model")
    {
        Description = "Folder of an ONNX token-classification model (model.onnx, vocab.txt, config.json) to recognise entities " +
                      $"instead of the built-in perceptron; default: ${PipelineBuilderOnnxExtensions.NerModelVariable} when set. See docs/ONNX.md.",
    };

    /// <summary>Swaps in the ONNX recogniser when a model is given (or named by the environment); a bad folder is a one-line error.</summary>
    public static PipelineBuilder Apply(PipelineBuilder builder, string? given)
    {
        if (PipelineBuilderOnnxExtensions.ResolveNerModel(given) is not { } path) return builder;
        try { return builder.UseOnnxNer(path); }
        catch (OnnxModelException e) { throw new CliException(e.Message); }
    }
}

/// <summary><c>--embed-model DIR</c>: an ONNX sentence-embedding model as an extra signal for matching quotes across outlets (docs/ONNX.md).</summary>
public static class EmbedModelOption
{
    public static Option<string?> Create() => new("--embed-model")
    {
        Description = "Folder of an ONNX sentence-embedding model (model.onnx, vocab.txt) whose cosine similarity also groups quotes " +
                      $"that render the same statement (translations); default: ${PipelineBuilderOnnxExtensions.EmbedModelVariable} when set. See docs/ONNX.md.",
    };

    /// <summary>Gives the quote matcher the embedding similarity when a model is given (or named by the environment); a bad folder is a one-line error.</summary>
    public static PipelineBuilder Apply(PipelineBuilder builder, string? given)
    {
        if (PipelineBuilderOnnxExtensions.ResolveEmbedModel(given) is not { } path) return builder;
        try { return builder.UseStatementEmbedder(path); }
        catch (OnnxModelException e) { throw new CliException(e.Message); }
    }
}
