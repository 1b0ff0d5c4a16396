using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>A quantity of a story claim.</summary>
public sealed record QuantityRef(ClaimNode Node, int QuantityIndex)
{
    public Quantity Quantity => Node.Claim.Quantities[QuantityIndex];
    public bool IsFromValue => QuantityParser.IsFromValue(Node.Doc.Text, Quantity);
}

/// <summary>A number discrepancy found before ids are given: the quantities for each competing value.</summary>
public sealed record NumberConflict(string ClassKey, string? Role, ImmutableArray<QuantityRef> Members);

/// <summary>
/// Finds claims that give different values for the same counted thing. Quantities are bucketed by counted class,
/// role and unit; within a bucket, two values conflict only when the claims are about the same thing: in one
/// document, both state an "added"/"delta"/"total" figure and the claims are alike or share another figure;
/// across documents, the claims are aligned. Old values of "from X to Y" changes never conflict.
/// </summary>
public sealed class NumberDiscrepancyFinder
{
    public double SameDocumentSimilarity { get; init; } = 0.25;
    public double CrossDocumentSimilarity { get; init; } = 0.35;

    public List<NumberConflict> Find(IReadOnlyList<ClaimNode> nodes, ClaimAligner aligner)
    {
        // per call, never on the instance: stories are cross-checked in parallel with one finder
        var changes = ChangesStated(nodes);
        var totals = PartsTotals(nodes);
        var buckets = new SortedDictionary<string, List<QuantityRef>>(StringComparer.Ordinal);
        foreach (var n in nodes)
            for (int i = 0; i < n.Claim.Quantities.Length(); i++)
            {
                var r = new QuantityRef(n, i);
                var cls = CountedThing.ClassOf(r.Quantity);
                if (cls is null || r.IsFromValue) continue;
                // roles are compared pair by pair: a plain count and a total may be the same figure ("19 deaths" / "rose to 19")
                var key = cls + "|" + (r.Quantity.Role is "added" or "delta" or "margin" ? r.Quantity.Role : "") + "|" + r.Quantity.Unit;
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                list.Add(r);
            }

        var conflicts = new List<NumberConflict>();
        foreach (var (key, list) in buckets)
        {
            if (list.Count < 2 || list.Count > 300) continue;
            var parent = Enumerable.Range(0, list.Count).ToArray();
            int FindRoot(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
            var inConflict = new HashSet<int>();
            for (int x = 0; x < list.Count; x++)
                for (int y = x + 1; y < list.Count; y++)
                {
                    var a = list[x]; var b = list[y];
                    if (a.Node == b.Node || a.Quantity.Value == b.Quantity.Value) continue;
                    if (!Conflicts(a, b, aligner, changes, totals)) continue;
                    inConflict.Add(x); inConflict.Add(y);
                    int ra = FindRoot(x), rb = FindRoot(y);
                    if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            if (inConflict.Count == 0) continue;
            // quantities stating one of the conflicting values in claims aligned with a member join that value
            foreach (var group in inConflict.GroupBy(FindRoot).OrderBy(g => g.Key))
            {
                var members = group.OrderBy(i => i).Select(i => list[i]).ToList();
                var values = members.Select(m => m.Quantity.Value).ToHashSet();
                for (int k = 0; k < list.Count; k++)
                {
                    if (inConflict.Contains(k) || !values.Contains(list[k].Quantity.Value)) continue;
                    if (members.Any(m => m.Node != list[k].Node && m.Quantity.Value == list[k].Quantity.Value
                                         && m.Node.DocId != list[k].Node.DocId && (SameFigure(m, list[k], aligner) || SameCountedPhrase(m, list[k]))))
                        members.Add(list[k]);
                }
                var parts = key.Split('|');
                var role = parts[1].Length > 0 ? parts[1] : members.Any(m => m.Quantity.Role == "total") ? "total" : null;
                conflicts.Add(new NumberConflict(parts[0], role,
                    [.. members.OrderBy(m => m.Node.Order).ThenBy(m => m.QuantityIndex)]));
            }
        }
        return conflicts;
    }

    private bool Conflicts(QuantityRef a, QuantityRef b, ClaimAligner aligner, HashSet<(string, decimal)> changes, HashSet<(string, decimal)> totals)
    {
        var qa = a.Quantity; var qb = b.Quantity;
        if (CountedThing.QualifiersConflict(qa, qb)) return false;
        if ((qa.Approximate || qb.Approximate) && Math.Abs(qa.Value - qb.Value) <= 0.15m * Math.Max(qa.Value, qb.Value)) return false;
        // a claim that states both values speaks of two things (a change stated as "up from X" is no second thing: it
        // tells the update)
        if (StatesOther(a.Node, qb.Value) || StatesOther(b.Node, qa.Value)) return false;
        // the figure given in parts elsewhere ("36,200 private customers and 6,300 business customers" / "42,500 customers")
        if (PartsAddUpTo(a.Node, qb.Value) || PartsAddUpTo(b.Node, qa.Value)) return false;
        // a figure proposed or hoped for ("a law that would make operators report within 24 hours") is not a report of the
        // figure in force ("within the 72 hours the law allows")
        if (Hypothetical(a) != Hypothetical(b)) return false;
        // the same digits in another order ("47" / "74", "234" / "243") counting the same thing: one figure, garbled
        // once, unless a document states both (two figures); the years of the sentences do not part them ("completed
        // in 1971, is 47 metres high" / "the 74-metre embankment")
        if (IsTransposition(qa.Value, qb.Value) && !(qa.Approximate || qb.Approximate)
            && (a.Node.DocId == b.Node.DocId || !DocumentStates(b.Node.Doc, qa) && !DocumentStates(a.Node.Doc, qb))) return true;
        // figures of different years ("in 2019 another ferry carrying 120 passengers sank") are of different events
        if (Years(a.Node) is { } ya && Years(b.Node) is { } yb && !ya.Overlaps(yb)) return false;
        // outlets misreport a figure by a slip (a digit, a transposition, an old value), not by a factor of three or more:
        // values that far apart are of different things ("380,000 customers" / "42,500 customers whose ID numbers")
        if (qa.Role is not "total" && qb.Role is not "total" && Math.Min(qa.Value, qb.Value) > 0 && Math.Max(qa.Value, qb.Value) > 3 * Math.Min(qa.Value, qb.Value)) return false;
        double sim = aligner.Similarity(a.Node, b.Node);
        if (a.Node.DocId == b.Node.DocId)
        {
            // two plain counts of one thing in one article, one of which the parts another claim gives add up to
            // ("180,000 bottles" / "the 160,000 bottles recalled"; elsewhere "142,000 … and another 38,000")
            if (qa.Role is null && qb.Role is null && CountedThing.ClassOf(qa) is { } cls
                && (totals.Contains((cls, qa.Value)) || totals.Contains((cls, qb.Value)))) return true;
            if (qa.Role is null || qb.Role is null || qa.Role != qb.Role) return false;
            return sim >= SameDocumentSimilarity || ShareAnotherFigure(a, b) || ConfirmedByChange(a, b, changes);
        }
        // a document that itself states the other value for the same thing is speaking of two different figures
        if (DocumentStates(b.Node.Doc, qa) || DocumentStates(a.Node.Doc, qb)) return false;
        // a measure with no counted noun (a price, a speed) in two claims that each name who it belongs to, and share
        // no one, is of different subjects ("Alvar Motors ... 41,000 euros" / "Berko Cars ... 45,000 euros")
        if (string.IsNullOrEmpty(qa.What) && string.IsNullOrEmpty(qb.What) && DifferentSubjects(a.Node, b.Node)) return false;
        if (sim >= CrossDocumentSimilarity && (qa.Role is not null || qb.Role is not null || sim >= CrossDocumentSimilarity + 0.15)) return true;
        // the same governing word around both figures ("carrying 148 passengers" / "carrying 184 passengers", "rose to 19" / "rose to 23")
        if (sim >= FrameSimilarity && Frame(a).Overlaps(Frame(b))) return true;
        // a death toll within one story: the story's event, reported at different times
        if (CountedThing.ClassOf(qa) == "death" && (qa.Role is "total" || qb.Role is "total") && sim >= DeathTollSimilarity) return true;
        // any count reported as changing ("the number of ballots set aside ... rose to 57") against an earlier plain figure of it
        return (qa.Role is "total" && DiscrepancyResolver.HasUpdateCue(a) || qb.Role is "total" && DiscrepancyResolver.HasUpdateCue(b)) && sim >= FrameSimilarity;
    }

    /// <summary>Two whole numbers of two digits or more, written with the same digits in another order.</summary>
    public static bool IsTransposition(decimal a, decimal b)
    {
        if (a == b || a != decimal.Truncate(a) || b != decimal.Truncate(b) || a < 10 || b < 10) return false;
        var da = a.ToString(System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        var db = b.ToString(System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        if (da.Length != db.Length) return false;
        Array.Sort(da); Array.Sort(db);
        return da.AsSpan().SequenceEqual(db);
    }

    /// <summary>Both claims name people or organisations (story entities; places do not count) and share none.</summary>
    private static bool DifferentSubjects(ClaimNode a, ClaimNode b) =>
        !a.Subjects.IsEmpty && !b.Subjects.IsEmpty && !a.Subjects.Intersect(b.Subjects, StringComparer.Ordinal).Any();

    /// <summary>The years a claim speaks of (see <see cref="ClaimNode.Years"/>).</summary>
    public static HashSet<int>? Years(ClaimNode n) => n.Years;

    /// <summary>Two quantities of equal value in claims of different documents state the same figure.</summary>
    private bool SameFigure(QuantityRef a, QuantityRef b, ClaimAligner aligner)
    {
        if (Years(a.Node) is { } ya && Years(b.Node) is { } yb && !ya.Overlaps(yb)) return false;
        double sim = aligner.Similarity(a.Node, b.Node);
        return sim >= CrossDocumentSimilarity || sim >= FrameSimilarity && Frame(a).Overlaps(Frame(b));
    }

    /// <summary>
    /// Equal values counting the same thing in the same words, two words at least ("14 polling stations" / "the town's 14
    /// polling stations"), in documents that state no other value of that thing: one figure, however the sentences differ.
    /// </summary>
    private static bool SameCountedPhrase(QuantityRef a, QuantityRef b)
    {
        if (a.Quantity.What is not { } wa || b.Quantity.What is not { } wb || !wa.Contains(' ') || !string.Equals(wa, wb, StringComparison.OrdinalIgnoreCase)) return false;
        if (Years(a.Node) is { } ya && Years(b.Node) is { } yb && !ya.Overlaps(yb)) return false;
        var cls = CountedThing.ClassOf(a.Quantity);
        return !b.Node.Doc.Claims.Any(c => c.Quantities.Any(x => x.Value != b.Quantity.Value && x.Role == b.Quantity.Role && CountedThing.ClassOf(x) == cls));
    }

    /// <summary>Least similarity of two claims whose figures share a governing word.</summary>
    public double FrameSimilarity { get; init; } = 0.15;
    /// <summary>Least similarity of two claims giving a death toll.</summary>
    public double DeathTollSimilarity { get; init; } = 0.1;

    private static readonly HashSet<string> FrameSkip = new(StringComparer.OrdinalIgnoreCase)
    { "to", "at", "least", "about", "around", "nearly", "almost", "roughly", "some", "of", "the", "a", "an", "by", "up", "than", "more", "over", "just", "only", "were", "was", "had", "have", "has", "been", "be", "are", "is", "still", "now" };

    /// <summary>The stems of the nearest content word before a figure and of the nearest one after its noun phrase.</summary>
    public static HashSet<string> Frame(QuantityRef r)
    {
        var text = r.Node.Doc.Text;
        var words = TextWords.Split(text, r.Node.Claim.Span);
        var span = r.Quantity.Span!.Value;
        var frame = new HashSet<string>(StringComparer.Ordinal);
        int first = words.FindIndex(w => w.Span.Start >= span.Start);
        int last = words.FindLastIndex(w => w.Span.End <= span.End);
        if (first < 0 || last < 0) return frame;
        for (int k = first - 1, seen = 0; k >= 0 && seen < 3; k--, seen++)
        {
            if (!words[k].IsLetters) break;
            if (FrameSkip.Contains(words[k].Text) || TextWords.StopWords.Contains(words[k].Text)) continue;
            frame.Add(TextWords.Stem(words[k].Text)); break;
        }
        // past the counted noun phrase as it stands in the text ("148 passengers and ..."; a noun found before the figure is not after it)
        var what = new HashSet<string>((r.Quantity.What ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        int after = last + 1;
        while (after < words.Count && what.Contains(words[after].Text)) after++;
        // "nine carriages of the Drosk to Merrowby express left …": past a short "of" phrase, the verb governs the figure
        if (after < words.Count && words[after].Lower == "of")
            for (int k = after + 1; k < Math.Min(words.Count, after + 9); k++)
                if (words[k].IsLetters && Crosscheck.Core.CrossCheck.Time.EventLexicon.LooksLikeActionVerb(words[k].Lower)) { frame.Add(TextWords.Stem(words[k].Text)); break; }
        for (int k = after, seen = 0; k < words.Count && seen < 3; k++, seen++)
        {
            if (!words[k].IsLetters) break;
            if (FrameSkip.Contains(words[k].Text) || TextWords.StopWords.Contains(words[k].Text)) continue;
            frame.Add(TextWords.Stem(words[k].Text)); break;
        }
        return frame;
    }

    /// <summary>The story states a change ("from 1,640 to 1,850") equal to one of two "added" values of the same thing.</summary>
    private static bool ConfirmedByChange(QuantityRef a, QuantityRef b, HashSet<(string, decimal)> changes)
    {
        if (a.Quantity.Role is not ("added" or "delta" or "margin")) return false;
        var cls = CountedThing.ClassOf(a.Quantity)!;
        return changes.Contains((cls, a.Quantity.Value)) || changes.Contains((cls, b.Quantity.Value));
    }

    /// <summary>The totals of claims that count one thing in parts ("142,000 bottles … and another 38,000"): two or more
    /// plain counts whose counted classes agree (a part that names none takes the others').</summary>
    public static HashSet<(string, decimal)> PartsTotals(IReadOnlyList<ClaimNode> nodes)
    {
        var totals = new HashSet<(string, decimal)>();
        foreach (var n in nodes) if (PartsTotal(n) is { } t) totals.Add(t);
        return totals;
    }

    /// <summary>The counted class and sum of a claim's two or more plain counts of one thing, or null.</summary>
    private static (string Class, decimal Sum)? PartsTotal(ClaimNode n)
    {
        var parts = n.Claim.Quantities.Where(q => q.Role is null && q.Unit == "count").ToList();
        if (parts.Count < 2) return null;
        var classes = parts.Select(CountedThing.ClassOf).OfType<string>().Distinct().ToList();
        return classes.Count == 1 ? (classes[0], parts.Sum(q => q.Value)) : null;
    }

    /// <summary>The differences of "from X to Y" pairs and of "X votes to Y" results in the story, by counted class.</summary>
    public static HashSet<(string, decimal)> ChangesStated(IReadOnlyList<ClaimNode> nodes)
    {
        var changes = new HashSet<(string, decimal)>();
        foreach (var n in nodes)
            for (int i = 0; i < n.Claim.Quantities.Count; i++)
            {
                var from = new QuantityRef(n, i);
                if (!from.IsFromValue || CountedThing.ClassOf(from.Quantity) is not { } cls) continue;
                for (int j = i + 1; j < n.Claim.Quantities.Count; j++)
                    if (CountedThing.ClassOf(n.Claim.Quantities[j]) == cls) changes.Add((cls, Math.Abs(n.Claim.Quantities[j].Value - from.Quantity.Value)));
            }
        foreach (var n in nodes)
            foreach (var (a, b) in ResultPairs(n))
                changes.Add((CountedThing.ClassOf(a)!, Math.Abs(a.Value - b.Value)));
        return changes;
    }

    /// <summary>
    /// A result of two sides in one claim: "6,326 votes to 6,288", "52 votes against 47", "3-1": the first figure counts
    /// something, the second follows it after "to", "against" or "versus" and counts the same thing or nothing named.
    /// </summary>
    public static IEnumerable<(Quantity A, Quantity B)> ResultPairs(ClaimNode n)
    {
        var text = n.Doc.Text;
        var qs = n.Claim.Quantities;
        for (int i = 0; i + 1 < qs.Count; i++)
        {
            var a = qs[i]; var b = qs[i + 1];
            if (a.Span is not { } sa || b.Span is not { } sb || a.Role is not null || b.Role is not null || a.Unit != b.Unit) continue;
            if (CountedThing.ClassOf(a) is not { } cls || !cls.Equals(CountedThing.ClassOf(b) ?? cls, StringComparison.Ordinal)) continue;
            var between = text[sa.End..sb.Start].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (between.Length is < 1 or > 3 || between[^1] is not ("to" or "against" or "versus" or "vs" or "vs.")) continue;
            if (between.Length > 1 && !string.Join(' ', between[..^1]).Equals(a.What, StringComparison.OrdinalIgnoreCase)) continue;
            yield return (a, b);
        }
    }

    private static bool DocumentStates(Document doc, Quantity q)
    {
        var cls = CountedThing.ClassOf(q);
        return doc.Claims.Any(c => c.Quantities.Any(x => x.Value == q.Value && CountedThing.ClassOf(x) == cls && !QuantityParser.IsFromValue(doc.Text, x)));
    }

    /// <summary>The claim states <paramref name="value"/> other than as the old value of a change ("up from 380,000").</summary>
    private static bool StatesOther(ClaimNode n, decimal value) =>
        n.Claim.Quantities.Any(q => q.Value == value && !QuantityParser.IsFromValue(n.Doc.Text, q));

    /// <summary>The claim gives <paramref name="value"/> in parts (see <see cref="PartsTotal"/>).</summary>
    private static bool PartsAddUpTo(ClaimNode n, decimal value) => PartsTotal(n) is { } t && t.Sum == value;

    private static readonly string[] HypotheticalCues = [" would ", " plans ", " planned ", " proposed ", " proposes ", " proposal ", " wants ", " draft ", " bill ", " could ", " might "];

    /// <summary>The figure sits in a clause of plans or proposals (a cue word before it in its claim).</summary>
    private static bool Hypothetical(QuantityRef r)
    {
        if (r.Quantity.Span is not { } span) return false;
        var claim = r.Node.Claim.Span;
        var before = " " + r.Node.Doc.Text[claim.Start..Math.Max(claim.Start, span.Start)].ToLowerInvariant() + " ";
        return HypotheticalCues.Any(before.Contains);
    }

    /// <summary>Both claims state another equal figure of the same counted class (e.g. the same new total).</summary>
    private static bool ShareAnotherFigure(QuantityRef a, QuantityRef b)
    {
        var cls = CountedThing.ClassOf(a.Quantity);
        for (int i = 0; i < a.Node.Claim.Quantities.Length(); i++)
        {
            if (i == a.QuantityIndex) continue;
            var qa = a.Node.Claim.Quantities[i];
            if (CountedThing.ClassOf(qa) != cls) continue;
            for (int j = 0; j < b.Node.Claim.Quantities.Length(); j++)
                if (j != b.QuantityIndex && b.Node.Claim.Quantities[j].Value == qa.Value && CountedThing.ClassOf(b.Node.Claim.Quantities[j]) == cls)
                    return true;
        }
        return false;
    }
}

internal static class ListExtensions
{
    public static int Length<T>(this IReadOnlyList<T> list) => list.Count;
}
