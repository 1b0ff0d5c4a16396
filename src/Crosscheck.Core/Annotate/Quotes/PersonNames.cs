using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Quotes;

/// <summary>One occurrence of a person's name (or of its first/last word alone) in the document, outside quotations.</summary>
internal sealed record NameOccurrence(TextSpan Span, string FullName, TextSpan FullSpan, IReadOnlyList<string> TitleWords);

/// <summary>
/// The people a document names: capitalised runs that look like a person's name (after a title, as the subject of a
/// reporting verb, or recognised as a person), with their occurrences, so a surname or pronoun can be resolved.
/// </summary>
internal sealed class PersonNames
{
    private readonly List<NameOccurrence> _occurrences = [];

    public IReadOnlyList<NameOccurrence> Occurrences => _occurrences;

    private sealed record Run(TextSpan Span, string Text, List<Word> Words, bool AfterTitle, List<string> Titles);

    private readonly string _text;

    public PersonNames(Document doc, List<Word> words, Func<int, bool> insideQuote, IReadOnlySet<string> cueSubjects)
    {
        _text = doc.Text;
        var runs = Runs(doc, words, insideQuote);
        var singleSubjects = cueSubjects.Where(s => !s.Contains(' ')).ToHashSet(StringComparer.Ordinal);
        var persons = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            bool isPerson = doc.Entities.Any(m => m.Type == EntityType.Person && Sound(m) && m.Span.Overlaps(run.Span));
            bool nonPerson = run.Words.Any(w => QuoteLexicon.NonPersonWords.Contains(w.Text))
                || doc.Entities.Any(m => m.Type is not (EntityType.Person or EntityType.Other) && m.Span.Contains(run.Span));
            if (!isPerson && !nonPerson && run.Words.Count >= 2)
                isPerson = run.AfterTitle || cueSubjects.Contains(run.Text) || run.Words.Any(w => w.Text.Contains('-') && char.IsUpper(w.Text[0]))
                    || singleSubjects.Contains(run.Words[0].Text) || singleSubjects.Contains(run.Words[^1].Text);
            if (isPerson && !persons.ContainsKey(run.Text)) persons[run.Text] = run;
        }
        foreach (var m in doc.Entities.Where(m => m.Type == EntityType.Person && m.Kind == "name" && Sound(m)).Select(WithoutHonorific))
            if (!persons.ContainsKey(m.Text)) persons[m.Text] = new Run(m.Span, m.Text, QuoteText.Words(doc.Text, m.Span), false, m.Role is null ? [] : [.. m.Role.Split(' ')]);
        // a name the recogniser left untyped ("other") is a person on the same evidence as a capitalised run: the
        // subject of a reporting verb, or a hyphenated capitalised word ("Anna Bergh-Lund"; its first name may look
        // like a demonym and so break the run)
        foreach (var m in doc.Entities.Where(m => m.Type == EntityType.Other && m.Kind == "name" && Sound(m)).Select(WithoutHonorific))
        {
            var ws = QuoteText.Words(doc.Text, m.Span);
            if (ws.Count is < 2 or > 4 || persons.ContainsKey(m.Text) || ws.Any(w => !w.Capitalized || QuoteLexicon.NonPersonWords.Contains(w.Text))) continue;
            if (cueSubjects.Contains(m.Text) || ws.Any(w => w.Text.Contains('-') && char.IsUpper(w.Text[0]))
                || singleSubjects.Contains(ws[0].Text) || singleSubjects.Contains(ws[^1].Text))
                persons[m.Text] = new Run(m.Span, m.Text, ws, false, []);
        }
        // a photo caption the cleaner removed often carries the full name ("Russian President Vladimir Putin") that the
        // article then shortens ("Putin"): its titled names may complete a surname, but are not occurrences themselves
        if (doc.Clean is { } clean)
            foreach (var removed in clean.Removed.Where(r => r.Reason.Contains("caption", StringComparison.OrdinalIgnoreCase)))
                foreach (var run in Runs(doc, QuoteText.Words(doc.Text, removed.Span), _ => false))
                    if (run.Words.Count >= 2 && run.AfterTitle && !run.Words.Any(w => QuoteLexicon.NonPersonWords.Contains(w.Text)))
                        persons.TryAdd(run.Text, run);

        // every run occurrence, and every word that is the first or last word of a person's name
        var byToken = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var p in persons.Values.OrderByDescending(p => p.Words.Count).ThenBy(p => p.Span.Start))
        {
            if (p.Words.Count < 2) continue;
            // an acronym ("CLPS", "NASA") standing alone is an organisation, never a surname
            foreach (var w in new[] { p.Words[0], p.Words[^1] })
                if (!(w.Text.Length >= 2 && w.Text.All(c => !char.IsLetter(c) || char.IsUpper(c)))) byToken.TryAdd(w.Text, p);
        }
        foreach (var run in runs)
        {
            if (persons.TryGetValue(run.Text, out var full))
            {
                _occurrences.Add(new NameOccurrence(run.Span, LongestFor(run, persons, byToken).Text, LongestFor(run, persons, byToken).Span, run.Titles));
            }
            else if (run.Words.Count == 1 && byToken.TryGetValue(run.Text, out var owner))
                _occurrences.Add(new NameOccurrence(run.Span, owner.Text, owner.Span, run.Titles));
        }
        _occurrences.Sort((a, b) => a.Span.CompareTo(b.Span));
    }

    /// <summary>The mention less leading honorifics and titles ("Dr. Okafor" → "Okafor", "Detective Inspector Ana Ruiz" → "Ana Ruiz"): they are not part of the name.</summary>
    private EntityMention WithoutHonorific(EntityMention m)
    {
        var ws = QuoteText.Words(_text, m.Span);
        int first = 0;
        while (first < ws.Count - 1 && QuoteLexicon.Honorifics.Contains(ws[first].Text)) first++;
        // titles the recogniser kept in a person's span ("Detective Superintendent Arvid Salo") are no part of the name
        while (first < ws.Count - 2 && ws[first].Capitalized && QuoteLexicon.TitleWords.Contains(ws[first].Text)) first++;
        if (first == 0) return m;
        var span = new TextSpan(ws[first].Span.Start, m.Span.End);
        return m with { Span = span, Text = _text[span.Start..span.End] };
    }

    /// <summary>A recognised person whose span holds a bracket ("Payload Services (CLPS") is a broken span, not a name.</summary>
    private static bool Sound(EntityMention m) => m.Text.IndexOfAny(['(', ')', '[', ']']) < 0;

    private static Run LongestFor(Run run, Dictionary<string, Run> persons, Dictionary<string, Run> byToken) =>
        run.Words.Count == 1 && byToken.TryGetValue(run.Text, out var owner) ? owner : run;

    /// <summary>The full name a name refers to ("Chang" → "Chang Ho-jin"), with the occurrence nearest before <paramref name="position"/>.</summary>
    public (string Name, TextSpan Span)? Expand(string name, int position)
    {
        NameOccurrence? best = null;
        int bestLength = 0;
        var mine = name.Split(' ');
        foreach (var o in _occurrences)
        {
            var tokens = o.FullName.Split(' ');
            bool match = o.FullName == name || (mine.Length < tokens.Length &&
                (tokens.Take(mine.Length).SequenceEqual(mine) || tokens.Skip(tokens.Length - mine.Length).SequenceEqual(mine)));
            if (!match) continue;
            // the longest name wins; among equals, the occurrence nearest before the position (else the first after)
            if (tokens.Length > bestLength || (tokens.Length == bestLength && o.FullSpan.Start <= position))
            {
                best = o;
                bestLength = tokens.Length;
            }
        }
        return best is null ? null : (best.FullName, best.FullSpan);
    }

    public bool IsPerson(string name) => _occurrences.Any(o => o.FullName == name);

    private static readonly HashSet<string> MaleTitles = new(StringComparer.Ordinal) { "mr", "sir", "lord", "king", "prince", "monsieur", "herr", "senor", "señor" };
    private static readonly HashSet<string> FemaleTitles = new(StringComparer.Ordinal) { "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "frau", "senora", "señora" };

    /// <summary>'m' or 'f' when an occurrence of the person's name follows a gendered title ("Mrs Varga") and none of the other gender; else null.</summary>
    public char? GenderOf(string fullName)
    {
        bool male = false, female = false;
        foreach (var o in _occurrences)
        {
            if (o.FullName != fullName || o.TitleWords.Count == 0) continue;
            male |= MaleTitles.Contains(o.TitleWords[^1]);
            female |= FemaleTitles.Contains(o.TitleWords[^1]);
        }
        return male == female ? null : male ? 'm' : 'f';
    }

    private static List<Run> Runs(Document doc, List<Word> words, Func<int, bool> insideQuote)
    {
        var text = doc.Text;
        var runs = new List<Run>();
        var current = new List<Word>();
        bool afterTitle = false;
        var titles = new List<string>();
        void Flush()
        {
            if (current.Count == 0) return;
            if (current.Count <= 4)
            {
                var span = new TextSpan(current[0].Span.Start, current[^1].Span.End);
                runs.Add(new Run(span, text[span.Start..span.End], [.. current], afterTitle, [.. titles]));
            }
            current.Clear();
            afterTitle = false;
            titles.Clear();
        }
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (insideQuote(w.Span.Start)) { Flush(); afterTitle = false; titles.Clear(); continue; }
            bool joined = current.Count > 0 && w.Span.Start - current[^1].Span.End == 1 && text[current[^1].Span.End] == ' ' && !current[^1].Possessive;
            if (!joined) Flush();
            if (SpeakerPhrases.IsNameWord(w)) { current.Add(w); continue; }
            Flush();
            afterTitle = QuoteLexicon.TitleWords.Contains(w.Text);
            titles.Add(w.Lower);
            if (titles.Count > 6) titles.RemoveAt(0);
        }
        Flush();
        return runs;
    }
}
