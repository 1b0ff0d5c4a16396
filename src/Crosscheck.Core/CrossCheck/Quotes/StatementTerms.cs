using System.Text;

namespace Crosscheck.Core.CrossCheck.Quotes;

/// <summary>
/// The content terms of a statement for matching across translations and truncations: lower-cased content words
/// cut to a five-letter stem ("violation"/"violating" → "viola"), and numbers without separators.
/// </summary>
internal static class StatementTerms
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "what",
        "we", "our", "us", "i", "me", "my", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "will",
        "would", "could", "should", "can", "may", "might", "must", "shall", "do", "does", "did", "not", "no", "so", "than",
        "then", "there", "here", "has", "have", "had", "also", "any", "all", "some", "such", "very", "more", "most", "into",
        "about", "over", "out", "up", "down", "just", "only", "own", "both", "each", "other", "whether", "how", "when", "where",
        "while", "because", "said", "says", "say", "make", "makes", "made", "one", "there", "s", "t", "ve", "ll", "re",
    };

    public static List<string> Of(string text)
    {
        var terms = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString();
            sb.Clear();
            if (char.IsDigit(w[0])) { terms.Add(w.Replace(",", "")); return; }
            w = w.ToLowerInvariant();
            if (Stop.Contains(w) || w.Length < 2) return;
            terms.Add(w.Length > 5 ? w[..5] : w);
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || (c == ',' && sb.Length > 0 && char.IsDigit(sb[0]) && i + 1 < text.Length && char.IsDigit(text[i + 1])))
                sb.Append(c);
            else if ((c == '\'' || c == '\u2019') && i + 1 < text.Length && text[i + 1] is 's' or 't')
            { Flush(); i++; }
            else Flush();
        }
        Flush();
        return terms.Distinct().ToList();
    }

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "not", "no", "never", "cannot", "nobody", "nothing", "neither", "nor" };

    /// <summary>
    /// The first term of <see cref="Of"/> within three words after a negation ("would not pay" → "pay"; "won't",
    /// "didn't" and "cannot" count): "would not pay" and "would pay" state opposite things.
    /// </summary>
    public static HashSet<string> Negated(string text)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var words = System.Text.RegularExpressions.Regex.Matches(text, @"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?").Select(m => m.Value.ToLowerInvariant()).ToList();
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!(Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n\u2019t", StringComparison.Ordinal))) continue;
            // the first content word after the negation ("cannot treat security" → "treat" only)
            for (int k = i + 1; k <= Math.Min(words.Count - 1, i + 3); k++)
                if (Of(words[k]) is { Count: > 0 } t) { result.Add(t[0]); break; }
        }
        return result;
    }
}
