using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// Stage entry point: fills <see cref="Document.Entities"/> with people, organisations, places, countries and
/// demonyms, plus title-only references ("the national security adviser"). A statistical tagger (the built-in
/// perceptron by default, or an ONNX model) proposes spans; <see cref="MentionBuilder"/> links them to the
/// country gazetteer, attaches roles and adds the gazetteer matches the tagger missed.
/// </summary>
public sealed class EntityRecognizer : IDocumentAnnotator
{
    private readonly INerTagger? _tagger;
    private readonly CountryGazetteer _gazetteer;

    public string Name => "entities";

    /// <summary>The default recogniser (shipped perceptron model and gazetteer).</summary>
    public EntityRecognizer() : this(PerceptronNerTagger.Default) { }

    /// <summary>A recogniser over another tagger (an <see cref="OnnxNerTagger"/>, say); null uses the gazetteer alone.</summary>
    public EntityRecognizer(INerTagger? tagger, CountryGazetteer? gazetteer = null)
    {
        _tagger = tagger;
        _gazetteer = gazetteer ?? CountryGazetteer.Default;
    }

    public Document Annotate(Document document)
    {
        var text = document.Text;
        var sentenceSpans = SentenceSpans(document);
        var tokens = new List<List<TextSpan>>(sentenceSpans.Count);
        var words = new List<string[]>(sentenceSpans.Count);
        foreach (var s in sentenceSpans)
        {
            var all = NerTokenizer.Tokenize(text, s.Start, s.End);
            foreach (var toks in NerTokenizer.SplitSentences(text, all))
            {
                tokens.Add(toks);
                words.Add(toks.Select(t => NerFeatures.Normalize(text.AsSpan(t.Start, t.Length))).ToArray());
            }
        }
        var spans = TagHeadlinesLast(words);
        var builder = new MentionBuilder(text, _gazetteer);
        var mentions = new List<EntityMention>();
        for (int k = 0; k < words.Count; k++) mentions.AddRange(builder.Build(words[k], tokens[k], spans[k]));
        mentions.Sort((a, b) => a.Span.CompareTo(b.Span));
        return document with { Entities = mentions.ToImmutableArray() };
    }

    /// <summary>
    /// Tags the body first and title-case headlines last, upper-cased: the training news writes headlines in capitals,
    /// and by then the body has told the document-level features which words are names.
    /// </summary>
    private IReadOnlyList<NerSpan>[] TagHeadlinesLast(List<string[]> words)
    {
        if (_tagger is null) return words.Select(_ => (IReadOnlyList<NerSpan>)[]).ToArray();
        var order = Enumerable.Range(0, words.Count).OrderBy(i => IsTitleCase(words[i]) ? 1 : 0).ThenBy(i => i).ToArray();
        var input = order.Select(i => IsTitleCase(words[i]) ? words[i].Select(w => w.ToUpperInvariant()).ToArray() : words[i]).ToList();
        var tagged = _tagger.Tag(input);
        var result = new IReadOnlyList<NerSpan>[words.Count];
        for (int k = 0; k < order.Length; k++) result[order[k]] = tagged[k];
        return result;
    }

    /// <summary>A headline in title case: at least four words and nearly every word of four letters or more capitalised.</summary>
    internal static bool IsTitleCase(string[] words)
    {
        int longWords = 0, capitalised = 0, letters = 0;
        foreach (var w in words)
        {
            if (w.Length == 0 || !char.IsLetter(w[0])) continue;
            letters++;
            if (w.Length < 4) continue;
            longWords++;
            if (char.IsUpper(w[0])) capitalised++;
        }
        return letters >= 4 && longWords >= 3 && capitalised * 10 >= longWords * 9 && !words.All(NerFeatures.IsAllCaps);
    }

    /// <summary>The document's sentences; without a segmenter, its non-empty lines (cleaned blocks when known).</summary>
    private static List<TextSpan> SentenceSpans(Document document)
    {
        if (!document.Sentences.IsDefaultOrEmpty) return document.Sentences.Select(s => s.Span).ToList();
        var result = new List<TextSpan>();
        var text = document.Text;
        IEnumerable<TextSpan> blocks = document.Clean is { } c && c.Blocks.Length > 0 ? c.Blocks.Select(b => b.Span) : [new TextSpan(0, text.Length)];
        foreach (var b in blocks)
        {
            int start = b.Start;
            for (int i = b.Start; i <= b.End; i++)
                if (i == b.End || text[i] == '\n')
                {
                    if (i > start) result.Add(new TextSpan(start, i));
                    start = i + 1;
                }
        }
        return result;
    }
}
