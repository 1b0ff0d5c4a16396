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
        SplitPossessives(text, mentions);
        mentions.AddRange(Propagate(text, words, tokens, mentions));
        RetypeSurnames(mentions);
        mentions.Sort((a, b) => a.Span.CompareTo(b.Span));
        return document with { Entities = mentions.ToImmutableArray() };
    }

    /// <summary>
    /// "Halvorsen Petrochem's Dunmere" tagged as one name: where the part before the possessive is a name of its own
    /// elsewhere in the document (or the part after it is, and the part before has several words), the span holds two
    /// names, each of which keeps the type the document gives it ("Moody's Investors Service" stays whole unless
    /// "Moody" or "Investors Service" alone is a mention).
    /// </summary>
    public static void SplitPossessives(string text, List<EntityMention> mentions)
    {
        var alone = new Dictionary<string, EntityType>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mentions)
            if (m.Kind == "name" && !m.Text.Contains('\'') && !m.Text.Contains('’')) alone.TryAdd(m.Text, m.Type);
        if (alone.Count == 0) return;
        for (int i = mentions.Count - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Kind != "name") continue;
            int cut = m.Text.IndexOf("'s ", StringComparison.Ordinal);
            if (cut < 0) cut = m.Text.IndexOf("’s ", StringComparison.Ordinal);
            if (cut <= 0) continue;
            var head = m.Text[..cut].TrimEnd();
            int tailAt = cut + 3;
            while (tailAt < m.Text.Length && m.Text[tailAt] == ' ') tailAt++;
            if (tailAt >= m.Text.Length || !char.IsUpper(m.Text[tailAt])) continue;
            var tail = m.Text[tailAt..];
            bool headKnown = alone.TryGetValue(head, out var headType);
            // Or the part after it is a name of its own and the part before is a multi-word name ("Halvorsen Petrochem").
            if (!headKnown && !(alone.ContainsKey(tail) && head.Contains(' '))) continue;
            if (!headKnown) headType = m.Type;
            var headSpan = new TextSpan(m.Span.Start, m.Span.Start + head.Length);
            var tailSpan = new TextSpan(m.Span.Start + tailAt, m.Span.End);
            mentions[i] = m with { Span = headSpan, Text = text[headSpan.Start..headSpan.End], Type = headType, Role = null, RoleSpan = null };
            mentions.Insert(i + 1, m with { Span = tailSpan, Text = text[tailSpan.Start..tailSpan.End], Type = alone.TryGetValue(tail, out var t) ? t : m.Type, Role = null, RoleSpan = null });
        }
    }

    /// <summary>"Varga-Moss" tagged as an organisation after "Ilena Varga-Moss" the person: a name that ends a person's
    /// name of the same document is that person (countries and gazetteer places keep their type).</summary>
    private static void RetypeSurnames(List<EntityMention> mentions)
    {
        var tails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Person || m.Kind != "name") continue;
            var parts = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int k = 1; k < parts.Length; k++) tails.Add(string.Join(' ', parts[k..]));
        }
        if (tails.Count == 0) return;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind == "name" && m.Country is null && m.Type is EntityType.Organization or EntityType.Other && tails.Contains(m.Text))
                mentions[i] = m with { Type = EntityType.Person };
        }
    }

    /// <summary>
    /// One-document consistency: a name recognised somewhere in the document is recognised wherever else it stands
    /// capitalised and untagged ("Halvorsen" in a headline the tagger missed, "PORT SAVELL" in a dateline).
    /// </summary>
    private static List<EntityMention> Propagate(string text, List<string[]> words, List<List<TextSpan>> tokens, List<EntityMention> mentions)
    {
        var known = new Dictionary<string, List<(string[] Tokens, EntityMention Like)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in mentions)
        {
            if (m.Kind != "name" || m.Type is EntityType.Other) continue;
            var toks = NerTokenizer.TokenizeToStrings(m.Text).Select(t => NerFeatures.Normalize(t)).ToArray();
            if (toks.Length == 0 || toks.Length > 6 || toks.Any(t => t.Length == 0 || !char.IsUpper(t[0]) && t is not ("of" or "for" or "the" or "and" or "on"))) continue;
            if (toks.Length == 1 && toks[0].Length < 3) continue;
            if (!known.TryGetValue(toks[0], out var list)) known[toks[0]] = list = [];
            if (!list.Any(e => e.Tokens.SequenceEqual(toks, StringComparer.OrdinalIgnoreCase))) list.Add((toks, m));
        }
        var added = new List<EntityMention>();
        if (known.Count == 0) return added;
        foreach (var list in known.Values) list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        var lowerSeen = new HashSet<string>(words.SelectMany(w => w).Where(w => w.Length > 0 && char.IsLower(w[0])), StringComparer.Ordinal);
        var covered = mentions.Select(m => m.Span).OrderBy(s => s.Start).ToList();
        bool Covered(TextSpan s) { foreach (var c in covered) { if (c.Start >= s.End) break; if (c.Overlaps(s)) return true; } return false; }
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k];
            for (int i = 0; i < w.Length; i++)
            {
                if (w[i].Length == 0 || !char.IsUpper(w[i][0]) || !known.TryGetValue(w[i], out var list)) continue;
                foreach (var (toks, like) in list)
                {
                    int n = toks.Length;
                    if (i + n > w.Length) continue;
                    bool ok = true;
                    for (int j = 0; j < n && ok; j++) ok = string.Equals(w[i + j], toks[j], StringComparison.OrdinalIgnoreCase) && (char.IsUpper(w[i + j][0]) || !char.IsUpper(toks[j][0]));
                    if (!ok) continue;
                    if (n == 1 && i == 0 && lowerSeen.Contains(w[i].ToLowerInvariant())) break;
                    if (i + n < w.Length && w[i + n].Length > 0 && char.IsUpper(w[i + n][0]) && !NerFeatures.IsAllCaps(w[i + n])) break; // part of a longer name
                    var span = new TextSpan(tokens[k][i].Start, tokens[k][i + n - 1].End);
                    if (Covered(span)) break;
                    added.Add(like with { Span = span, Text = text[span.Start..span.End], Role = null, RoleSpan = null });
                    covered.Add(span); covered.Sort((a, b) => a.Start.CompareTo(b.Start));
                    i += n - 1;
                    break;
                }
            }
        }
        return added;
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
