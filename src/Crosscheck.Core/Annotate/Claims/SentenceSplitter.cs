using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Claims;

/// <summary>
/// Splits a span that may hold several sentences at ". ", "! " or "? " followed by a capital or an opening quote,
/// keeping abbreviations ("U.S.", "Mr.") and initials together. On real sentences it returns the span unchanged.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "st", "jr", "sr", "vs", "no", "inc", "corp", "co", "ltd", "rep", "sen", "gov", "pres", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "etc", "approx" };

    public static IEnumerable<TextSpan> Split(string text, TextSpan span)
    {
        int start = span.Start;
        bool inQuote = false;
        for (int i = span.Start; i < span.End - 1; i++)
        {
            char c = text[i];
            if (c == '“') inQuote = true;
            else if (c == '”') inQuote = false;
            if (c is not ('.' or '!' or '?')) continue;
            int j = i + 1;
            while (j < span.End && text[j] is '"' or '”' or '’' or ')') j++;
            if (j >= span.End || !char.IsWhiteSpace(text[j])) continue;
            int k = j;
            while (k < span.End && char.IsWhiteSpace(text[k])) k++;
            if (k >= span.End) continue;
            char n = text[k];
            if (!(char.IsUpper(n) || n is '“' or '"' or '‘' || char.IsDigit(n))) continue;
            if (c == '.' && IsAbbreviation(text, start, i)) continue;
            if (inQuote && j == i + 1 && c != '.') continue; // "?" inside a running quotation
            yield return new TextSpan(start, j);
            start = k;
            inQuote = false;
        }
        if (start < span.End) yield return new TextSpan(start, span.End);
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        int w = dot;
        while (w > sentenceStart && char.IsLetter(text[w - 1])) w--;
        var word = text[w..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // initial or "U.S."
        if (w > sentenceStart && text[w - 1] == '.') return true;   // "U.S." second dot
        return Abbreviations.Contains(word);
    }
}
