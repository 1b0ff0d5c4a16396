using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;

namespace Crosscheck.Core.Cluster;

/// <summary>
/// The raw (unweighted) features of a document for story clustering: content words, content-word bigrams
/// (shingles), capitalised names and name bigrams, and numbers. Features of the title and lead count double.
/// Read from the kept blocks' tokens; a document that has not been segmented is tokenised here.
/// </summary>
public static class DocumentFeatures
{
    /// <summary>Words of the lead (after the title) whose features count double.</summary>
    public const int LeadWords = 60;

    public static Dictionary<string, double> Extract(Document doc)
    {
        var text = doc.Text;
        var tokens = doc.Tokens.IsDefaultOrEmpty ? Tokenise(doc) : [.. doc.Tokens];
        var titleSpan = doc.TitleSpan;
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        string? previousContent = null, previousName = null;
        int wordsSeen = 0, sentenceIndex = -1;
        foreach (var token in tokens)
        {
            bool inTitle = titleSpan is { } t && t.Contains(token.Span);
            if (!inTitle) wordsSeen++;
            double boost = inTitle || wordsSeen <= LeadWords ? 2.0 : 1.0;
            int s = doc.Sentences.IsDefaultOrEmpty ? -1 : doc.SentenceAt(token.Span.Start);
            bool sentenceStart = s != sentenceIndex;
            sentenceIndex = s;

            if (token.Kind == TokenKind.Number)
            {
                var n = text.AsSpan(token.Span.Start, token.Span.Length);
                if (n.Length >= 2 && !IsYearLike(n)) Add(features, "n:" + n.ToString().Replace(",", ""), boost);
                previousContent = previousName = null;
                continue;
            }
            if (token.Kind != TokenKind.Word) { previousContent = previousName = null; continue; }

            var word = text.Substring(token.Span.Start, token.Span.Length);
            if (word.StartsWith('\'') || word.StartsWith('’')) continue; // possessive 's
            var lower = word.ToLowerInvariant();
            bool stop = LineFeatures.Stopwords.Contains(lower) || lower.Length < 3;
            bool capitalised = char.IsUpper(word[0]) && !stop;

            if (capitalised && (!sentenceStart || inTitle || Acronym(word)))
            {
                Add(features, "e:" + lower, boost * 1.5);
                if (previousName is not null) Add(features, "e:" + previousName + " " + lower, boost * 1.5);
                previousName = lower;
            }
            else previousName = null;

            if (stop) { previousContent = null; continue; }
            var stem = Stem(lower);
            Add(features, "w:" + stem, boost);
            if (previousContent is not null) Add(features, "b:" + previousContent + " " + stem, boost);
            previousContent = stem;
        }
        return features;
    }

    private static void Add(Dictionary<string, double> f, string key, double weight) =>
        f[key] = f.TryGetValue(key, out var w) ? w + weight : weight;

    private static bool Acronym(string word) => word.Length >= 2 && word.All(c => char.IsUpper(c) || c == '.');

    private static bool IsYearLike(ReadOnlySpan<char> n) => n.Length == 4 && (n.StartsWith("19") || n.StartsWith("20"));

    /// <summary>A light suffix stripper so "sanctions"/"sanctioned"/"sanction" meet.</summary>
    internal static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ies")) return w[..^3] + "y";
        if (w.Length > 5 && w.EndsWith("ing")) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ed")) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us")) return w[..^1];
        return w;
    }

    private static List<Token> Tokenise(Document doc)
    {
        var tokens = new List<Token>();
        var blocks = doc.Clean?.Blocks.Select(b => b.Span).ToList() ?? [new TextSpan(0, doc.Text.Length)];
        foreach (var b in blocks) Tokenizer.Tokenize(doc.Text, b.Start, b.End, tokens);
        return tokens;
    }
}
