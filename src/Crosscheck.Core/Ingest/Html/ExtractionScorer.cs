namespace Crosscheck.Core.Ingest.Html;

/// <summary>Shingle counts of one page, already divided by tp + fp + fn (the benchmark's per-page normalisation).</summary>
public readonly record struct ShingleMatch(double Tp, double Fp, double Fn, bool ExactTokens);

/// <summary>Aggregate figures of the article-extraction benchmark.</summary>
public sealed record ExtractionScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The metric of the article-extraction benchmark, exactly as its README defines it: tokens are runs of word
/// characters, shingles are runs of 4 tokens (one shorter shingle for a text under 4 tokens), per-page tp/fp/fn
/// from shingle multisets normalised by their sum, precision and recall averaged over pages, F1 of those means,
/// accuracy the share of pages whose token lists are equal.
/// </summary>
public static class ExtractionScorer
{
    public const int ShingleSize = 4;

    /// <summary>The word-character runs of a text (letters, digits, numbers and underscore, as Python's Unicode <c>\w</c>).</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && IsWordChar(text, i);
            if (word && start < 0) start = i;
            else if (!word && start >= 0) { tokens.Add(text[start..i]); start = -1; }
            if (word && char.IsHighSurrogate(text[i])) i++;
        }
        return tokens;
    }

    private static bool IsWordChar(string s, int i)
    {
        var c = s[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        var cat = char.IsHighSurrogate(c) && i + 1 < s.Length
            ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]))
            : char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
    }

    /// <summary>The multiset of 4-token shingles (joined with single spaces).</summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        int n = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (int i = 0; i < n; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>Scores one page.</summary>
    public static ShingleMatch Match(string? truth, string? predicted)
    {
        var t = Tokenize(truth);
        var p = Tokenize(predicted);
        var ts = Shingles(t);
        var ps = Shingles(p);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in ts)
        {
            var pc = ps.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }
        foreach (var (key, pc) in ps)
            fp += Math.Max(0, pc - ts.GetValueOrDefault(key));
        var sum = tp + fp + fn;
        if (sum > 0) { tp /= sum; fp /= sum; fn /= sum; }
        return new ShingleMatch(tp, fp, fn, t.SequenceEqual(p, StringComparer.Ordinal));
    }

    /// <summary>Aggregates pages: mean precision over pages with tp+fp &gt; 0, mean recall over pages with tp+fn &gt; 0.</summary>
    public static ExtractionScore Aggregate(IReadOnlyList<ShingleMatch> pages)
    {
        var precisions = pages.Where(m => m.Tp + m.Fp > 0).Select(m => m.Tp / (m.Tp + m.Fp)).ToList();
        var recalls = pages.Where(m => m.Tp + m.Fn > 0).Select(m => m.Tp / (m.Tp + m.Fn)).ToList();
        double p = precisions.Count > 0 ? precisions.Average() : 0;
        double r = recalls.Count > 0 ? recalls.Average() : 0;
        double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
        double acc = pages.Count > 0 ? pages.Count(m => m.ExactTokens) / (double)pages.Count : 0;
        return new ExtractionScore(p, r, f1, acc, pages.Count);
    }
}
