using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// Splits text into tokens the way CoNLL-2003 (Penn-style) does, so that the model sees what it was trained on:
/// hyphenated words and abbreviations ("U.S.", "Inc.") stay whole, possessives ("'s") and punctuation split off.
/// </summary>
public static class NerTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "ltd", "co", "jr", "sr", "st", "gen", "sen", "rep", "gov", "lt", "col",
        "sgt", "capt", "maj", "adm", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "bros", "plc",
    };

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '"' or '\u201C' or '\u2018' or '\'' or '\u00AB' or '<';
    private static bool IsClosing(char c) => c is ')' or ']' or '}' or '"' or '\u201D' or '\u2019' or '\'' or '\u00BB' or '>' or ',' or ';' or ':' or '!' or '?' or '.' or '\u2026';
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
    private static bool IsDash(char c) => c is '\u2014' or '\u2013' or '\u2015';

    /// <summary>Tokens of <paramref name="text"/>[start..end) as spans of the text.</summary>
    public static List<TextSpan> Tokenize(string text, int start, int end)
    {
        var result = new List<TextSpan>();
        int i = start;
        while (i < end)
        {
            while (i < end && (char.IsWhiteSpace(text[i]) || text[i] == '\u00A0')) i++;
            if (i >= end) break;
            int s = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '\u00A0') i++;
            SplitChunk(text, s, i, result);
        }
        return result;
    }

    /// <summary>
    /// Splits a run of tokens into sentences after ".", "!" or "?" (and any closing quotes or brackets) when the next
    /// token starts with a capital, a digit or an opening quote. A safety net for coarse sentence spans (whole lines).
    /// </summary>
    public static List<List<TextSpan>> SplitSentences(string text, List<TextSpan> tokens)
    {
        var result = new List<List<TextSpan>>();
        var current = new List<TextSpan>();
        for (int i = 0; i < tokens.Count; i++)
        {
            current.Add(tokens[i]);
            char c = text[tokens[i].Start];
            if (tokens[i].Length != 1 || c is not ('.' or '!' or '?')) continue;
            while (i + 1 < tokens.Count && tokens[i + 1].Length == 1 && text[tokens[i + 1].Start] is '"' or '\u201D' or '\u2019' or ')' or '\'')
                current.Add(tokens[++i]);
            if (i + 1 < tokens.Count)
            {
                char n = text[tokens[i + 1].Start];
                if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '\u2018' or '(')) continue;
            }
            result.Add(current); current = [];
        }
        if (current.Count > 0) result.Add(current);
        return result;
    }

    /// <summary>Tokens of a phrase as strings (gazetteer entries, tests).</summary>
    public static string[] TokenizeToStrings(string phrase) =>
        Tokenize(phrase, 0, phrase.Length).Select(t => phrase.Substring(t.Start, t.Length)).ToArray();

    private static void SplitChunk(string text, int s, int e, List<TextSpan> result)
    {
        // Leading punctuation.
        while (s < e && (IsOpening(text[s]) || IsDash(text[s]) || text[s] == '.' && e - s > 1 && !char.IsDigit(text[s + 1])))
        {
            if (IsApostrophe(text[s]) && e - s > 2 && IsYearAbbrev(text, s, e)) break;
            result.Add(new TextSpan(s, s + 1)); s++;
        }
        var tail = new List<TextSpan>();
        // Trailing punctuation, keeping an abbreviation's period.
        while (e > s)
        {
            char c = text[e - 1];
            if (c == '.' && e - s > 1)
            {
                if (KeepsPeriod(text, s, e - 1)) break;
                tail.Add(new TextSpan(e - 1, e)); e--; continue;
            }
            if (IsClosing(c) && c != '.') { tail.Add(new TextSpan(e - 1, e)); e--; continue; }
            break;
        }
        // Inner dashes (em/en) split words.
        int p = s;
        for (int k = s; k < e; k++)
        {
            if (IsDash(text[k]) || (text[k] == '/' && k > s && k < e - 1 && char.IsLetter(text[k - 1]) && char.IsLetter(text[k + 1]) && false))
            {
                AddWord(text, p, k, result);
                result.Add(new TextSpan(k, k + 1));
                p = k + 1;
            }
        }
        AddWord(text, p, e, result);
        for (int k = tail.Count - 1; k >= 0; k--) result.Add(tail[k]);
    }

    private static bool IsYearAbbrev(string text, int s, int e) => e - s >= 3 && char.IsDigit(text[s + 1]) && char.IsDigit(text[s + 2]);

    private static bool KeepsPeriod(string text, int s, int dot)
    {
        int len = dot - s;
        if (len == 1 && char.IsLetter(text[s])) return true; // initial "J."
        if (text.AsSpan(s, len).Contains('.')) return true; // "U.S." "a.m."
        return Abbreviations.Contains(text.Substring(s, len));
    }

    private static void AddWord(string text, int s, int e, List<TextSpan> result)
    {
        if (e <= s) return;
        // Possessive / clitic split: "Russia's" -> "Russia" "'s"; "don't" -> "do" "n't".
        if (e - s > 2 && IsApostrophe(text[e - 2]) && (text[e - 1] is 's' or 'S' or 'd' or 'm'))
        {
            result.Add(new TextSpan(s, e - 2)); result.Add(new TextSpan(e - 2, e)); return;
        }
        if (e - s > 1 && IsApostrophe(text[e - 1]) && (text[e - 2] is 's' or 'S'))
        {
            result.Add(new TextSpan(s, e - 1)); result.Add(new TextSpan(e - 1, e)); return;
        }
        if (e - s > 3 && IsApostrophe(text[e - 2]) && text[e - 1] == 't' && text[e - 3] == 'n')
        {
            result.Add(new TextSpan(s, e - 3)); result.Add(new TextSpan(e - 3, e)); return;
        }
        if (e - s > 3 && IsApostrophe(text[e - 3]) && (text.AsSpan(e - 2, 2).Equals("ll", StringComparison.OrdinalIgnoreCase) || text.AsSpan(e - 2, 2).Equals("re", StringComparison.OrdinalIgnoreCase) || text.AsSpan(e - 2, 2).Equals("ve", StringComparison.OrdinalIgnoreCase)))
        {
            result.Add(new TextSpan(s, e - 3)); result.Add(new TextSpan(e - 3, e)); return;
        }
        result.Add(new TextSpan(s, e));
    }
}
