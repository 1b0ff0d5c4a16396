using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// How each source framed the story: the headline's key verb, loaded and hedging words of the reporter's own text
/// (quotations excluded), the claims only it reports and the facts most others carry that it omits.
/// </summary>
public static class FramingAnalyzer
{
    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase) { "could", "may", "might", "will", "would", "should", "can", "must" };

    private static readonly HashSet<string> HeadlineVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "mulls","weighs","considers","renews","warns","threatens","vows","slams","blasts","says","signs","urges","rejects","denies","eyes",
        "seeks","plans","rules","backs","hits","launches","announces","reconsiders","condemns","accuses","summons","pledges","agrees","refuses",
        "halts","bans","approves","confirms","reveals","admits","fires","kills","sends","arms","targets","expands","boosts","cuts","raises",
        "slaps","sanctions","calls","demands","defends","criticizes","criticises","praises","rejects","reviews","hints","signals","opens",
        "rises","reaches","climbs","jumps","surges","soars","falls","drops","sinks","capsizes","overturns","widens","deepens","spreads",
        "escalates","eases","grows","enters","ends","begins","resumes","collapses","stalls","strikes","dies","kills","hits","walks","quits",
        "resigns","wins","loses","blames","probes","investigates","arrests","charges","orders","vetoes","passes","unveils","admits",
        "mourns","evacuates","rescues","warns","threatens","stuns","sparks","triggers","fuels","faces","fails","delays","postpones",
        "gives","floods","starts","breaks","bursts","storms","takes","makes","wins","moves","shuts","closes","returns",
        "steals","follows","leaks","exposes","breaches","hacks","fines","sues","strikes","kills","injures","leaves","flees","seizes",
        "nears","piles","cries","counts","raids","recalls","searches","withdraws","orders",
    };

    private static readonly HashSet<string> Loaded = new(StringComparer.OrdinalIgnoreCase)
    {
        "preposterous","absurd","pariah","regime","slap","slaps","blindsided","badly","staunch","flawed","belatedly","failure","severe",
        "threat","threatens","aggression","aggressive","brutal","shocking","outrageous","reckless","notorious","infamous","rogue","dictator",
        "provocation","provocative","slammed","blasted","lashed","defiant","defiance","humiliating","disastrous","crisis","alarming","grave",
        "dangerous","escalating","escalation","heightened","fuelled","fueled","sweeping","draconian","crackdown","shortcomings","overstatement",
    };

    private static readonly HashSet<string> Hedging = new(StringComparer.OrdinalIgnoreCase)
    {
        "could","may","might","reportedly","possibly","potentially","allegedly","apparently","seemingly","likely","unlikely","perhaps",
        "suggest","suggests","suggested","appears","appear","seems","seem","hinting","hinted","signaling","signalling","indicated","expected",
        "considering","possibility","unconfirmed","alleged","purportedly","believed","estimated",
    };

    public static ImmutableArray<SourceFraming> Analyze(Story story, IReadOnlyList<ClaimNode> nodes, IReadOnlyDictionary<string, string> factOf,
        IReadOnlyDictionary<string, string> originOf)
    {
        // the independent origins that carry each fact
        var factOrigins = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var factDocs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var f = factOf[n.Id];
            if (!factOrigins.TryGetValue(f, out var o)) { factOrigins[f] = o = []; factDocs[f] = []; }
            o.Add(originOf.GetValueOrDefault(n.DocId, n.DocId));
            factDocs[f].Add(n.DocId);
        }
        int origins = story.Documents.Select(d => originOf.GetValueOrDefault(d.Id, d.Id)).Distinct().Count();
        var order = story.Documents.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<SourceFraming>();
        foreach (var doc in story.Documents)
        {
            var origin = originOf.GetValueOrDefault(doc.Id, doc.Id);
            // a fact only one origin carries is listed under the first of its documents (a wire story, not each copy of it)
            var exclusive = nodes.Where(n => n.DocId == doc.Id && factOrigins[factOf[n.Id]].All(o => o == origin)
                                             && factDocs[factOf[n.Id]].All(d => order[d] >= order[doc.Id])).Select(n => n.Id).ToImmutableArray();
            int othersNeeded = Math.Max(2, (origins - 1) / 2 + 1); // most of the other independent sources
            var omitted = factOrigins.Where(kv => !factDocs[kv.Key].Contains(doc.Id) && !kv.Value.Contains(origin) && kv.Value.Count >= othersNeeded)
                .Select(kv => kv.Key).OrderBy(f => int.Parse(f[1..])).ToImmutableArray();
            var (loaded, hedging) = Lexicon(doc);
            result.Add(new SourceFraming(doc.Id)
            {
                HeadlineVerb = HeadlineCandidates(doc).Select(HeadlineVerb).FirstOrDefault(v => v is not null),
                LoadedWords = loaded, HedgingWords = hedging,
                ExclusiveClaims = exclusive, OmittedFacts = omitted,
            });
        }
        return result.ToImmutable();
    }

    /// <summary>The title, then the first short blocks (a cleaner may take a section label for the title).</summary>
    private static IEnumerable<string> HeadlineCandidates(Document doc)
    {
        var blocks = doc.Clean?.Blocks ?? [];
        var candidates = new List<string>();
        if (doc.Title is { } t) candidates.Add(t);
        foreach (var b in blocks.Take(4)) candidates.Add(doc.Slice(b.Span));
        return candidates.Where(c => TextWords.Split(c, new TextSpan(0, c.Length)).Count is >= 3 and <= 20 && !c.TrimEnd().EndsWith('.')).Distinct();
    }

    /// <summary>The key verb of a headline: "to reconsider", "could arm", "renews threat", "mulls".</summary>
    public static string? HeadlineVerb(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var words = TextWords.Split(title, new TextSpan(0, title.Length)).Where(w => w.IsLetters).Select(w => w.Lower).ToList();
        for (int i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (Modals.Contains(w) && i + 1 < words.Count) return w + " " + words[i + 1];
            if (w == "to" && i + 1 < words.Count && !TextWords.StopWords.Contains(words[i + 1]) && IsSubjectBefore(words, i)) return "to " + words[i + 1];
            // "Telvarra hit by hackers": a listed verb's base or past form before "by" is a passive headline verb
            if (i + 1 < words.Count && words[i + 1] == "by" && (HeadlineVerbs.Contains(w + "s") || HeadlineVerbs.Contains(w + "es")))
                return w;
            // "Scam calls follow …": a listed -s word right before the base form of a listed verb is the plural noun subject
            if (HeadlineVerbs.Contains(w) && i + 1 < words.Count && !TextWords.StopWords.Contains(words[i + 1])
                && (HeadlineVerbs.Contains(words[i + 1] + "s") || HeadlineVerbs.Contains(words[i + 1] + "es"))) continue;
            if (HeadlineVerbs.Contains(w) || IsBaseOfListedVerb(words, i))
            {
                // "renews threat to ...": keep the object noun when a "to"-clause follows it
                if (i + 2 < words.Count && words[i + 2] == "to" && !TextWords.StopWords.Contains(words[i + 1])) return w + " " + words[i + 1];
                return w;
            }
        }
        // a verb the list lacks: a word in the present tense after the subject ("Dam breach floods Vesk valley", "Senne
        // counts the cost"): it ends in -s (not -ss/-us/-is/-ns/-ics, no apostrophe) and an object follows it at once (a
        // function word, a name or a figure), which a plural noun ("Disputed ballots pile up") does not have
        var raw = TextWords.Split(title, new TextSpan(0, title.Length)).Where(w => w.IsLetters || w.IsNumber).ToList();
        // a participle headline ("Fever syrup recalled after solvent found"): the first -ed word before a preposition
        for (int i = 1; i + 1 < raw.Count; i++)
            if (raw[i].IsLetters && raw[i].Lower.Length > 5 && raw[i].Lower.EndsWith("ed", StringComparison.Ordinal) && !raw[i].Lower.EndsWith("eed", StringComparison.Ordinal)
                && raw[i + 1].Lower is "after" or "over" or "by" or "in" or "for" or "amid" or "as")
                return raw[i].Lower;
        for (int i = 1; i + 1 < raw.Count; i++)
        {
            var w = raw[i].Lower;
            if (!raw[i].IsLetters || w.Length <= 3 || !w.EndsWith('s') || w.Contains('\'') || w.Contains('’')) continue;
            if (w.EndsWith("ss", StringComparison.Ordinal) || w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal)
                || w.EndsWith("ns", StringComparison.Ordinal) || w.EndsWith("ics", StringComparison.Ordinal) || TextWords.StopWords.Contains(w)) continue;
            var next = raw[i + 1];
            bool titleCase = raw.Where(x => x.IsLetters && x.Text.Length > 3).All(x => char.IsUpper(x.Text[0]));
            if (next.Lower is "and" or "or") continue; // "… customers and demand ransom": a list of nouns
            if (TextWords.StopWords.Contains(next.Text) || next.IsNumber || !titleCase && char.IsUpper(next.Text[0])) return w;
        }
        return null;
    }

    /// <summary>"reach" after a plural subject ("evacuations reach 3,400"): the base form of a listed verb.</summary>
    private static bool IsBaseOfListedVerb(List<string> words, int i) =>
        i >= 1 && words[i].Length > 2 && (HeadlineVerbs.Contains(words[i] + "s") || HeadlineVerbs.Contains(words[i] + "es"))
        && !TextWords.StopWords.Contains(words[i]) && (PluralSubjects.Contains(words[i - 1]) || words[i - 1].Length > 3 && words[i - 1].EndsWith('s')
        && !words[i - 1].EndsWith("ss", StringComparison.Ordinal) && !words[i - 1].EndsWith("us", StringComparison.Ordinal) && !words[i - 1].EndsWith("is", StringComparison.Ordinal));

    /// <summary>Plural subjects that do not end in -s ("police raid …", "children fall ill").</summary>
    private static readonly HashSet<string> PluralSubjects = new(StringComparer.Ordinal) { "police", "people", "children", "staff", "crew", "men", "women" };

    private static bool IsSubjectBefore(List<string> words, int i) => i >= 1 && !Modals.Contains(words[i - 1]);

    private static readonly HashSet<string> TechnicalFailures = new(StringComparer.Ordinal)
    { "kidney", "renal", "heart", "cardiac", "liver", "organ", "respiratory", "lung", "engine", "power", "system", "equipment", "brake", "structural" };

    private static (ImmutableArray<string> Loaded, ImmutableArray<string> Hedging) Lexicon(Document doc)
    {
        var loaded = new List<string>(); var hedging = new List<string>();
        foreach (var claim in doc.Claims)
        {
            bool inQuote = false;
            string previous = "";
            foreach (var w in TextWords.Split(doc.Text, claim.Span))
            {
                if (w.Text is "“" or "\"") { inQuote = w.Text == "“" || !inQuote; continue; }
                if (w.Text == "”") { inQuote = false; continue; }
                if (inQuote || !w.IsLetters) continue;
                var l = w.Lower;
                var before = previous;
                previous = l;
                // a term of medicine or engineering ("kidney failure", "engine failure") is no loaded word
                if (l == "failure" && TechnicalFailures.Contains(before)) continue;
                if (Loaded.Contains(l) && !loaded.Contains(l)) loaded.Add(l);
                if (Hedging.Contains(l) && !hedging.Contains(l)) hedging.Add(l);
            }
        }
        return ([.. loaded], [.. hedging]);
    }
}
