using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>The keys of a dated clause, and those of them that name what happened.</summary>
/// <param name="Head">The event word nearest the time expression: what the date is the date of ("rose to 23 on Thursday").</param>
/// <param name="Numbers">The figures of the clause: one event reported with other figures is an update ("rose to 19", "rose to 23").</param>
/// <param name="Names">Capitalised words inside the sentence (lower-cased): not keys, but a shared name of several words ("the Estravian Data Protection Authority") backs a match.</param>
/// <param name="Reported">The date is only the date of a reporting clause ("…, the company said on Friday"): the words are those of what was reported.</param>
public sealed record EventSignature(HashSet<string> Keys, HashSet<string> Events, string? Head, HashSet<string> Numbers)
{
    public HashSet<string> Names { get; init; } = [];
    public bool Reported { get; init; }
}

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
    public static (string What, HashSet<string> Words) Describe(string text, TextSpan sentence, TextSpan time, int maxWords, IReadOnlyList<TextSpan>? others = null)
    {
        var (words, _) = ClauseWords(text, sentence, time, maxWords, others);
        // for the label, a time phrase inside the clause stays ("the wettest February in four decades", "The dam,
        // completed in 1971, is 47 metres high"): cut out, it leaves the words around it without sense
        var (shown, _) = ClauseWords(text, sentence, time, maxWords, others, keepInnerTime: true);
        var what = string.Join(" ", shown.Select(x => x.Word));
        var content = new HashSet<string>(words.Select(x => Stem(x.Word)).Where(w => w.Length >= 3 && !Stop.Contains(w)), StringComparer.Ordinal);
        return (what, content);
    }

    /// <summary>
    /// What identifies the event a dated clause tells: its content words with names left out (a capitalised word
    /// inside the sentence) and paraphrases mapped to one key ("broke down" = "collapsed", "negotiations" = "talks"),
    /// and among them the event words proper: verbs of action (past forms, or a known event word), not reporting verbs.
    /// </summary>
    public static EventSignature Signature(string text, TextSpan sentence, TextSpan time, int maxWords = 14, IReadOnlyList<TextSpan>? others = null)
    {
        var (words, reported) = ClauseWords(text, sentence, time, maxWords, others);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
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
            if (char.IsUpper(w[0]) && !IsSentenceStart(text, sentence, start)) { names.Add(lower); continue; } // a name: shared by every report of the story
            // "told the data protection authority on Thursday": telling an authority is notifying it, not a quote
            if (lower is "told" or "tells" && TellsAnAuthority(words, i)) { keys.Add("notify"); Event("notify", start); continue; }
            if (char.IsDigit(w[0]) || Stop.Contains(lower) || EventLexicon.Reporting.Contains(lower) || lower.Length < 3) continue;
            if (EventLexicon.Canonical(lower) is { } canon) { keys.Add(canon); if (EventLexicon.IsEvent(canon)) Event(canon, start); continue; }
            var stem = Stem(w);
            if (stem.Length < 3 || Stop.Contains(stem) || EventLexicon.NumberWords.Contains(lower)) continue;
            keys.Add(stem);
            if (EventLexicon.LooksLikeActionVerb(lower)) Event(stem, start);
        }
        return new EventSignature(keys, events, head, numbers) { Names = names, Reported = reported };
    }

    /// <summary>Bodies that are told of an event rather than quoted: "told the regulator", "told police".</summary>
    private static readonly HashSet<string> Authorities = new(StringComparer.OrdinalIgnoreCase)
    {
        "authority", "authorities", "regulator", "regulators", "police", "commission", "ministry", "agency", "watchdog",
        "inspectorate", "prosecutor", "prosecutors", "ombudsman", "supervisor",
    };

    /// <summary>"told" whose object, within a few words and before any "that", is an authority.</summary>
    private static bool TellsAnAuthority(List<(string Word, int Start, bool Before)> words, int i)
    {
        for (int k = i + 1; k < words.Count && k <= i + 6; k++)
        {
            var w = words[k].Word.ToLowerInvariant();
            if (w is "that" or "how" or "why" or "what" or "whether" or "of" or "about") return false;
            if (Authorities.Contains(w)) return true;
        }
        return false;
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
        // a name of several words told by both ("informed the Estravian Data Protection Authority", "told the Estravian
        // Data Protection Authority") counts as one shared key: single names (the story's company) are in every report
        int shared = a.Keys.Count(b.Keys.Contains) + (a.Names.Count(b.Names.Contains) >= 2 ? 1 : 0);
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

    private static (List<(string Word, int Start, bool Before)> Words, bool Reported) ClauseWords(
        string text, TextSpan sentence, TextSpan time, int maxWords, IReadOnlyList<TextSpan>? others = null, bool keepInnerTime = false)
    {
        // "**3 May**: Telvarra detects the intrusion": a date opening its sentence (a list item) before a colon dates the rest
        if (LeadDateColon(text, sentence, time) is int colon)
        {
            var (_, itemEnd) = Clause(text, sentence, new TextSpan(colon + 1, colon + 1), commas: false);
            var item = Collect(text, colon + 1, itemEnd, time, inner: false);
            DropLeadingConjunction(item);
            return (item.Count > maxWords ? item.GetRange(0, maxWords) : item, false);
        }

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
        if (others is not null) (start, end) = CutAtConjunction(text, start, end, time, others);

        // "…, the company said on Friday": the date is that of the statement, and what it tells is the clause before
        if (ReportingOnly(text, start, end, time) && start > sentence.Start && text[start - 1] == ',')
        {
            int contentEnd = start - 1;
            var (contentStart, _) = Clause(text, sentence, new TextSpan(contentEnd, contentEnd), commas: false);
            if (ContentWords(text, contentStart, contentEnd) >= 2)
            {
                var reported = Collect(text, contentStart, contentEnd, time, inner: false);
                DropLeadingConjunction(reported);
                return (reported.Count > maxWords ? reported.GetRange(0, maxWords) : reported, true);
            }
        }

        bool inner = keepInnerTime && CountWords(text, start, time.Start) > 0 && CountWords(text, time.End, end) > 0
                     && !LeadingPrepositionOnly(text, start, time.Start);
        var words = Collect(text, start, end, time, inner);
        DropLeadingConjunction(words);
        if (inner)
        {
            if (words.Count > maxWords)
            {
                int pivot = words.FindIndex(x => x.Start >= time.Start);
                int from = Math.Clamp(pivot - maxWords / 2, 0, words.Count - maxWords);
                words = words.GetRange(from, Take(words.Count, from, maxWords));
            }
            return (words, false);
        }
        // drop a preposition that only introduced the time phrase ("on Friday")
        int lastBefore = words.FindLastIndex(x => x.Before);
        if (lastBefore >= 0 && LeadingPrepositions.Contains(words[lastBefore].Word.ToLowerInvariant())) words.RemoveAt(lastBefore);
        if (words.Count > maxWords)
        {
            int pivot = words.FindLastIndex(x => x.Before) + 1;
            int from = Math.Clamp(pivot - maxWords * 2 / 3, 0, words.Count - maxWords);
            words = words.GetRange(from, Take(words.Count, from, maxWords));
        }
        return (words, false);
    }

    /// <summary>A window that would cut off only the last word or two of its clause ("deleted long [ago]") takes them in.</summary>
    private static int Take(int count, int from, int maxWords) => count - (from + maxWords) <= 2 ? count - from : maxWords;

    /// <summary>The words of a stretch, without those of a short aside in brackets ("(EDPA)") and, unless inner, the time phrase.</summary>
    private static List<(string Word, int Start, bool Before)> Collect(string text, int start, int end, TextSpan time, bool inner)
    {
        var words = new List<(string Word, int Start, bool Before)>();
        int depth = 0, at = start;
        foreach (var (w, s) in Words(text, new TextSpan(start, end)))
        {
            for (; at < s; at++) { if (text[at] == '(') depth++; else if (text[at] == ')' && depth > 0) depth--; }
            if (depth > 0) continue;
            if (s >= time.Start && s < time.End && !inner) continue;
            words.Add((w, s, s < time.Start));
        }
        return words;
    }

    private static void DropLeadingConjunction(List<(string Word, int Start, bool Before)> words)
    {
        if (words.Count > 2 && words[0].Word.ToLowerInvariant() is "and" or "but" or "then") words.RemoveAt(0);
    }

    /// <summary>A date that opens its sentence (after list or emphasis marks) and is followed by a colon: the colon's position.</summary>
    private static int? LeadDateColon(string text, TextSpan sentence, TextSpan time)
    {
        for (int i = sentence.Start; i < time.Start; i++) if (char.IsLetterOrDigit(text[i])) return null;
        int k = time.End;
        while (k < sentence.End && text[k] is '*' or '_' or ' ') k++;
        if (k >= sentence.End || text[k] != ':') return null;
        return CountWords(text, k + 1, sentence.End) > 0 ? k : null;
    }

    private static readonly string[] Conjunctions = ["and", "but", "then", "while"];

    /// <summary>
    /// "discovered the intrusion on the 3rd and told the authority on Thursday": two dated events joined by a
    /// conjunction; each date keeps its own side, when both sides say something.
    /// </summary>
    private static (int Start, int End) CutAtConjunction(string text, int start, int end, TextSpan time, IReadOnlyList<TextSpan> others)
    {
        foreach (var o in others)
        {
            if (o.Start < start || o.End > end || o.Start < time.End && o.End > time.Start) continue;
            if (o.End <= time.Start)
            {
                var conj = Words(text, new TextSpan(o.End, time.Start)).LastOrDefault(w => Conjunctions.Contains(w.Word.ToLowerInvariant()));
                if (conj.Word is null || !VerbFollows(text, conj.Start + conj.Word.Length, time.Start)) continue;
                int after = conj.Start + conj.Word.Length;
                if (ContentWords(text, after, time.Start) + ContentWords(text, time.End, end) >= 1
                    && ContentWords(text, start, o.Start) + ContentWords(text, o.End, conj.Start) >= 1) start = after;
            }
            else
            {
                var conj = Words(text, new TextSpan(time.End, o.Start)).FirstOrDefault(w => Conjunctions.Contains(w.Word.ToLowerInvariant()));
                if (conj.Word is null || !VerbFollows(text, conj.Start + conj.Word.Length, o.Start)) continue;
                if (ContentWords(text, start, time.Start) + ContentWords(text, time.End, conj.Start) >= 1
                    && ContentWords(text, conj.Start + conj.Word.Length, o.Start) + ContentWords(text, o.End, end) >= 1) end = conj.Start;
            }
        }
        return (start, end);
    }

    private static readonly HashSet<string> NotVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "it", "he", "she", "they", "we",
        "i", "you", "there", "by", "on", "in", "at", "of", "to", "for", "with", "from", "until", "after", "before",
    };

    /// <summary>After the conjunction comes a second verb of the same subject ("and told the authority"), not a new subject or a phrase.</summary>
    private static bool VerbFollows(string text, int from, int limit)
    {
        var next = Words(text, new TextSpan(from, limit)).FirstOrDefault();
        return next.Word is { } w && char.IsLower(w[0]) && !NotVerbs.Contains(w) && !char.IsDigit(w[0]);
    }

    /// <summary>The clause is no more than who said it and when: "the company said on Friday", "Telvarra said Friday".</summary>
    private static bool ReportingOnly(string text, int start, int end, TextSpan time)
    {
        if (time.Start < start || time.End > end) return false;
        var words = Words(text, new TextSpan(start, end)).Where(w => w.Start < time.Start || w.Start >= time.End).ToList();
        if (words.Count is 0 or > 5 || words.Any(w => w.Start >= time.End)) return false;
        return words.Any(w => EventLexicon.Reporting.Contains(w.Word.ToLowerInvariant()))
               && words.Count(w => !Stop.Contains(w.Word) && !EventLexicon.Reporting.Contains(w.Word.ToLowerInvariant()) && !LeadingPrepositions.Contains(w.Word.ToLowerInvariant())) <= 2;
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
        while (start > sentence.Start)
        {
            // a short aside in brackets ("the Authority (EDPA) on Wednesday") is stepped over, not a boundary
            if (text[start - 1] == ')' && Aside(text, sentence, start - 1, -1) is int open) { start = open; continue; }
            if (IsBoundary(text[start - 1]) || commas && ClauseComma(start - 1)
                || start - 2 >= sentence.Start && char.IsWhiteSpace(text[start - 1]) && text[start - 2] is '.' or '!' or '?') break;
            start--;
        }
        while (end < sentence.End)
        {
            if (text[end] == '(' && Aside(text, sentence, end, 1) is int close) { end = close + 1; continue; }
            if (IsBoundary(text[end]) || commas && ClauseComma(end) || text[end] == '.' && (end + 1 >= sentence.End || char.IsWhiteSpace(text[end + 1]))) break;
            end++;
        }
        return (start, end);
    }

    /// <summary>The matching bracket of a short aside (at most four words, no clause marks inside), or null.</summary>
    private static int? Aside(string text, TextSpan sentence, int at, int step)
    {
        char match = step < 0 ? '(' : ')';
        for (int i = at + step, n = 0; i >= sentence.Start && i < sentence.End && n < 40; i += step, n++)
        {
            if (text[i] == match)
            {
                var (from, to) = step < 0 ? (i + 1, at) : (at + 1, i);
                return CountWords(text, from, to) is > 0 and <= 4 ? i : null;
            }
            if (text[i] is '(' or ')' or ',' or ';' or '.' or ':' or '"' or '“' or '”') return null;
        }
        return null;
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
