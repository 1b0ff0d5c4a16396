using Crosscheck.Core.Model;

namespace Crosscheck.Core.Segment;

/// <summary>
/// Splits one block of text into sentence spans in a single left-to-right pass. A break is considered only at
/// '.', '!', '?' or an ellipsis followed (after closing quotes and brackets) by whitespace; it is taken when the
/// next word starts like a sentence and the word before the period is not an abbreviation or an initial.
/// A leading list bullet is left out of the first sentence; a block is never merged with another.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Appends the sentences of <c>text[start..end)</c> to <paramref name="output"/>.</summary>
    public static void Split(string text, int start, int end, List<TextSpan> output)
    {
        int s = SkipBullet(text, start, end);
        int i = s;
        while (i < end)
        {
            char c = text[i];
            if (!IsTerminator(c)) { i++; continue; }

            int termStart = i;
            while (i < end && (IsTerminator(text[i]))) i++;
            int termEnd = i;
            while (i < end && IsClosing(text[i])) i++;
            int sentenceEnd = i;
            if (i < end && !char.IsWhiteSpace(text[i])) continue; // "U.S.-Japan", "3.5", "?!x": no break here.

            int next = i;
            while (next < end && char.IsWhiteSpace(text[next])) next++;
            if (next >= end) break; // the block ends: the last sentence closes below.

            if (!BreaksHere(text, s, termStart, termEnd, next, end)) continue;
            Add(text, s, sentenceEnd, output);
            s = SkipBullet(text, next, end);
            i = s;
        }
        Add(text, s, end, output);
    }

    private static bool BreaksHere(string text, int sentenceStart, int termStart, int termEnd, int next, int end)
    {
        // What follows must look like the start of a sentence: a capital, a digit, or an opening quote/bracket before one.
        int n = next;
        while (n < end && IsOpening(text[n])) n++;
        if (n >= end) return false;
        char first = text[n];
        if (!(char.IsUpper(first) || char.IsDigit(first) || (n > next && char.IsLetter(first)))) return false;

        bool singlePeriod = termEnd - termStart == 1 && text[termStart] == '.';
        if (!singlePeriod)
        {
            // "?", "!", "?!": always a break before a capital. An ellipsis: only before a capital word.
            bool ellipsis = text[termStart] == '…' || (termEnd - termStart >= 2 && text[termStart] == '.');
            return !ellipsis || char.IsUpper(first);
        }

        // The word before the period: letters and inner periods ("U.S", "Gen", "J", "e.g").
        int w = termStart;
        while (w > sentenceStart && (char.IsLetter(text[w - 1]) || (text[w - 1] == '.' && w - 1 > sentenceStart && char.IsLetter(text[w - 2])))) w--;
        if (w == termStart) return true; // a digit, a closing bracket or a quote before the period.
        if (w > sentenceStart && char.IsLetterOrDigit(text[w - 1])) return true; // "CVN-71b." style: not a plain word.
        var word = text.AsSpan(w, termStart - w);
        var lookup = Abbreviations.Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word)) return false;
        if (Abbreviations.BeforeNumbers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return !char.IsDigit(first);

        bool initial = word.Length == 1 && char.IsUpper(word[0]);
        bool dotted = word.Contains('.');
        bool ambiguous = Abbreviations.Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
        if (initial || dotted || ambiguous)
        {
            if (initial && n + 1 < end && text[n + 1] == '.') return false; // "J. R. Smith"
            int wEnd = n;
            while (wEnd < end && char.IsLetter(text[wEnd])) wEnd++;
            return Abbreviations.SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(n, wEnd - n))
                || (n > next); // an opening quote after "U.S." starts a new sentence
        }
        return true;
    }

    private static void Add(string text, int start, int end, List<TextSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= start) return;
        // A sentence made only of punctuation (a stray bullet or dash) is not a sentence.
        for (int k = start; k < end; k++)
            if (char.IsLetterOrDigit(text[k])) { output.Add(new TextSpan(start, end)); return; }
    }

    /// <summary>Skips whitespace and a list bullet ("•", "-", "*", "–", "·", "▪") followed by a space.</summary>
    internal static int SkipBullet(string text, int start, int end)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        if (i + 1 < end && IsBullet(text[i]) && char.IsWhiteSpace(text[i + 1]))
        {
            i++;
            while (i < end && char.IsWhiteSpace(text[i])) i++;
        }
        return i;
    }

    internal static bool IsBullet(char c) => c is '•' or '-' or '*' or '–' or '—' or '·' or '▪' or '◦' or '‣' or '►' or '+';
    internal static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';
    // '*' and '_' close Markdown emphasis: "**Why is there a recount?** Mayor ..."
    internal static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '›' or '*' or '_';
    internal static bool IsOpening(char c) => c is '"' or '\'' or '“' or '‘' or '«' or '(' or '[' or '‹';
}
