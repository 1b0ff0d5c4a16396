using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Quotes;

internal enum SpeakerKind { None, Name, Pronoun, Description, DefiniteDescription }

/// <summary>How a text refers to a speaker: the words (span) and what kind of reference they are.</summary>
internal sealed record SpeakerPhrase(SpeakerKind Kind, TextSpan Span, string Text)
{
    public static readonly SpeakerPhrase None = new(SpeakerKind.None, default, "");
}

/// <summary>A reporting cue of a sentence: the verb (or "according to") and the phrase naming its speaker.</summary>
internal sealed record CueMatch(TextSpan Span, string Text, int WordIndex, bool Participle, bool SpeakerAfter)
{
    public SpeakerPhrase Speaker { get; set; } = SpeakerPhrase.None;
}

/// <summary>Finds and classifies the phrase that names a cue's speaker ("national security adviser Chang Ho-jin", "he", "a presidential official").</summary>
internal static class SpeakerPhrases
{
    private static readonly char[] PartSeparators = [',', ';', ':', '—', '–', '(', ')'];

    /// <summary>The subject of a reporting verb: the noun phrase before it, after the last quotation and any appositive.</summary>
    public static SpeakerPhrase Before(Document doc, List<Word> words, int cueWord, int left, int sentenceStart, bool participle)
    {
        string text = doc.Text;
        if (participle)
        {
            // ", saying ...": the speaker is the subject of the main clause, at the start of the sentence
            var first = new List<Word>();
            for (int i = 0; i < cueWord; i++)
            {
                var w = words[i];
                if (w.Span.Start < left) continue;
                if (first.Count > 0 && text.AsSpan(first[^1].Span.End, w.Span.Start - first[^1].Span.End).IndexOfAny(PartSeparators) >= 0) break;
                if (QuoteLexicon.Fillers.Contains(w.Text) || QuoteLexicon.FiniteCues.Contains(w.Text) || (!w.Capitalized && w.Text.EndsWith("ed"))) break;
                first.Add(w);
            }
            return Classify(doc, TrimNp(first));
        }
        // the words from the left boundary to the cue, cut into comma-separated parts
        var segWords = words.Take(cueWord).Where(w => w.Span.Start >= left).ToList();
        if (segWords.Count == 0) return SpeakerPhrase.None;
        var parts = new List<List<Word>> { new() };
        int prevEnd = left;
        foreach (var w in segWords)
        {
            if (text.AsSpan(prevEnd, w.Span.Start - prevEnd).IndexOfAny(PartSeparators) >= 0 && parts[^1].Count > 0) parts.Add([]);
            parts[^1].Add(w);
            prevEnd = w.Span.End;
        }
        int cueStart = words[cueWord].Span.Start;
        bool trailingSeparator = text.AsSpan(prevEnd, cueStart - prevEnd).IndexOfAny(PartSeparators) >= 0;
        // "X's chief executive, Henrik Lund, has said …": a last part of auxiliaries only ("has", "had also") stands
        // for the verb; the parts before it are the subject as if the comma stood right before the verb
        if (!trailingSeparator && parts.Count >= 2 && parts[^1].All(IsFiller))
        {
            parts.RemoveAt(parts.Count - 1);
            trailingSeparator = true;
        }
        // "Marit Osswald, 71, who left her house on Tuesday, said": a relative clause right before the verb belongs to
        // the part before it, which is then the subject; an age is never the speaker ("Tomas Ekberg, 58, a ferryman,")
        if (trailingSeparator)
        {
            int kept = parts.Count;
            while (kept > 1 && IsAside(parts[kept - 1])) kept--;
            if (kept < parts.Count) trailingSeparator = false;
            parts = [parts[0], .. parts.Take(kept).Skip(1).Where(p => !IsAge(p))];
        }
        // "Job cuts will be announced in areas that do not support …, said X": one clause set off by a comma before the
        // verb is what is said, not its subject
        if (trailingSeparator && parts.Count == 1) return SpeakerPhrase.None;
        var part = parts[^1];
        if (trailingSeparator && parts.Count >= 2)
        {
            // "Ahn Chan-il, a researcher ...," or "the lawyer, Dario Lenz,": the appositive pair; the name wins
            part = parts[^2];
            if (Classify(doc, parts[^1]).Kind == SpeakerKind.Name && Classify(doc, parts[^2]).Kind is SpeakerKind.Description or SpeakerKind.DefiniteDescription)
                part = parts[^1];
        }
        // strip auxiliaries and adverbs next to the verb, then stop at the start of the clause
        int end = part.Count;
        while (end > 0 && IsFiller(part[end - 1])) end--;
        int start = end;
        while (start > 0 && !QuoteLexicon.ClauseBreaks.Contains(part[start - 1].Text) && !IsVerbLike(part[start - 1])) start--;
        var np = part.GetRange(start, end - start);
        if (np.Count > 1 && QuoteLexicon.Pronouns.Contains(np[^1].Text)) np = [np[^1]];
        if (np.Count > 12) return SpeakerPhrase.None;
        return Classify(doc, np);
    }

    /// <summary>
    /// The subject of a sentence: a pronoun that opens it, or a recognised person or organisation that opens it (after
    /// "The" or title words) followed by a lower-case word (its verb); else none.
    /// </summary>
    public static SpeakerPhrase SentenceSubject(Document doc, List<Word> words)
    {
        if (words.Count < 2) return SpeakerPhrase.None;
        if (words[0].Lower is "he" or "she" or "they" or "we") return Classify(doc, [words[0]]);
        int i = 0;
        while (i < words.Count - 1 && words[i].Capitalized && (words[i].Lower == "the" || QuoteLexicon.TitleWords.Contains(words[i].Text))) i++;
        var m = doc.Entities.FirstOrDefault(m => m.Type is EntityType.Person or EntityType.Organization && m.Kind == "name" && m.Span.Start == words[i].Span.Start);
        if (m is null) return SpeakerPhrase.None;
        int verb = words.FindIndex(w => w.Span.Start >= m.Span.End);
        if (verb < 0 || words[verb].Capitalized || !doc.Text.AsSpan(m.Span.End, words[verb].Span.Start - m.Span.End).IsWhiteSpace()) return SpeakerPhrase.None;
        return Classify(doc, words.GetRange(0, verb));
    }

    /// <summary>The speaker after an inverted cue ("…,” said Chang") or after "according to".</summary>
    public static SpeakerPhrase After(Document doc, List<Word> words, int firstWord, int sentenceEnd)
    {
        string text = doc.Text;
        var np = new List<Word>();
        for (int i = firstWord; i < words.Count && words[i].Span.Start < sentenceEnd; i++)
        {
            var w = words[i];
            if (np.Count > 0 && text.AsSpan(np[^1].Span.End, w.Span.Start - np[^1].Span.End).IndexOfAny(PartSeparators) >= 0) break;
            // (the dot of an abbreviated honorific does not end the phrase: "said Dr. Okafor")
            bool abbreviation = np.Count > 0 && QuoteLexicon.Honorifics.Contains(np[^1].Text) && text.AsSpan(np[^1].Span.End, w.Span.Start - np[^1].Span.End).Trim().SequenceEqual(".");
            if (!abbreviation && text.AsSpan(np.Count > 0 ? np[^1].Span.End : w.Span.Start, w.Span.Start - (np.Count > 0 ? np[^1].Span.End : w.Span.Start)).IndexOfAny(['.', '“', '"', '”']) >= 0) break;
            if (QuoteLexicon.ClauseBreaks.Contains(w.Text) || (np.Count > 0 && IsTimeOrPlace(w))) break;
            np.Add(w);
            if (np.Count > 10) return SpeakerPhrase.None;
        }
        var phrase = Classify(doc, np);
        // "according to the operator, Tarnwater Energy.": a short description followed by the name it stands for names
        // the speaker (not "the passenger list released by the operator, Orvanne Lines": the name is the operator's)
        if (phrase.Kind is SpeakerKind.Description or SpeakerKind.DefiniteDescription && np.Count <= 3 && AppositiveName(doc, phrase.Span.End, sentenceEnd) is { } name)
            return name;
        return phrase;
    }

    /// <summary>
    /// A recognised person or organisation set off by a comma right after <paramref name="end"/> and closing the
    /// apposition (the sentence ends, or a comma or bracket follows).
    /// </summary>
    private static SpeakerPhrase? AppositiveName(Document doc, int end, int sentenceEnd)
    {
        var text = doc.Text;
        int i = end;
        if (i >= sentenceEnd || text[i] != ',') return null;
        i++;
        while (i < sentenceEnd && text[i] == ' ') i++;
        var m = doc.Entities.FirstOrDefault(m => m.Span.Start == i && m.Type is EntityType.Person or EntityType.Organization && m.Kind == "name" && m.Span.End <= sentenceEnd);
        if (m is null) return null;
        int k = m.Span.End;
        while (k < sentenceEnd && text[k] == ' ') k++;
        bool closes = k >= sentenceEnd || text[k] is ',' or '.' or ';' or ')' or '!' or '?' || (k + 1 >= sentenceEnd && text[k] is '"' or '\u201D');
        return closes ? new SpeakerPhrase(SpeakerKind.Name, m.Span, doc.Slice(m.Span)) : null;
    }

    /// <summary>An appositive aside: a number alone (an age) or a relative clause ("who heads the service").</summary>
    private static bool IsAside(List<Word> part) => IsAge(part) || part[0].Lower is "who" or "whose" or "whom" or "which";

    private static bool IsAge(List<Word> part) => part.Count == 0 || (part.Count == 1 && part[0].Text.All(char.IsDigit));

    private static bool IsTimeOrPlace(Word w) => w.Lower is "on" or "in" or "at" or "during" or "last" or "this" or "yesterday" or "today" or "earlier";

    private static bool IsFiller(Word w) =>
        QuoteLexicon.Fillers.Contains(w.Text) || (!w.Capitalized && w.Text.Length > 4 && w.Text.EndsWith("ly") && !QuoteLexicon.SpeakerNouns.Contains(w.Text));

    private static bool IsVerbLike(Word w) =>
        !w.Capitalized && (QuoteLexicon.FiniteCues.Contains(w.Text) || w.Lower is "come" or "comes" or "came" or "is" or "was" or "were" or "are" or "been");

    private static List<Word> TrimNp(List<Word> np)
    {
        int s = 0;
        while (s < np.Count && QuoteLexicon.ClauseBreaks.Contains(np[s].Text)) s++;
        return np.Skip(s).ToList();
    }

    /// <summary>Decides whether a noun phrase is a name, a pronoun, or a description of the speaker.</summary>
    public static SpeakerPhrase Classify(Document doc, List<Word> np)
    {
        if (np.Count == 0) return SpeakerPhrase.None;
        var span = new TextSpan(np[0].Span.Start, np[^1].Span.End);
        if (np.Count == 1 && QuoteLexicon.Pronouns.Contains(np[0].Text))
            return new SpeakerPhrase(SpeakerKind.Pronoun, span, np[0].Text);
        // a possessive name followed by a noun ("Mayor Lind's own campaign") is a modifier: the noun phrase is the speaker
        int possessive = np.FindIndex(w => w.Possessive);
        if (possessive >= 0 && possessive < np.Count - 1 && !np[^1].Capitalized)
            return Describe(doc, np, span);
        // a recognised person inside the phrase wins
        var person = doc.Entities.LastOrDefault(m => m.Type == EntityType.Person && m.Kind == "name" && span.Contains(m.Span));
        if (person is not null)
        {
            // an honorific is no part of the name ("Dr Lind" → "Lind")
            var pw = QuoteText.Words(doc.Text, person.Span);
            int first = 0;
            while (first < pw.Count - 1 && QuoteLexicon.Honorifics.Contains(pw[first].Text)) first++;
            var name = first == 0 ? person.Span : new TextSpan(pw[first].Span.Start, person.Span.End);
            return new SpeakerPhrase(SpeakerKind.Name, name, doc.Slice(name));
        }
        int head = 0;
        while (head < np.Count - 1 && (QuoteLexicon.Determiners.Contains(np[head].Text) || np[head].Lower is "some" or "several" or "one" or "two" or "many" or "other")) head++;
        if (QuoteLexicon.SpeakerNouns.Contains(np[head].Text) && (head == np.Count - 1 || !np[head + 1].Capitalized))
            return Describe(doc, np, span);
        // a recognised organisation that ends the phrase is named in full ("the National Civil Protection Service",
        // whose first word is also a title word)
        // (a mention that starts with a title word needs an organisation word: "Prof Ansgar Halvorsen" typed an
        // organisation is still a titled person)
        var org = doc.Entities.LastOrDefault(m => m.Type == EntityType.Organization && m.Kind == "name" && span.Contains(m.Span) && m.Span.End == span.End
            && QuoteText.Words(doc.Text, m.Span) is { Count: > 0 } ws && (!QuoteLexicon.TitleWords.Contains(ws[0].Text) || ws.Any(w => QuoteLexicon.NonPersonWords.Contains(w.Text))));
        if (org is not null) return new SpeakerPhrase(SpeakerKind.Name, org.Span, doc.Slice(org.Span));
        // a name at the end of the phrase, after any titles
        int runStart = np.Count;
        while (runStart > 0 && IsNameWord(np[runStart - 1]) && (runStart == np.Count || !np[runStart - 1].Possessive)) runStart--;
        if (runStart < np.Count && np.Count - runStart <= 4)
        {
            var run = new TextSpan(np[runStart].Span.Start, np[^1].Span.End);
            return new SpeakerPhrase(SpeakerKind.Name, run, doc.Slice(run));
        }
        if (np[^1].Capitalized) return SpeakerPhrase.None;
        // "the United Refinery Workers union": an organisation named before its generic head
        if (np.Count >= 3 && OrgHeads.Contains(np[^1].Text) && np[^2].Capitalized && !np[^2].Possessive)
        {
            int s = np.Count - 1;
            while (s > 0 && IsNameWord(np[s - 1])) s--;
            if (np.Count - 1 - s >= 2)
            {
                var run = new TextSpan(np[s].Span.Start, np[^2].Span.End);
                return new SpeakerPhrase(SpeakerKind.Name, run, doc.Slice(run));
            }
        }
        return Describe(doc, np, span);
    }

    private static SpeakerPhrase Describe(Document doc, List<Word> np, TextSpan span) =>
        new(np[0].Lower == "the" ? SpeakerKind.DefiniteDescription : SpeakerKind.Description, span, doc.Slice(span));

    /// <summary>Generic heads of organisation names ("union", "party", "ministry").</summary>
    public static readonly HashSet<string> OrgHeads = new(StringComparer.Ordinal)
    { "union", "party", "ministry", "company", "group", "agency", "council", "committee", "government", "institute", "office", "authority", "army", "coalition", "movement", "campaign", "association", "federation" };

    public static bool IsNameWord(Word w) =>
        w.Capitalized && !QuoteLexicon.NotNameWords.Contains(w.Text) && !QuoteLexicon.TitleWords.Contains(w.Text)
        && !QuoteLexicon.IsDemonym(w.Text) && !QuoteLexicon.SpeakerNouns.Contains(w.Text) && !w.Text.All(char.IsDigit);
}
