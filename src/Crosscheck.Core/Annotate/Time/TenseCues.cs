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

    public static int Direction(string text, TextSpan clause, TextSpan mention) => Cue(text, clause, mention) is var c && c > 0 ? 1 : -1;

    /// <summary>Like <see cref="Direction"/>, but 0 when no word of the clause says which way (the caller picks a default).</summary>
    public static int Cue(string text, TextSpan clause, TextSpan mention)
    {
        // "Wednesday's ruling": a day named as the owner of an event tells of one that has happened
        if (mention.End + 1 < text.Length && text[mention.End] is '\'' or '’' && text[mention.End + 1] == 's') return -1;
        if (Deadline(text, clause, mention)) return 1;
        // backwards from the mention to the clause start
        int i = mention.Start, seen = 0;
        while (i > clause.Start && seen < WordsBefore)
        {
            int end = i;
            while (end > clause.Start && !char.IsLetter(text[end - 1]) && text[end - 1] != '\'') { if (text[end - 1] is ';' or '!' or '?' or '“' or '”' or '"' || text[end - 1] == '.' && !AfterAbbreviation(text, clause.Start, end - 1)) return Forward(text, clause, mention); end--; }
            int start = end;
            while (start > clause.Start && (char.IsLetter(text[start - 1]) || text[start - 1] == '\'')) start--;
            if (start == end) break;
            var cue = Classify(text.AsSpan(start, end - start));
            // "to be published", "would be paid": a passive after a modal or "to" lies ahead
            if (cue < 0 && PreviousWord(text, clause.Start, start) == "be" && PreviousWord(text, clause.Start, PreviousWordStart(text, clause.Start, start)) is "to" or "will" or "would" or "shall" or "should" or "may" or "might") return 1;
            if (cue != 0) return cue;
            // "set to resume Monday", "is to resume trading Tuesday", "as early as Tuesday": arrangements ahead
            var word = text.AsSpan(start, end - start);
            var previous = PreviousWord(text, clause.Start, start);
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase) && previous is "set" or "is" or "are" or "due" or "going" or "about") return 1;
            if (word.Equals("as", StringComparison.OrdinalIgnoreCase) && previous is "early" && PreviousWord(text, clause.Start, PreviousWordStart(text, clause.Start, start)) == "as") return 1;
            seen++; i = start;
        }
        return Forward(text, clause, mention);
    }

    /// <summary>Verbs whose infinitive tells what is still to come: "threatened to publish … by Thursday".</summary>
    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal)
    {
        "threatened", "threatens", "threatening", "threaten", "vowed", "vows", "promised", "promises", "pledged", "pledges",
        "ordered", "orders", "told", "asked", "urged", "given", "gave", "agreed", "refused", "demanded", "warned",
    };

    /// <summary>
    /// A deadline points ahead whatever the tense of the clause: "by Thursday" or "before Friday" after an infinitive of a
    /// threat or an order ("threatened to publish the data by Thursday", "told them to leave by Monday") or after "must",
    /// "has to", "needs to"; and "a deadline of Thursday".
    /// </summary>
    private static bool Deadline(string text, TextSpan clause, TextSpan mention)
    {
        var before = PreviousWord(text, clause.Start, mention.Start);
        var beforeStart = PreviousWordStart(text, clause.Start, mention.Start);
        if (before is "of" or "for" && PreviousWord(text, clause.Start, beforeStart) is "deadline" or "deadlines") return true;
        if (before is not ("by" or "before")) return false;
        int at = beforeStart;
        for (int n = 0; n < WordsBefore && at > clause.Start; n++)
        {
            // a sentence or clause end on the way back: the deadline belongs to nothing before it
            int k = at;
            while (k > clause.Start && !char.IsLetter(text[k - 1])) { if (text[k - 1] is ';' or '.' or '!' or '?' or '“' or '”' or '"') return false; k--; }
            var word = PreviousWord(text, clause.Start, at);
            if (word.Length == 0) return false;
            int wordStart = PreviousWordStart(text, clause.Start, at);
            if (word is "must" or "should") return true;
            if (word == "to")
            {
                var verb = PreviousWord(text, clause.Start, wordStart);
                if (verb is "has" or "have" or "had" or "needs" or "need" or "needed" || IntentVerbs.Contains(verb)) return true;
                // "told customers to reply by Friday", "told the firm to hand over …": the verb before its object
                int back = PreviousWordStart(text, clause.Start, wordStart);
                for (int hop = 0; hop < 3 && back > clause.Start; hop++)
                {
                    if (PreviousWord(text, clause.Start, back) is "told" or "asked" or "ordered" or "urged" or "gave") return true;
                    back = PreviousWordStart(text, clause.Start, back);
                }
                return false;
            }
            if (Classify(word) != 0) return false;
            at = wordStart;
        }
        return false;
    }

    private static int Forward(string text, TextSpan clause, TextSpan mention)
    {
        int i = mention.End, seen = 0;
        while (i < clause.End && seen < WordsAfter)
        {
            while (i < clause.End && !char.IsLetter(text[i])) { if (text[i] is ';' or '!' or '?' || text[i] == '.' && !AfterAbbreviation(text, clause.Start, i)) return 0; i++; }
            int start = i;
            while (i < clause.End && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            if (start == i) break;
            var cue = Classify(text.AsSpan(start, i - start));
            if (cue != 0) return cue;
            seen++;
        }
        return 0;
    }

    private static int PreviousWordStart(string text, int clauseStart, int wordStart)
    {
        int end = wordStart;
        while (end > clauseStart && text[end - 1] == ' ') end--;
        while (end > clauseStart && char.IsLetter(text[end - 1])) end--;
        return end;
    }

    private static string PreviousWord(string text, int clauseStart, int wordStart)
    {
        int end = wordStart;
        while (end > clauseStart && text[end - 1] == ' ') end--;
        int s = end;
        while (s > clauseStart && char.IsLetter(text[s - 1])) s--;
        return text[s..end].ToLowerInvariant();
    }

    /// <summary>True when the full stop at <paramref name="dot"/> closes an abbreviation ("Mr.", "P.", "Jan.", "U.S."), not a sentence.</summary>
    private static bool AfterAbbreviation(string text, int clauseStart, int dot)
    {
        int s = dot;
        while (s > clauseStart && (char.IsLetter(text[s - 1]) || text[s - 1] == '.')) s--;
        var word = text.AsSpan(s, dot - s);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        if (word.Contains('.')) return true;
        return TimeLexicon.Abbreviations.Contains(word.ToString());
    }

    private static int Classify(ReadOnlySpan<char> word)
    {
        var w = word.ToString();
        if (w.EndsWith("'ll", StringComparison.Ordinal)) return 1;
        // "postponed until Tuesday" looks ahead; a sentence opening "Until Thursday, they had not ..." looks back
        if (w == "until") return 1;
        if (TimeLexicon.FutureCues.Contains(w)) return 1;
        if (TimeLexicon.PastCues.Contains(w)) return -1;
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("eed", StringComparison.OrdinalIgnoreCase)) return -1;
        return 0;
    }
}
