using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>
/// Decides whether a bare weekday, month or day number points back or ahead, from the words of its clause:
/// the nearest tense cue before it ("said Thursday", "will meet on Thursday"), else the first few words after it.
/// News reports the past, so the default is back.
/// </summary>
public static class TenseCues
{
    private const int WordsBefore = 10, WordsAfter = 5;

    public static int Direction(string text, TextSpan clause, TextSpan mention)
    {
        // backwards from the mention to the clause start
        int i = mention.Start, seen = 0;
        while (i > clause.Start && seen < WordsBefore)
        {
            int end = i;
            while (end > clause.Start && !char.IsLetter(text[end - 1]) && text[end - 1] != '\'') { if (text[end - 1] is ';' or '.' or '!' or '?' or '“' or '”' or '"') return Forward(text, clause, mention); end--; }
            int start = end;
            while (start > clause.Start && (char.IsLetter(text[start - 1]) || text[start - 1] == '\'')) start--;
            if (start == end) break;
            var cue = Classify(text.AsSpan(start, end - start));
            if (cue != 0) return cue;
            seen++; i = start;
        }
        return Forward(text, clause, mention);
    }

    private static int Forward(string text, TextSpan clause, TextSpan mention)
    {
        int i = mention.End, seen = 0;
        while (i < clause.End && seen < WordsAfter)
        {
            while (i < clause.End && !char.IsLetter(text[i])) { if (text[i] is ';' or '.' or '!' or '?') return -1; i++; }
            int start = i;
            while (i < clause.End && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            if (start == i) break;
            var cue = Classify(text.AsSpan(start, i - start));
            if (cue != 0) return cue;
            seen++;
        }
        return -1;
    }

    private static int Classify(ReadOnlySpan<char> word)
    {
        var w = word.ToString();
        if (w.EndsWith("'ll", StringComparison.Ordinal)) return 1;
        if (TimeLexicon.FutureCues.Contains(w)) return 1;
        if (TimeLexicon.PastCues.Contains(w)) return -1;
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("eed", StringComparison.OrdinalIgnoreCase)) return -1;
        return 0;
    }
}
