using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>The keys of a dated clause, and those of them that name what happened.</summary>
/// <param name="Head">The event word nearest the time expression: what the date is the date of ("rose to 23 on Thursday").</param>
/// <param name="Numbers">The figures of the clause: one event reported with other figures is an update ("rose to 19", "rose to 23").</param>
public sealed record EventSignature(HashSet<string> Keys, HashSet<string> Events, string? Head, HashSet<string> Numbers);

/// <summary>
/// The words that say what happened around a time expression: the clause holding it, without the time words,
/// trimmed to a few words around it; and its content words (crudely stemmed) for matching events across sources.
/// </summary>
public static class EventWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "that", "this", "these", "those",
        "it", "its", "his", "her", "their", "they", "he", "she", "we", "was", "were", "is", "are", "be", "been", "has", "have", "had",
        "will", "would", "could", "as", "after", "before", "during", "which", "who", "what", "when", "while", "also", "than", "into",
        "said", "says", "told", "over", "about", "such", "not", "there", "can", "may", "more", "most", "some", "any", "all", "one",
        "between", "among", "against", "across", "through", "both", "other", "another", "each", "either", "neither", "them", "him",
        "our", "your", "you", "i", "me", "us", "who", "whom", "whose", "where", "why", "how", "then", "now", "just", "only", "very",
        "again", "still", "yet", "already", "since", "until", "without", "within", "under", "above", "below", "off", "out", "up", "down",
    };

    private static readonly string[] LeadingPrepositions = ["on", "in", "at", "during", "since", "by", "until", "from", "for", "of"];

    /// <summary>A short description built from the sentence's own words, and the content words of it.</summary>
    public static (string What, HashSet<string> Words) Describe(string text, TextSpan sentence, TextSpan time, int maxWords)
    {
        var words = ClauseWords(text, sentence, time, maxWords);
        // for the label, a time phrase inside the clause stays ("the wettest February in four decades", "The dam,
        // completed in 1971, is 47 metres high"): cut out, it leaves the words around it without sense
        var shown = ClauseWords(text, sentence, time, maxWords, keepInnerTime: true);
        var what = string.Join(" ", shown.Select(x => x.Word));
        var content = new HashSet<string>(words.Select(x => Stem(x.Word)).Where(w => w.Length >= 3 && !Stop.Contains(w)), StringComparer.Ordinal);
        return (what, content);
    }

    /// <summary>
    /// What identifies the event a dated clause tells: its content words with names left out (a capitalised word
    /// inside the sentence) and paraphrases mapped to one key ("broke down" = "collapsed", "negotiations" = "talks"),
    /// and among them the event words proper: verbs of action (past forms, or a known event word), not reporting verbs.
    /// </summary>
    public static EventSignature Signature(string text, TextSpan sentence, TextSpan time, int maxWords = 14)
    {
        var words = ClauseWords(text, sentence, time, maxWords);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var events = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        string? head = null; int headDistance = int.MaxValue;
        void Event(string key, int at)
        {
            events.Add(key);
            int distance = at < time.Start ? time.Start - at : at - time.End;
            if (distance < headDistance) { headDistance = distance; head = key; }
        }
        for (int i = 0; i < words.Count; i++)
        {
            var (w, start, _) = words[i];
            string lower = w.ToLowerInvariant();
            if (char.IsDigit(w[0])) { numbers.Add(w.TrimEnd('.', ',')); continue; }
            if (i + 1 < words.Count && EventLexicon.Canonical(lower + " " + words[i + 1].Word.ToLowerInvariant()) is { } phrase)
            {
                keys.Add(phrase); Event(phrase, start); i++;
                continue;
            }
            if (char.IsUpper(w[0]) && !IsSentenceStart(text, sentence, start)) continue; // a name: shared by every report of the story
            if (char.IsDigit(w[0]) || Stop.Contains(lower) || EventLexicon.Reporting.Contains(lower) || lower.Length < 3) continue;
            if (EventLexicon.Canonical(lower) is { } canon) { keys.Add(canon); if (EventLexicon.IsEvent(canon)) Event(canon, start); continue; }
            var stem = Stem(w);
            if (stem.Length < 3 || Stop.Contains(stem) || EventLexicon.NumberWords.Contains(lower)) continue;
            keys.Add(stem);
            if (EventLexicon.LooksLikeActionVerb(lower)) Event(stem, start);
        }
        return new EventSignature(keys, events, head, numbers);
    }

    /// <summary>
    /// Two clauses tell the same event when the date is the date of the same event word in both (their heads), their
    /// figures do not differ, and most of the smaller one's keys recur in the other.
    /// </summary>
    public static bool SameEvent(EventSignature a, EventSignature b)
    {
        // no event word near either date ("engineers first reported seepage at its foot on Monday"): the same clause
        // in other words, when nearly all the content words of the shorter one are in the other (three at least)
        if (a.Head is null && b.Head is null) return NearlySameClause(a, b);
        if (a.Head is null || a.Head != b.Head) return false;
        if (a.Numbers.Count > 0 && b.Numbers.Count > 0 && !a.Numbers.Overlaps(b.Numbers)) return false;
        int shared = a.Keys.Count(b.Keys.Contains);
        int small = Math.Min(a.Keys.Count, b.Keys.Count);
        return shared >= Math.Max(2, (int)Math.Ceiling(small * 0.5));
    }

    private static bool NearlySameClause(EventSignature a, EventSignature b)
    {
        if (a.Numbers.Count > 0 && b.Numbers.Count > 0 && !a.Numbers.Overlaps(b.Numbers)) return false;
        int shared = a.Keys.Count(b.Keys.Contains);
        return shared >= 3 && shared >= 0.75 * Math.Min(a.Keys.Count, b.Keys.Count);
    }

    private static bool IsSentenceStart(string text, TextSpan sentence, int start)
    {
        int i = start;
        while (i > sentence.Start && !char.IsLetterOrDigit(text[i - 1])) i--;
        return i <= sentence.Start || text[i - 1] is '.' or '!' or '?';
    }

    private static List<(string Word, int Start, bool Before)> ClauseWords(string text, TextSpan sentence, TextSpan time, int maxWords, bool keepInnerTime = false)
    {
        // clause: between the nearest boundaries (; : — quotation marks, commas) around the time expression;
        // when that leaves too few words, the clause reaches over commas (first to the right, then to the left)
        var (start, end) = Clause(text, sentence, time, commas: true);
        if (CountWords(text, start, time.Start) + CountWords(text, time.End, end) < 4
            || ContentWords(text, start, time.Start) + ContentWords(text, time.End, end) < 2)
        {
            var (wideStart, wideEnd) = Clause(text, sentence, time, commas: false);
            int rightEnd = NextComma(text, end, wideEnd);
            if (CountWords(text, time.End, rightEnd) + CountWords(text, start, time.Start) >= 3) end = rightEnd;
            else { start = wideStart; end = wideEnd; }
        }

        var words = new List<(string Word, int Start, bool Before)>();
        bool inner = keepInnerTime && CountWords(text, start, time.Start) > 0 && CountWords(text, time.End, end) > 0
                     && !LeadingPrepositionOnly(text, start, time.Start);
        foreach (var (w, s) in Words(text, new TextSpan(start, end)))
        {
            if (s >= time.Start && s < time.End && !inner) continue;
            words.Add((w, s, s < time.Start));
        }
        if (inner)
        {
            if (words.Count > maxWords)
            {
                int pivot = words.FindIndex(x => x.Start >= time.Start);
                int from = Math.Clamp(pivot - maxWords / 2, 0, words.Count - maxWords);
                words = words.GetRange(from, maxWords);
            }
            return words;
        }
        // drop a preposition that only introduced the time phrase ("on Friday")
        int lastBefore = words.FindLastIndex(x => x.Before);
        if (lastBefore >= 0 && LeadingPrepositions.Contains(words[lastBefore].Word.ToLowerInvariant())) words.RemoveAt(lastBefore);
        if (words.Count > maxWords)
        {
            int pivot = words.FindLastIndex(x => x.Before) + 1;
            int from = Math.Clamp(pivot - maxWords * 2 / 3, 0, words.Count - maxWords);
            words = words.GetRange(from, maxWords);
        }
        return words;
    }

    /// <summary>Before the time phrase the clause holds only a preposition ("on Friday, the ministry said"): the phrase opens it.</summary>
    private static bool LeadingPrepositionOnly(string text, int start, int timeStart)
    {
        var before = Words(text, new TextSpan(start, timeStart)).ToList();
        return before.Count == 1 && LeadingPrepositions.Contains(before[0].Word.ToLowerInvariant());
    }

    private static (int Start, int End) Clause(string text, TextSpan sentence, TextSpan time, bool commas)
    {
        int start = time.Start, end = time.End;
        // a comma between digits ("12,803") is a thousands separator, not a clause boundary
        bool ClauseComma(int i) => text[i] == ',' && !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
        while (start > sentence.Start && !IsBoundary(text[start - 1]) && !(commas && ClauseComma(start - 1))
               && !(start - 2 >= sentence.Start && char.IsWhiteSpace(text[start - 1]) && text[start - 2] is '.' or '!' or '?')) start--;
        while (end < sentence.End && !IsBoundary(text[end]) && !(commas && ClauseComma(end)) && !(text[end] == '.' && (end + 1 >= sentence.End || char.IsWhiteSpace(text[end + 1])))) end++;
        return (start, end);
    }

    private static int NextComma(string text, int from, int limit)
    {
        int i = from < limit && text[from] == ',' ? from + 1 : from;
        while (i < limit && (text[i] != ',' || i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))) i++;
        return i;
    }

    private static int CountWords(string text, int start, int end) => start >= end ? 0 : Words(text, new TextSpan(start, end)).Count();

    /// <summary>Parts of a day or span that say when, not what ("on the morning of June 20").</summary>
    private static readonly HashSet<string> TimeNouns = new(StringComparer.OrdinalIgnoreCase)
    { "morning", "afternoon", "evening", "night", "day", "days", "week", "weeks", "hours", "hour", "time", "start", "end", "early", "late", "however" };

    /// <summary>Words of a stretch that say what happened: not function words, not parts of the day.</summary>
    private static int ContentWords(string text, int start, int end) =>
        start >= end ? 0 : Words(text, new TextSpan(start, end)).Count(w => !Stop.Contains(w.Word) && !TimeNouns.Contains(w.Word));

    public static int Overlap(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains);

    private static bool IsBoundary(char c) => c is ';' or ':' or '—' or '–' or '“' or '”' or '"' or '(' or ')' or '\n';

    private static IEnumerable<(string Word, int Start)> Words(string text, TextSpan span)
    {
        int i = span.Start;
        while (i < span.End)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < span.End && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '-' or '.' && i + 1 < span.End && char.IsLetterOrDigit(text[i + 1]) || text[i] == ',' && i > s && char.IsDigit(text[i - 1]) && i + 1 < span.End && char.IsDigit(text[i + 1]))) i++;
            yield return (text[s..i], s);
        }
    }

    internal static string Stem(string word)
    {
        var w = word.ToLowerInvariant().Replace("’s", "").Replace("'s", "");
        if (w.Length > 5 && w.EndsWith("ing")) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ed")) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss")) return w[..^1];
        return w;
    }
}
