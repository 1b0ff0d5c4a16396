namespace Crosscheck.Core.Annotate.Entities;

/// <summary>A recognised span over token indexes of one sentence: [Start, End) with a CoNLL type (PER, ORG, LOC, MISC).</summary>
public readonly record struct NerSpan(int Start, int End, string Type);

/// <summary>
/// A sequence labeller behind <see cref="EntityRecognizer"/>: the built-in perceptron or an ONNX token classifier.
/// It receives the sentences of one document (tokens as strings) and returns the spans of each sentence.
/// </summary>
public interface INerTagger
{
    string Name { get; }
    IReadOnlyList<NerSpan>[] Tag(IReadOnlyList<string[]> sentences);
}

/// <summary>The default tagger: the averaged perceptron with document-level features.</summary>
public sealed class PerceptronNerTagger(PerceptronNerModel model) : INerTagger
{
    public string Name => "perceptron";

    /// <summary>The tagger over the shipped model, or null when no model has been trained.</summary>
    public static PerceptronNerTagger? Default { get; } = PerceptronNerModel.Default is { } m ? new PerceptronNerTagger(m) : null;

    public IReadOnlyList<NerSpan>[] Tag(IReadOnlyList<string[]> sentences)
    {
        var tags = model.TagDocument(sentences);
        var result = new IReadOnlyList<NerSpan>[sentences.Count];
        for (int k = 0; k < sentences.Count; k++)
            result[k] = NerTags.Spans(tags[k]).Select(s => new NerSpan(s.Start, s.End, NerTags.Types[s.Type])).ToList();
        return result;
    }
}
