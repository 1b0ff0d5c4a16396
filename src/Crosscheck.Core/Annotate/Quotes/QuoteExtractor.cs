using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Annotate.Quotes;

/// <summary>
/// Stage entry point: fills <see cref="Document.Quotes"/> with direct quotations (the words inside the marks), partial
/// quotations and indirect speech (the that-clause of a reporting verb, or the clause an "according to" attributes),
/// each with its cue and speaker. An interrupted quotation (<c>"A," he said, "B."</c>) gives two quotes with one speaker.
/// Pronouns, surnames and definite titles are resolved to a name in the document; when none is clear the speaker stays
/// undetermined (or described, for "a presidential official") rather than guessed.
/// </summary>
public sealed class QuoteExtractor : IDocumentAnnotator
{
    public string Name => "quotes";

    private sealed record Sent(TextSpan Span, int Paragraph, List<QuotedRegion> Regions, List<CueMatch> Cues);

    private sealed record Pending(TextSpan Span, bool Direct, CueMatch? Cue, SpeakerPhrase Speaker, int Paragraph);

    public Document Annotate(Document document)
    {
        var text = document.Text;
        var paragraphs = QuoteText.Paragraphs(document);
        var regions = QuoteText.Regions(text, paragraphs);
        bool InsideQuote(int pos) => regions.Any(r => r.Open <= pos && pos <= r.Close);
        var allWords = new List<Word>();
        foreach (var p in paragraphs) allWords.AddRange(QuoteText.Words(text, p));

        var sentences = new List<Sent>();
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var inPara = regions.Where(r => r.Paragraph == p).ToList();
            foreach (var s in QuoteText.Sentences(text, paragraphs[p], inPara))
            {
                var sentRegions = inPara.Where(r => r.Inner.Start >= s.Start && r.Inner.Start < s.End).ToList();
                sentences.Add(new Sent(s, p, sentRegions, []));
            }
        }

        // cues and their speaker phrases, sentence by sentence
        var cueSubjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sent in sentences)
        {
            var words = QuoteText.Words(text, sent.Span);
            FindCues(document, sent, words);
            foreach (var cue in sent.Cues)
            {
                if (cue.SpeakerAfter)
                    cue.Speaker = SpeakerPhrases.After(document, words, cue.WordIndex + (cue.Text.Contains(' ') ? 2 : 1), sent.Span.End);
                else
                {
                    int left = sent.Regions.Where(r => r.Close < cue.Span.Start).Select(r => r.Close + 1).DefaultIfEmpty(sent.Span.Start).Max();
                    cue.Speaker = SpeakerPhrases.Before(document, words, cue.WordIndex, left, sent.Span.Start, cue.Participle);
                    if (cue.Speaker.Kind == SpeakerKind.None && !cue.Participle && IsInverted(text, words, cue, left))
                        cue.Speaker = SpeakerPhrases.After(document, words, cue.WordIndex + 1, sent.Span.End);
                    // "Governor X wants a law …, and says she will …": a verb coordinated with the sentence's first verb
                    // (no reporting verb before it) has the sentence's subject
                    if (cue.Speaker.Kind == SpeakerKind.None && !cue.Participle && cue == sent.Cues[0] && AfterAnd(words, cue.WordIndex)
                        && sent.Regions.All(r => r.Open > cue.Span.Start))
                        cue.Speaker = SpeakerPhrases.SentenceSubject(document, words);
                }
                if (cue.Speaker.Kind == SpeakerKind.Name) cueSubjects.Add(cue.Speaker.Text);
            }
            // a coordinated verb without its own subject ("Kim called ... and said ...") shares the one before it
            // (a participle, ", noting that …", or a verb joined by "and", "but" or "then": "…, said X" after a clause is
            // no coordination)
            for (int i = 1; i < sent.Cues.Count; i++)
                if (sent.Cues[i].Speaker.Kind == SpeakerKind.None && (sent.Cues[i].Participle || AfterAnd(words, sent.Cues[i].WordIndex)))
                    sent.Cues[i].Speaker = sent.Cues[i - 1].Speaker;
        }

        var pending = new List<Pending>();
        Pending? lastDirect = null;
        foreach (var sent in sentences)
        {
            foreach (var region in sent.Regions)
            {
                var cue = ChooseCue(text, sent, region);
                if (cue is not null)
                {
                    lastDirect = new Pending(region.Inner, true, cue, cue.Speaker, sent.Paragraph);
                    pending.Add(lastDirect);
                }
                else if (IsStandalone(text, sent) || (lastDirect is { } prev && prev.Paragraph == sent.Paragraph - 1 && regions.Any(r => r.RunsOn && r.Paragraph == prev.Paragraph)))
                {
                    // a quotation that is a sentence of its own continues the speaker of the quotation before it
                    bool chained = lastDirect is not null && sent.Paragraph - lastDirect.Paragraph <= 1;
                    lastDirect = chained
                        ? new Pending(region.Inner, true, null, lastDirect!.Speaker, sent.Paragraph) { }
                        : new Pending(region.Inner, true, null, SpeakerPhrase.None, sent.Paragraph);
                    pending.Add(chained ? lastDirect with { Cue = lastDirect.Cue } : lastDirect);
                }
                else if (DashAttribution(document, sent, region) is { } signed)
                {
                    // a pull quote signed with a dash: “…” — Name, role
                    lastDirect = new Pending(region.Inner, true, null, signed, sent.Paragraph);
                    pending.Add(lastDirect);
                }
                // otherwise a scare quote or a title: no one is reported as saying it
            }
            foreach (var cue in sent.Cues)
            {
                var clause = IndirectClause(document, sent, cue);
                if (clause is { } c && !pending.Any(q => q.Span.Overlaps(c))) pending.Add(new Pending(c, false, cue, cue.Speaker, sent.Paragraph));
            }
        }

        var names = new PersonNames(document, allWords, InsideQuote, cueSubjects);
        var quotes = pending.OrderBy(q => q.Span.Start).ThenBy(q => q.Span.End)
            .Select(q => Resolve(document, q, names, pending, InsideQuote, sentences)).ToImmutableArray();
        return document with { Quotes = quotes };
    }

    /// <summary>True when the word before the cue (past auxiliaries and adverbs) is "and" (or "but", "then").</summary>
    private static bool AfterAnd(List<Word> words, int cueWord)
    {
        int i = cueWord - 1;
        while (i > 0 && QuoteLexicon.Fillers.Contains(words[i].Text)) i--;
        return i > 0 && words[i].Lower is "and" or "but" or "then";
    }

    private static bool IsInverted(string text, List<Word> words, CueMatch cue, int left) =>
        cue.WordIndex + 1 < words.Count && text.AsSpan(left, Math.Max(0, cue.Span.Start - left)).Trim().Trim(",").IsEmpty;

    /// <summary>
    /// The speaker of a quotation that opens its sentence and is signed after a dash ("“…” — Dmytro Velichko, head of the
    /// service, on Tuesday"): the name before the first comma after the dash; null when no name stands there.
    /// </summary>
    private static SpeakerPhrase? DashAttribution(Document doc, Sent sent, QuotedRegion region)
    {
        var text = doc.Text;
        if (sent.Regions.Count != 1) return null;
        for (int i = sent.Span.Start; i < region.Open; i++) if (char.IsLetterOrDigit(text[i])) return null;
        int k = region.Close + 1;
        while (k < sent.Span.End && char.IsWhiteSpace(text[k])) k++;
        if (k >= sent.Span.End || text[k] is not ('\u2014' or '\u2013' or '-')) return null;
        while (k < sent.Span.End && text[k] is '\u2014' or '\u2013' or '-') k++;
        var np = new List<Word>();
        foreach (var w in QuoteText.Words(text, new TextSpan(k, sent.Span.End)))
        {
            if (text.AsSpan(np.Count > 0 ? np[^1].Span.End : k, w.Span.Start - (np.Count > 0 ? np[^1].Span.End : k)).IndexOfAny([',', ';', '(', '.', ':']) >= 0) break;
            np.Add(w);
            if (np.Count > 6) return null;
        }
        var sp = SpeakerPhrases.Classify(doc, np);
        return sp.Kind == SpeakerKind.Name ? sp : null;
    }

    private static bool IsStandalone(string text, Sent sent)
    {
        for (int i = sent.Span.Start; i < sent.Span.End; i++)
            if (char.IsLetterOrDigit(text[i]) && !sent.Regions.Any(r => r.Open <= i && i <= r.Close)) return false;
        return true;
    }

    private static void FindCues(Document doc, Sent sent, List<Word> words)
    {
        var text = doc.Text;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (sent.Regions.Any(r => r.Open <= w.Span.Start && w.Span.Start <= r.Close)) continue;
            string lower = w.Lower;
            var prev = i > 0 ? words[i - 1] : (Word?)null;
            var next = i + 1 < words.Count ? words[i + 1] : (Word?)null;
            if (lower == "according" && next?.Lower == "to")
            {
                sent.Cues.Add(new CueMatch(new TextSpan(w.Span.Start, next.Value.Span.End), "according to", i, false, true));
                i++;
                continue;
            }
            if (w.Capitalized) continue;
            if (prev is { } pw && QuoteLexicon.Determiners.Contains(pw.Text)) continue;
            if (QuoteLexicon.PhrasalCues.TryGetValue(lower, out var particle))
            {
                if (next?.Lower == particle)
                    sent.Cues.Add(new CueMatch(new TextSpan(w.Span.Start, next.Value.Span.End), text[w.Span.Start..next.Value.Span.End], i, lower.EndsWith("ing"), false));
                continue;
            }
            if (QuoteLexicon.ParticipleCues.Contains(lower))
            {
                int b = w.Span.Start - 1;
                while (b > sent.Span.Start && char.IsWhiteSpace(text[b])) b--;
                if (b >= sent.Span.Start && text[b] == ',') sent.Cues.Add(new CueMatch(w.Span, w.Text, i, true, false));
                continue;
            }
            if (!QuoteLexicon.FiniteCues.Contains(lower)) continue;
            if (lower.StartsWith("call") && next?.Lower is "for" or "on" or "off" or "up") continue;
            sent.Cues.Add(new CueMatch(w.Span, w.Text, i, false, false));
        }
    }

    /// <summary>The cue that attributes a quotation: the one right after it for <c>"…," he said</c>, else the nearest before, else any after.</summary>
    private static CueMatch? ChooseCue(string text, Sent sent, QuotedRegion region)
    {
        var valid = sent.Cues.Where(c => c.Speaker.Kind != SpeakerKind.None || c.SpeakerAfter).ToList();
        var after = valid.FirstOrDefault(c => c.Span.Start > region.Close);
        var before = valid.LastOrDefault(c => c.Span.End <= region.Open);
        char last = text[region.Inner.End - 1];
        int k = region.Close + 1;
        while (k < sent.Span.End && char.IsWhiteSpace(text[k])) k++;
        bool endAttribution = last is ',' or '?' or '!' || (k < sent.Span.End && text[k] == ',');
        if (endAttribution && after is not null) return after;
        return before ?? after;
    }

    private static readonly HashSet<string> ZeroThatCues = new(StringComparer.Ordinal) { "say", "says", "said" };
    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "on", "earlier", "later", "now" };

    /// <summary>The reported clause of indirect speech: after "that" (or right after "said" with a pronoun subject), to the sentence end.</summary>
    private static TextSpan? IndirectClause(Document doc, Sent sent, CueMatch cue)
    {
        var text = doc.Text;
        if (cue.Speaker.Kind == SpeakerKind.None) return null;
        int sentEnd = sent.Span.End;
        while (sentEnd > sent.Span.Start && (char.IsWhiteSpace(text[sentEnd - 1]) || text[sentEnd - 1] is '.' or '!' or '?' or ';' or ':')) sentEnd--;
        if (cue.Text == "according to") return AccordingToClause(doc, sent, cue, sentEnd);
        var words = QuoteText.Words(text, new TextSpan(cue.Span.End, sentEnd));
        int start = -1;
        for (int i = 0; i < Math.Min(words.Count, 8); i++)
        {
            var between = text.AsSpan(cue.Span.End, words[i].Span.Start - cue.Span.End);
            if (between.IndexOfAny([',', ';', ':', '“', '"', '”', '(', '—']) >= 0) break;
            // a "that" after another reporting verb belongs to that verb: "asked for funds and said that …" (the clause is
            // said, not asked), "said they had complained last week that …" (the whole clause is said)
            if (sent.Cues.Any(c => c != cue && c.Span.Start == words[i].Span.Start)) break;
            if (words[i].Text == "that")
            {
                // "Critics say that was not enough": "that" right after the verb and followed by a verb is the clause's
                // subject; further on ("said it submitted a proposal that would …") it is a relative pronoun, not the
                // conjunction of the reported clause
                if (i + 1 < words.Count && IsAuxiliary(words[i + 1])) { if (i == 0) start = words[i].Span.Start; }
                else if (i + 1 < words.Count) start = words[i + 1].Span.Start;
                break;
            }
        }
        bool inverted = IsInverted(text, QuoteText.Words(text, sent.Span), cue, sent.Regions.Where(r => r.Close < cue.Span.Start).Select(r => r.Close + 1).DefaultIfEmpty(sent.Span.Start).Max())
            && sent.Regions.Any(r => r.Close < cue.Span.Start);
        if (start < 0 && ZeroThatCues.Contains(cue.Text) && !inverted)
        {
            int i = 0;
            while (i < words.Count && i < 2 && TimeWords.Contains(words[i].Text)) i++;
            if (i + 1 < words.Count && text.AsSpan(cue.Span.End, words[i].Span.Start - cue.Span.End).IndexOfAny([',', ';', ':', '“', '"', '”', '(', '—', '.']) < 0
                && (!NotClauseStart.Contains(words[i].Text) || StartsWithQuantity(words, i)) && !TimeWords.Contains(words[i].Text)
                // a clause that starts with its verb has lost its subject to a relative pronoun ("the wall, which the
                // operator says is stable"): nothing is reported, unless the verb phrase is a full predicate of its own
                // with a lexical verb after the auxiliaries ("an account that the firm says had not been used for
                // months"): then the claim the source makes is that predicate, and it is reported
                && (!IsAuxiliary(words[i]) || GappedPredicate(words, i)))
                start = words[i].Span.Start;
        }
        if (start < 0 && !inverted) return EndAttributedClause(doc, sent, cue);
        if (start < 0 || start >= sentEnd) return null;
        var clause = new TextSpan(start, CoordinatedMainClause(text, start, sentEnd));
        if (sent.Regions.Any(r => r.Open < clause.End && r.Close >= clause.Start)) return null;
        // a date is no clause ("said on Nov. 8.")
        if (QuoteText.Words(text, clause).All(w => char.IsDigit(w.Text[0]) || Months.Contains(w.Text))) return null;
        return clause;
    }

    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "be", "been", "being", "have", "not", "never", "also", "already", "still", "n't" };

    /// <summary>
    /// "had not been used for months", "has been sold": auxiliaries (and "not", "been") followed by a lexical verb (a
    /// participle in -ed/-en or a bare verb after a modal) and at least one more word; "is stable", "was a mistake" are not.
    /// </summary>
    private static bool GappedPredicate(List<Word> words, int i)
    {
        int k = i + 1;
        while (k < words.Count && (IsAuxiliary(words[k]) || BeForms.Contains(words[k].Text))) k++;
        if (k >= words.Count - 1) return false;
        var verb = words[k];
        if (verb.Capitalized) return false;
        bool participle = verb.Lower.EndsWith("ed", StringComparison.Ordinal) || verb.Lower.EndsWith("en", StringComparison.Ordinal);
        bool afterModal = Modals.Contains(words[k - 1].Text) || words[k - 1].Lower is "not" && k - 2 >= i && Modals.Contains(words[k - 2].Text);
        bool perfect = words.Skip(i).Take(k - i).Any(w => w.Lower is "has" or "had" or "have");
        return participle && (perfect || k > i + 1) || afterModal && verb.Lower.Length > 2 && !BeForms.Contains(verb.Text);
    }

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "will", "would", "could", "can", "should", "may", "might", "must" };

    /// <summary>
    /// The end of a reported clause before a coordinated main clause with a new named subject ("it could take effect next
    /// year, and Telvarra's board meets on Monday …"): ", and" followed by a capitalised word (not "I") and, within six
    /// words, a finite verb (an auxiliary or a lowercase word in -s/-ed). Otherwise <paramref name="end"/>.
    /// </summary>
    private static int CoordinatedMainClause(string text, int start, int end)
    {
        static bool Finite(Word w) => !w.Capitalized && (IsAuxiliary(w) || (w.Lower.Length > 3 && (w.Lower.EndsWith('s') || w.Lower.EndsWith("ed", StringComparison.Ordinal))));
        for (int at = text.IndexOf(", and ", start, end - start, StringComparison.Ordinal); at > start;
             at = at + 6 < end ? text.IndexOf(", and ", at + 6, end - at - 6, StringComparison.Ordinal) : -1)
        {
            var after = QuoteText.Words(text, new TextSpan(at + 6, end));
            if (after.Count < 2 || !after[0].Capitalized || after[0].Text == "I") continue;
            int n = 1;
            while (n < after.Count && after[n].Capitalized) n++;
            // a noun or two after the name ("Telvarra's board", "the Lennick branch manager")
            int nouns = 0;
            while (n < after.Count && nouns < 2 && !Finite(after[n]) && after[n].Lower is not ("who" or "which" or "that")) { n++; nouns++; }
            if (n < after.Count && n <= 6 && Finite(after[n])) return at;
        }
        return end;
    }

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "dozens", "hundreds", "thousands", "half" };

    /// <summary>"said about 1,200 people had been evacuated": "about" before a number starts an approximate quantity, not a topic.</summary>
    private static bool StartsWithQuantity(List<Word> words, int i) =>
        words[i].Lower == "about" && i + 1 < words.Count && (char.IsDigit(words[i + 1].Text[0]) || NumberWords.Contains(words[i + 1].Text));

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "can", "should", "may", "might", "must",
        "does", "did", "do", "shall", "won't", "can't", "cannot",
    };

    /// <summary>A finite auxiliary or copula ("was", "is", "wasn't", "would").</summary>
    private static bool IsAuxiliary(Word w) =>
        !w.Capitalized && (Auxiliaries.Contains(w.Text) || (w.Text.EndsWith("n't", StringComparison.Ordinal) || w.Text.EndsWith("n\u2019t", StringComparison.Ordinal)) && Auxiliaries.Contains(w.Text[..^3]));

    private static readonly HashSet<string> NotClauseStart = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "to", "by", "for", "with", "from", "of", "during", "after", "before", "as", "about", "and", "but", "or",
        "so", "so", "nothing", "goodbye", "hello", "yes", "no", "sorry", "thanks", "what", "how", "why", "whether", "if", "when", "while",
    };

    private static readonly HashSet<string> EndCues = new(StringComparer.Ordinal) { "said", "says", "say", "added", "reported", "announced", "confirmed", "stated", "warned", "noted", "told" };

    /// <summary>"Clause, the coast guard said.": the clause from the sentence start (after a dateline dash) to the comma before the speaker.</summary>
    private static TextSpan? EndAttributedClause(Document doc, Sent sent, CueMatch cue)
    {
        var text = doc.Text;
        if (!EndCues.Contains(cue.Text) || cue.Speaker.Kind == SpeakerKind.None) return null;
        if (sent.Regions.Any(r => r.Open > cue.Span.Start)) return null; // the attribution of a quotation that follows
        int b = cue.Speaker.Span.Start - 1;
        while (b > sent.Span.Start && char.IsWhiteSpace(text[b])) b--;
        int w0 = b;
        while (w0 > sent.Span.Start && char.IsLetter(text[w0 - 1])) w0--;
        if (b > w0 && QuoteLexicon.Determiners.Contains(text[w0..(b + 1)]))
        {
            b = w0 - 1;
            while (b > sent.Span.Start && char.IsWhiteSpace(text[b])) b--;
        }
        if (b <= sent.Span.Start || text[b] != ',') return null;
        // what follows the verb is nothing, a time or place ("on Tuesday"), or whom it was told to; then a comma or the end
        int tailEnd = cue.Span.End;
        while (tailEnd < sent.Span.End && text[tailEnd] is not (',' or '.' or ';' or '!' or '?')) tailEnd++;
        var tail = QuoteText.Words(text, new TextSpan(cue.Span.End, tailEnd));
        if (tail.Count > 4 || tail.Any(w => w.Text == "that")) return null;
        if (tail.Count > 0 && !(TimeWords.Contains(tail[0].Text) || tail[0].Lower is "in" or "at" or "during" or "late" or "last" or "this" or "yesterday")
            && !(cue.Text == "told" && tail.Count <= 3)) return null;
        int s = sent.Span.Start;
        int dash = Math.Max(text.LastIndexOf(" — ", b, b - s + 1), text.LastIndexOf(" -- ", b, b - s + 1));
        if (dash > s) s = dash + 3;
        while (s < b && char.IsWhiteSpace(text[s])) s++;
        var clause = new TextSpan(s, b);
        if (QuoteText.Words(text, clause).Count < 3) return null;
        if (sent.Regions.Any(r => r.Open < clause.End && r.Close >= clause.Start)) return null;
        return clause;
    }

    /// <summary>
    /// The start of a clause after a dateline that opens its sentence ("(Reuters) — ", "SEOUL — "): a dash within the
    /// first 50 characters after words that are all capitalised or parenthesised; else <paramref name="start"/>.
    /// </summary>
    private static int AfterDateline(string text, int start, int end)
    {
        int limit = Math.Min(end, start + 50);
        foreach (var dash in new[] { " \u2014 ", " \u2013 ", " -- ", " - " })
        {
            int i = text.IndexOf(dash, start, limit - start, StringComparison.Ordinal);
            if (i <= start) continue;
            var words = text[start..i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is > 0 and <= 4 && words.All(w => char.IsUpper(w[0]) || (w[0] == '(' && w.Length > 1 && char.IsUpper(w[1]))))
                return i + dash.Length;
        }
        return start;
    }

    private static TextSpan? AccordingToClause(Document doc, Sent sent, CueMatch cue, int sentEnd)
    {
        var text = doc.Text;
        int s, e;
        int comma = text.LastIndexOf(',', cue.Span.Start, cue.Span.Start - sent.Span.Start);
        if (comma > sent.Span.Start && text.AsSpan(comma, cue.Span.Start - comma).Trim().Length == 1)
        { s = AfterDateline(text, sent.Span.Start, comma); e = comma; }
        else if (cue.Span.Start - sent.Span.Start <= 1)
        {
            if (sentEnd <= cue.Span.End) return null;
            int c2 = text.IndexOf(',', cue.Span.End, sentEnd - cue.Span.End);
            if (c2 < 0) return null;
            s = c2 + 1; e = sentEnd;
        }
        else return null;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        if (e - s < 3) return null;
        var clause = new TextSpan(s, e);
        if (sent.Regions.Any(r => r.Open < clause.End && r.Close >= clause.Start)) return null;
        return clause;
    }

    private static Quote Resolve(Document doc, Pending q, PersonNames names, List<Pending> all, Func<int, bool> insideQuote, List<Sent> sentences)
    {
        var quote = new Quote(q.Span, doc.Slice(q.Span), q.Direct)
        {
            Cue = q.Cue?.Text, CueSpan = q.Cue?.Span,
            SpeakerSpan = q.Speaker.Kind == SpeakerKind.None ? null : q.Speaker.Span,
        };
        var sp = q.Speaker;
        switch (sp.Kind)
        {
            case SpeakerKind.Name:
                if (AcronymDefinition(doc, sp.Text) is { } defined) return quote with { SpeakerName = doc.Slice(defined), SpeakerNameSpan = defined };
                var full = names.Expand(sp.Text, sp.Span.Start);
                return quote with { SpeakerName = full?.Name ?? sp.Text, SpeakerNameSpan = full?.Span ?? sp.Span };
            case SpeakerKind.Description:
                return quote with { SpeakerDescription = sp.Text };
            case SpeakerKind.DefiniteDescription:
                var byRole = ResolveTitle(doc, sp, names);
                if (byRole is { } r) return quote with { SpeakerName = r.FullName, SpeakerNameSpan = r.FullSpan };
                if (AppositionAntecedent(doc, sp) is { } ap) return quote with { SpeakerName = doc.Slice(ap), SpeakerNameSpan = ap };
                var org = NamedAntecedent(doc, sp);
                if (org is { } o) return quote with { SpeakerName = doc.Slice(o), SpeakerNameSpan = o };
                var near = NearbyAntecedent(doc, sp, names, insideQuote, sentences, all);
                return near is { } n ? quote with { SpeakerName = n.Name, SpeakerNameSpan = n.Span } : quote with { SpeakerDescription = sp.Text };
            case SpeakerKind.Pronoun when sp.Text.ToLowerInvariant() is "he" or "she":
                return ResolvePronoun(quote, sp, names, all);
            default:
                return quote;
        }
    }

    /// <summary>
    /// "NCPS" in an article that wrote "the National Civil Protection Service (NCPS)": the recognised name right before
    /// the bracketed acronym whose initials spell it; null for anything else.
    /// </summary>
    private static TextSpan? AcronymDefinition(Document doc, string name)
    {
        if (name.Length is < 2 or > 8 || !name.All(char.IsUpper)) return null;
        var text = doc.Text;
        for (int at = text.IndexOf("(" + name + ")", StringComparison.Ordinal); at > 0; at = text.IndexOf("(" + name + ")", at + 1, StringComparison.Ordinal))
        {
            int e = at;
            while (e > 0 && text[e - 1] == ' ') e--;
            var m = doc.Entities.FirstOrDefault(m => m.Span.End == e && m.Kind == "name" && m.Type is EntityType.Organization or EntityType.Other);
            if (m is null) continue;
            var initials = string.Concat(QuoteText.Words(text, m.Span).Where(w => w.Capitalized).Select(w => w.Text[0]));
            if (initials == name) return m.Span;
        }
        return null;
    }

    /// <summary>
    /// "the coast guard" after "the Marevia Coast Guard", "the union" after "the United Refinery Workers union": the
    /// nearest earlier name that ends with the description's words (capitalised) or stands before its head noun.
    /// </summary>
    private static TextSpan? NamedAntecedent(Document doc, SpeakerPhrase sp)
    {
        var text = doc.Text;
        var descWords = QuoteText.Words(text, sp.Span).Skip(1).ToList();
        if (descWords.Count is 0 or > 3) return null;
        var all = QuoteText.Words(text, new TextSpan(0, sp.Span.Start));
        for (int i = all.Count - descWords.Count; i >= 1; i--)
        {
            bool capitalMatch = true, headMatch = descWords.Count == 1 && all[i].Text == descWords[0].Text;
            for (int k = 0; k < descWords.Count && capitalMatch; k++)
                capitalMatch = all[i + k].Capitalized && string.Equals(all[i + k].Text, descWords[k].Text, StringComparison.OrdinalIgnoreCase);
            if (!capitalMatch && !headMatch) continue;
            int s = i;
            while (s > 0 && SpeakerPhrases.IsNameWord(all[s - 1]) && !all[s - 1].Possessive && all[s].Span.Start - all[s - 1].Span.End == 1) s--;
            int end = capitalMatch ? i + descWords.Count - 1 : i - 1;
            if (capitalMatch ? s == i : end - s + 1 < 2) continue;
            var found = new TextSpan(all[s].Span.Start, all[end].Span.End);
            // the organisation's full recognised name ("National Civil Protection Service", whose first word is also a title word)
            return doc.Entities.FirstOrDefault(m => m.Type == EntityType.Organization && m.Kind == "name" && m.Span.Contains(found))?.Span ?? found;
        }
        return null;
    }

    /// <summary>
    /// "“…,” said the dairy farmer" after "Jonas Haldane was milking …"; "…, the company said." after "according to the
    /// operator, Tarnwater Energy": a definite role noun resolved to the one candidate of its kind named in the sentence
    /// before the speaker or the two before it. A person noun needs exactly one person named there, who is the subject
    /// of one of those sentences and has no other recorded role; a bare organisation noun ("the company", "the
    /// ministry") needs exactly one organisation that fits it (a ministry for "the ministry", no public body for "the
    /// company"; places such as "the Upper Tarn region" do not count). Otherwise the description stays.
    /// </summary>
    private static (string Name, TextSpan Span)? NearbyAntecedent(Document doc, SpeakerPhrase sp, PersonNames names, Func<int, bool> insideQuote, List<Sent> sentences, List<Pending> all)
    {
        var text = doc.Text;
        var descWords = QuoteText.Words(text, sp.Span);
        if (descWords.Count < 2 || descWords[0].Lower != "the") return null;
        string head = descWords[^1].Lower;
        int at = sentences.FindIndex(s => s.Span.Start <= sp.Span.Start && sp.Span.Start < s.Span.End);
        if (at < 0) return null;
        var window = new List<TextSpan>();
        for (int k = Math.Max(0, at - 2); k < at; k++) window.Add(sentences[k].Span);
        window.Add(new TextSpan(sentences[at].Span.Start, sp.Span.Start));
        bool InWindow(TextSpan span) => window.Any(w => w.Contains(span)) && !insideQuote(span.Start);
        // the same noun used just before ("Dempsey talked with the man … once the man mentioned") refers to whoever it
        // referred to there, an unnamed person or body: no resolution
        bool sameNounBefore = window.Any(w => QuoteText.Words(text, w).Any(x => x.Lower == head));
        if (QuoteLexicon.CompanyNouns.Contains(head) && descWords.Count is 2 or 3 && descWords.Skip(1).All(w => !w.Capitalized || w.Lower == head))
            return NearbyCompany(doc, sp, InWindow, sameNounBefore, all, modified: descWords.Count == 3);
        if (sameNounBefore) return null;

        if (QuoteLexicon.IsPersonRoleNoun(head))
        {
            var people = names.Occurrences.Where(o => InWindow(o.Span)).ToList();
            if (people.Select(o => o.FullName).Distinct(StringComparer.Ordinal).Count() != 1) return null;
            var person = people[^1];
            bool subject = people.Any(o => window.Any(w => SubjectStart(text, w) == o.Span.Start));
            // a person with a recorded role other than this one ("Governor …" for "the dairy farmer") is someone else
            var wanted = descWords.Skip(1).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
            bool otherRole = doc.Entities.Any(m => m.Type == EntityType.Person && m.Role is { } role && (m.Text == person.FullName || people.Any(o => o.Span.Overlaps(m.Span)))
                && !role.ToLowerInvariant().Split(' ').Any(wanted.Contains));
            return subject && !otherRole ? (person.FullName, person.FullSpan) : null;
        }
        if (descWords.Count != 2 || !(QuoteLexicon.CompanyNouns.Contains(head) || QuoteLexicon.InstitutionNouns.Contains(head))) return null;
        var orgs = doc.Entities.Where(m => m.Type == EntityType.Organization && m.Kind == "name" && InWindow(m.Span) && !IsPlaceLike(text, m)).ToList();
        var fitting = orgs.Where(m =>
        {
            // the name and a generic head after it ("the United Refinery Workers union")
            var ws = m.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var next = QuoteText.Words(text, new TextSpan(m.Span.End, Math.Min(text.Length, m.Span.End + 20)));
            if (next.Count > 0 && !next[0].Capitalized && text.AsSpan(m.Span.End, next[0].Span.Start - m.Span.End).IsWhiteSpace()) ws.Add(next[0].Lower);
            return QuoteLexicon.CompanyNouns.Contains(head) ? !ws.Any(QuoteLexicon.InstitutionNouns.Contains) && !ws.Any(QuoteLexicon.MediaWords.Contains) : ws.Contains(head);
        }).ToList();
        if (fitting.Count == 0 || orgs.Count != fitting.Count) return null;
        // one organisation, perhaps named in full and short ("Tarnwater Energy", "Tarnwater")
        var longest = fitting.OrderByDescending(m => m.Text.Length).ThenByDescending(m => m.Span.Start).First();
        if (!fitting.All(m => m.Text == longest.Text || longest.Text.StartsWith(m.Text + " ", StringComparison.Ordinal))) return null;
        // named as an actor at least once, not only after a preposition ("at the Vell Music Festival")
        if (fitting.All(m => AfterPreposition(text, m.Span))) return null;
        return (longest.Text, longest.Span);
    }

    /// <summary>Words of a public body's name (or the generic noun after it): never "the company" of a story.</summary>
    private static readonly HashSet<string> PublicBodyWords = new(StringComparer.OrdinalIgnoreCase)
    { "unit", "bureau", "directorate", "force", "forces", "police", "ombudsman", "prosecutor", "prosecutors", "commissioner", "state" };

    /// <summary>
    /// A company-like organisation mention: a recognised organisation name that is no place, public body (ministry,
    /// authority, regulator, police unit, or an acronym defined as one) or news outlet.
    /// </summary>
    private static bool IsCompanyLike(Document doc, EntityMention m)
    {
        var text = doc.Text;
        if (m.Type != EntityType.Organization || m.Kind != "name" || IsPlaceLike(text, m)) return false;
        var named = m.Span;
        if (AcronymDefinition(doc, m.Text) is { } defined) named = defined;
        var ws = QuoteText.Words(text, named).Select(w => w.Lower).ToList();
        var next = QuoteText.Words(text, new TextSpan(named.End, Math.Min(text.Length, named.End + 20)));
        if (next.Count > 0 && !next[0].Capitalized && text.AsSpan(named.End, next[0].Span.Start - named.End).IsWhiteSpace()) ws.Add(next[0].Lower);
        if (ws.Any(w => QuoteLexicon.InstitutionNouns.Contains(w) || QuoteLexicon.MediaWords.Contains(w) || PublicBodyWords.Contains(w))) return false;
        // a name in apposition with a person's role (", the data protection commissioner,") is a person's, whatever its type
        if (m.Span.End + 2 < text.Length && text[m.Span.End] == ',')
        {
            int comma = text.IndexOfAny([',', '.', ';'], m.Span.End + 1);
            var appos = QuoteText.Words(text, new TextSpan(m.Span.End + 1, comma < 0 ? Math.Min(text.Length, m.Span.End + 60) : comma));
            if (appos.Count is > 1 and <= 6 && appos[0].Lower is "the" or "a" or "an"
                && (QuoteLexicon.TitleWords.Contains(appos[^1].Text) || QuoteLexicon.IsPersonRoleNoun(appos[^1].Lower))) return false;
        }
        return doc.Source.Outlet is not { } outlet || !outlet.Contains(m.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "the company", "the mobile operator", "the firm": the one company-like organisation named in the sentence before
    /// the speaker or the two before it (public bodies, outlets and places named there do not compete); or, when none
    /// is named there, the one company-like organisation the document attributes other statements to by name
    /// ("Telvarra said …"), unless the description has a modifier ("the railway operator"). The same noun used just before, or a name only after a preposition ("at the Vell Music
    /// Festival"), blocks the nearby candidate unless the document quotes that organisation by name.
    /// </summary>
    private static (string Name, TextSpan Span)? NearbyCompany(Document doc, SpeakerPhrase sp, Func<TextSpan, bool> inWindow, bool sameNounBefore, List<Pending> all, bool modified)
    {
        var text = doc.Text;
        var companies = doc.Entities.Where(m => IsCompanyLike(doc, m)).ToList();
        static bool SameOrg(string a, string b) =>
            a == b || a.StartsWith(b + " ", StringComparison.Ordinal) || b.StartsWith(a + " ", StringComparison.Ordinal);
        // the organisations that other quotes of the document name as their speaker
        var speakers = all.Where(p => p.Speaker.Kind == SpeakerKind.Name).Select(p => p.Speaker).ToList();
        var quoted = companies.Where(m => speakers.Any(s => s.Span.Overlaps(m.Span) || SameOrg(s.Text, m.Text))).ToList();
        bool Quoted(EntityMention m) => quoted.Any(q => SameOrg(q.Text, m.Text));
        (string, TextSpan)? One(List<EntityMention> ms)
        {
            if (ms.Count == 0) return null;
            var longest = ms.OrderByDescending(m => m.Text.Length).ThenByDescending(m => m.Span.Start).First();
            return ms.All(m => SameOrg(m.Text, longest.Text) && (m.Text.Length <= longest.Text.Length)) ? (longest.Text, longest.Span) : null;
        }
        var near = companies.Where(m => inWindow(m.Span)).ToList();
        if (near.Count > 0)
        {
            // several named nearby ("Telvarra" and "Estravia", a country the recogniser typed an organisation): the one
            // the document quotes by name, if only one of them is
            if (One(near) is null && near.Where(Quoted).ToList() is { Count: > 0 } quotedNear) near = quotedNear;
            if (One(near) is not { } found) return null;
            bool byName = near.Any(Quoted);
            if (!byName && (sameNounBefore || near.All(m => AfterPreposition(text, m.Span)))) return null;
            return found;
        }
        // none named nearby: the one company the document quotes by name; not for a description that says which kind
        // of company it is ("the railway operator" in a story quoting an energy company)
        if (modified) return null;
        var before = quoted.Where(m => m.Span.End <= sp.Span.Start).ToList();
        return One(before.Count > 0 ? before : quoted);
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "in", "on", "of", "for", "from", "with", "by", "to", "across", "into", "about", "over", "under", "against",
        "between", "among", "through", "near", "behind", "without", "within", "like",
    };

    /// <summary>True when the word before the span (past "the") is a preposition.</summary>
    private static bool AfterPreposition(string text, TextSpan span)
    {
        var before = QuoteText.Words(text, new TextSpan(Math.Max(0, span.Start - 40), span.Start));
        int i = before.Count - 1;
        if (i >= 0 && before[i].Lower == "the") i--;
        return i >= 0 && Prepositions.Contains(before[i].Text) && text.AsSpan(before[i].Span.End, span.Start - before[i].Span.End).IndexOfAny(',', ';', '.') < 0;
    }

    /// <summary>Where the subject of a sentence starts: its first word after any capitalised title words ("Governor", "Dr").</summary>
    private static int SubjectStart(string text, TextSpan sentence)
    {
        var words = QuoteText.Words(text, sentence);
        int i = 0;
        while (i < words.Count - 1 && words[i].Capitalized && QuoteLexicon.TitleWords.Contains(words[i].Text)) i++;
        return words.Count == 0 ? -1 : words[i].Span.Start;
    }

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "region", "valley", "river", "dam", "lake", "bridge", "province", "district", "county", "area", "basin", "coast", "island",
        "hills", "mountains", "street", "road", "square", "village", "town", "city", "state", "reservoir", "harbour", "harbor", "port",
    };

    /// <summary>An organisation mention that names a place or structure ("the Upper Tarn region", "Tarnhollow Dam").</summary>
    private static bool IsPlaceLike(string text, EntityMention m)
    {
        var own = QuoteText.Words(text, m.Span);
        if (own.Count > 0 && PlaceNouns.Contains(own[^1].Text)) return true;
        var next = QuoteText.Words(text, new TextSpan(m.Span.End, Math.Min(text.Length, m.Span.End + 20)));
        return next.Count > 0 && next[0].Span.Start == m.Span.End + 1 && text[m.Span.End] == ' ' && PlaceNouns.Contains(next[0].Text);
    }

    /// <summary>"he"/"she": the latest person named (or described as one person) before the pronoun.</summary>
    private static Quote ResolvePronoun(Quote quote, SpeakerPhrase pronoun, PersonNames names, List<Pending> all)
    {
        // a person whose name follows a gendered title ("Mr", "Mrs") of the other gender is no antecedent
        char pronounGender = pronoun.Text.ToLowerInvariant() == "she" ? 'f' : 'm';
        bool Contradicts(string fullName) => names.GenderOf(fullName) is { } g && g != pronounGender;
        var named = names.Occurrences.LastOrDefault(o => o.Span.End <= pronoun.Span.Start && !Contradicts(o.FullName));
        var described = all.Where(p => p.Speaker.Kind == SpeakerKind.Description && p.Speaker.Span.End <= pronoun.Span.Start
                && IsOnePerson(p.Speaker.Text)).Select(p => p.Speaker).LastOrDefault();
        if (described is not null && (named is null || described.Span.Start > named.Span.Start))
            return quote with { SpeakerDescription = described.Text };
        // "Sims, chief executive of Ceres Robotics, said ... “…,” he said": the pronoun continues the last named
        // speaker of a reporting verb nearby, not a name that only stood inside that speaker's apposition (within 80
        // characters after the speaker's name and never a speaker itself)
        var lastSpeaker = all.Where(p => p.Speaker.Kind == SpeakerKind.Name && p.Speaker.Span.End <= pronoun.Span.Start)
            .Select(p => p.Speaker).OrderBy(sp => sp.Span.Start).LastOrDefault();
        if (named is not null && lastSpeaker is not null && named.Span.Start > lastSpeaker.Span.End
            && pronoun.Span.Start - lastSpeaker.Span.End < 400 && !all.Any(p => p.Speaker.Span.Overlaps(named.Span))
            && names.Occurrences.LastOrDefault(o => o.Span.Overlaps(lastSpeaker.Span)) is { } cueName && cueName.FullName != named.FullName
            && !Contradicts(cueName.FullName)
            && named.Span.Start - lastSpeaker.Span.End < 80)
            return quote with { SpeakerName = cueName.FullName, SpeakerNameSpan = cueName.FullSpan };
        if (named is not null) return quote with { SpeakerName = named.FullName, SpeakerNameSpan = named.FullSpan };
        return quote;
    }

    private static bool IsOnePerson(string description)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => QuoteLexicon.IsSingularPersonNoun(w.Trim(',', '.'))) && words[0].ToLowerInvariant() is "a" or "an" or "the" or "one";
    }

    /// <summary>
    /// "The commissioner said …" after "Mara Tesk, the data protection commissioner, told …": the nearest earlier name
    /// (of any recognised type but a place) set in apposition with a description ending in the same title word.
    /// </summary>
    private static TextSpan? AppositionAntecedent(Document doc, SpeakerPhrase sp)
    {
        var text = doc.Text;
        var descWords = QuoteText.Words(text, sp.Span);
        if (descWords.Count != 2 || descWords[0].Lower != "the" || !QuoteLexicon.TitleWords.Contains(descWords[1].Text)) return null;
        foreach (var m in doc.Entities.Where(m => m.Kind == "name" && m.Type is EntityType.Person or EntityType.Organization or EntityType.Other
                     && m.Span.End < sp.Span.Start).OrderByDescending(m => m.Span.Start))
        {
            if (m.Span.End + 2 >= text.Length || text[m.Span.End] != ',') continue;
            int comma = text.IndexOfAny([',', '.', ';'], m.Span.End + 1);
            if (comma < 0 || comma > sp.Span.Start) continue;
            var appos = QuoteText.Words(text, new TextSpan(m.Span.End + 1, comma));
            if (appos.Count is > 1 and <= 6 && appos[0].Lower == "the" && appos[^1].Lower == descWords[1].Lower && QuoteText.Words(text, m.Span).Count >= 2)
                return m.Span;
        }
        return null;
    }

    /// <summary>"the security adviser": a person whose title words share a word with the description.</summary>
    private static NameOccurrence? ResolveTitle(Document doc, SpeakerPhrase sp, PersonNames names)
    {
        // only a description whose head noun names a person's role ("the adviser", "the security adviser") refers to a
        // titled person (sharing a title word); "the union" or "the company" never resolves to its leader
        var head = sp.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim(',', '.');
        if (SpeakerPhrases.OrgHeads.Contains(head) || (!QuoteLexicon.IsSingularPersonNoun(head) && !QuoteLexicon.TitleWords.Contains(head))) return null;
        var wanted = sp.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !QuoteLexicon.Determiners.Contains(w) && w.Length > 2).ToHashSet();
        bool Matches(NameOccurrence o) =>
            o.TitleWords.Any(wanted.Contains) || doc.Entities.Any(m => m.Type == EntityType.Person && m.Role is { } role
                && m.Text == o.FullName && role.ToLowerInvariant().Split(' ').Any(wanted.Contains));
        return names.Occurrences.LastOrDefault(o => o.Span.End <= sp.Span.Start && Matches(o))
            ?? names.Occurrences.FirstOrDefault(o => o.Span.Start > sp.Span.End && Matches(o));
    }
}
