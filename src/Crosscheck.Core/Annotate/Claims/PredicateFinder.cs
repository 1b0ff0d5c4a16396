namespace Crosscheck.Core.Annotate.Claims;

/// <summary>Picks the main action word of a claim from a small lexicon of news verbs, as a lemma ("designated" → "designate").</summary>
public static class PredicateFinder
{
    private static readonly string[] Lemmas =
    [
        "add", "announce", "sign", "designate", "decide", "reconsider", "consider", "warn", "accuse", "provide", "supply", "send", "summon",
        "condemn", "visit", "meet", "agree", "plan", "increase", "expand", "strengthen", "impose", "slap", "kill", "die", "attack", "strike",
        "arrest", "launch", "approve", "reject", "deny", "confirm", "report", "praise", "criticize", "criticise", "express", "pledge", "vow",
        "threaten", "chair", "preside", "review", "disband", "end", "begin", "start", "become", "describe", "thank", "call", "allow", "raise",
        "cut", "fire", "sell", "buy", "export", "ban", "sanction", "restrict", "emphasize", "emphasise", "highlight", "insist", "hint", "indicate",
        "dismiss", "reveal", "disclose", "take", "hold", "win", "lose", "rise", "fall", "say", "tell", "state",
    ];

    private static readonly Dictionary<string, string> Forms = BuildForms();

    /// <summary>The lemma of a news verb form ("charged" → "charge"), or null.</summary>
    public static string? LemmaOf(string word) => Forms.GetValueOrDefault(word);

    /// <summary>Verbs that report speech: the predicate of a claim that carries a quotation is the one outside it.</summary>
    public static readonly HashSet<string> Communication = new(StringComparer.OrdinalIgnoreCase)
    { "say", "tell", "state", "add", "warn", "insist", "emphasize", "emphasise", "highlight", "express", "stress", "claim", "announce", "confirm", "deny", "report" };

    /// <summary>
    /// The main action word. Words inside quotation marks are skipped; when the claim carries a quotation, the verb that
    /// reports it ("warned", "added") is the predicate; otherwise the first news verb, a plain "said" only when nothing else.
    /// </summary>
    public static string? Find(List<Word> words)
    {
        bool hasQuote = words.Any(w => w.Text is "“" or "”" or "\"");
        string? reporting = null, communication = null, first = null;
        bool inQuote = false;
        foreach (var w in words)
        {
            if (w.Text == "“") { inQuote = true; continue; }
            if (w.Text == "”") { inQuote = false; continue; }
            if (w.Text == "\"") { inQuote = !inQuote; continue; }
            if (inQuote || !w.IsLetters) continue;
            if (!Forms.TryGetValue(w.Lower, out var lemma)) continue;
            if (lemma is "say" or "tell" or "state") reporting ??= lemma;
            else if (Communication.Contains(lemma)) communication ??= lemma;
            first ??= lemma is "say" or "tell" or "state" ? null : lemma;
        }
        if (hasQuote) return communication ?? reporting ?? first;
        return first ?? reporting;
    }

    private static Dictionary<string, string> BuildForms()
    {
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in Lemmas)
        {
            var stem = l.EndsWith('e') ? l[..^1] : l;
            foreach (var f in new[] { l, l + "s", l + "es", stem + "ed", stem + "ing", l + "ed", l.EndsWith('y') ? l[..^1] + "ied" : l + "d" })
                forms.TryAdd(f, l);
        }
        foreach (var (f, l) in new[] { ("said", "say"), ("told", "tell"), ("began", "begin"), ("begun", "begin"), ("became", "become"), ("met", "meet"),
                     ("sent", "send"), ("sold", "sell"), ("bought", "buy"), ("took", "take"), ("held", "hold"), ("won", "win"), ("lost", "lose"),
                     ("rose", "rise"), ("risen", "rise"), ("fell", "fall"), ("fallen", "fall"), ("struck", "strike"), ("slapped", "slap"), ("banned", "ban") })
            forms[f] = l;
        return forms;
    }
}
