using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Stage entry point: aligns the claims of a story's documents (supportedBy / sameFactAs / contradictedBy, fact
/// groups), finds number discrepancies and settles them where the text allows, recognises wire copies, describes
/// each source's framing and writes the cited brief.
/// </summary>
public sealed class ClaimCrossChecker : IStoryPass
{
    public ClaimAligner Aligner { get; init; } = new();
    public NumberDiscrepancyFinder Discrepancies { get; init; } = new();
    public WireCopyDetector WireCopies { get; init; } = new();
    public PolarityDiscrepancyFinder Polarity { get; init; } = new();

    public string Name => "claim-cross-check";

    public Story Apply(Story story)
    {
        var nodes = ClaimFeatures.Build(story);
        var sharedOrigins = WireCopies.Detect(story.Documents);
        var originOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in sharedOrigins) foreach (var id in group) originOf[id] = group[0];

        var aligner = new ClaimAligner { AlignThreshold = Aligner.AlignThreshold, MaxPosting = Aligner.MaxPosting };
        aligner.Fit(nodes);
        var conflicts = Discrepancies.Find(nodes, aligner);
        var contradicted = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var discrepancies = story.Discrepancies.ToBuilder();
        // figures an earlier pass already reports as a number discrepancy are not reported again (attributions and dates
        // of the same sentences are other layers' findings and do not stop this one)
        var reported = story.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Number).SelectMany(d => d.Values).SelectMany(v => v.Spans).ToHashSet();
        foreach (var conflict in conflicts)
        {
            if (conflict.Members.All(m => m.Quantity.Span is { } qs && reported.Any(r => r.DocId == m.Node.DocId && r.Span.Overlaps(qs)))) continue;
            var d = DiscrepancyResolver.Build("d" + (discrepancies.Count + 1), conflict, nodes, originOf);
            discrepancies.Add(d);
            if (d.IsUpdate) continue;
            foreach (var a in conflict.Members)
                foreach (var b in conflict.Members)
                    if (a.Quantity.Value != b.Quantity.Value) Link(contradicted, a.Node.Id, b.Node.Id);
        }

        // the same statement of fact affirmed by one source and negated by another
        var candidates = aligner.Candidates(nodes, sameDocument: false);
        foreach (var od in Polarity.Find(candidates))
        {
            discrepancies.Add(od with { Id = "d" + (discrepancies.Count + 1) });
            Link(contradicted, od.Values[0].Claims[0], od.Values[1].Claims[0]);
        }

        // one office holder named differently (not a spelling variant), unless an earlier pass already reports it
        var namesReported = story.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Name).SelectMany(d => d.Values).SelectMany(v => v.Spans).ToHashSet();
        foreach (var nd in NameDiscrepancyFinder.Find(story, nodes, originOf))
            if (!nd.Values.SelectMany(v => v.Spans).All(namesReported.Contains))
                discrepancies.Add(nd with { Id = "d" + (discrepancies.Count + 1) });

        var supported = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var sameFact = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var groupOf = Enumerable.Range(0, nodes.Count).ToArray();
        var groups = nodes.Select(n => new List<int> { n.Order }).ToList();
        // contradicting claims are about one thing: same fact
        foreach (var (a, set) in contradicted.OrderBy(kv => kv.Key, ClaimIdComparer.Instance))
            foreach (var b in set) Merge(IndexOf(a), IndexOf(b));
        // average linkage: two groups merge when their claims are alike on average, so facts do not chain
        var sameStatement = SameStatementPairs(story, nodes);
        var links = candidates
            .Where(p => p.Score >= Threshold(p.A, p.B, aligner) && Compatible(p.A, p.B, p.Score) || sameStatement.Contains((p.A.Order, p.B.Order)))
            .Select(p => sameStatement.Contains((p.A.Order, p.B.Order)) ? (p.A, p.B, Math.Max(p.Score, aligner.AlignThreshold)) : p)
            .OrderByDescending(p => p.Item3).ThenBy(p => p.A.Order).ThenBy(p => p.B.Order).ToList();
        foreach (var (a, b, _) in links)
        {
            int ga = groupOf[a.Order], gb = groupOf[b.Order];
            if (ga != gb && (AverageSimilarity(groups[ga], groups[gb]) >= Threshold(a, b, aligner) || sameStatement.Contains((a.Order, b.Order))))
                Merge(a.Order, b.Order);
        }
        foreach (var (a, b, _) in links)
        {
            if (groupOf[a.Order] != groupOf[b.Order]) continue;
            if (contradicted.TryGetValue(a.Id, out var c) && c.Contains(b.Id)) continue;
            if (DifferInDetail(a, b)) Link(sameFact, a.Id, b.Id); else Link(supported, a.Id, b.Id);
        }
        int Find(int x) => groupOf[x];

        var factIds = new Dictionary<int, string>();
        var factOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            int root = Find(n.Order);
            if (!factIds.TryGetValue(root, out var f)) factIds[root] = f = "f" + (factIds.Count + 1);
            factOf[n.Id] = f;
        }

        var claims = nodes.Select(n => new StoryClaim(n.Id, n.DocId, n.Index)
        {
            SupportedBy = Get(supported, n.Id), SameFactAs = Get(sameFact, n.Id), ContradictedBy = Get(contradicted, n.Id), Fact = factOf[n.Id],
        }).ToImmutableArray();
        var finalDiscrepancies = discrepancies.ToImmutable();
        var newDiscrepancies = finalDiscrepancies.Skip(story.Discrepancies.Length).ToList();
        return story with
        {
            Claims = claims,
            Discrepancies = finalDiscrepancies,
            SharedOrigins = sharedOrigins,
            Framing = FramingAnalyzer.Analyze(story, nodes, factOf, originOf),
            Brief = BriefWriter.Write(nodes, factOf, originOf, newDiscrepancies, attributions: [.. story.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Attribution)]),
        };

        int IndexOf(string id) => nodes.First(n => n.Id == id).Order;
        void Merge(int x, int y)
        {
            int gx = groupOf[x], gy = groupOf[y];
            if (gx == gy) return;
            int keep = Math.Min(gx, gy), drop = Math.Max(gx, gy);
            foreach (var m in groups[drop]) { groupOf[m] = keep; groups[keep].Add(m); }
            groups[drop].Clear();
        }
        double AverageSimilarity(List<int> x, List<int> y)
        {
            double sum = 0; int count = 0;
            foreach (var i in x) foreach (var j in y)
                if (nodes[i].DocId != nodes[j].DocId) { sum += aligner.Similarity(nodes[i], nodes[j]); count++; }
            return count == 0 ? 0 : sum / count;
        }
    }

    /// <summary>Least share of a claim that a quotation must cover for the claim to be "that statement".</summary>
    public double QuoteCoverage { get; init; } = 0.5;

    /// <summary>
    /// Claims of different documents (node orders, lower first) that mostly consist of one statement as the quote layer
    /// matched it across outlets (same statement group): renderings of one quotation in other words or translations.
    /// </summary>
    private HashSet<(int, int)> SameStatementPairs(Story story, IReadOnlyList<ClaimNode> nodes)
    {
        var pairs = new HashSet<(int, int)>();
        if (story.Quotes.IsDefaultOrEmpty) return pairs;
        var byGroup = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var nodesByDoc = nodes.GroupBy(n => n.DocId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var q in story.Quotes)
        {
            if (q.StatementGroup is null || !nodesByDoc.TryGetValue(q.DocId, out var docNodes)) continue;
            var doc = story.Doc(q.DocId);
            if (q.Index < 0 || q.Index >= doc.Quotes.Length) continue;
            var span = doc.Quotes[q.Index].Span;
            foreach (var n in docNodes)
            {
                var c = n.Claim.Span;
                int overlap = Math.Min(c.End, span.End) - Math.Max(c.Start, span.Start);
                if (overlap <= 0 || overlap < QuoteCoverage * c.Length) continue;
                if (!byGroup.TryGetValue(q.StatementGroup, out var list)) byGroup[q.StatementGroup] = list = [];
                if (!list.Contains(n.Order)) list.Add(n.Order);
            }
        }
        foreach (var list in byGroup.Values)
        {
            if (list.Count > 40) continue;
            foreach (var x in list)
                foreach (var y in list)
                    if (x < y && nodes[x].DocId != nodes[y].DocId) pairs.Add((x, y));
        }
        return pairs;
    }

    /// <summary>Score from which two claims that state the same figure of the same counted thing are linked.</summary>
    public double FigureThreshold { get; init; } = 0.25;

    private double Threshold(ClaimNode a, ClaimNode b, ClaimAligner aligner) =>
        SharedCountedFigure(a, b) ? Math.Min(FigureThreshold, aligner.AlignThreshold) : aligner.AlignThreshold;

    /// <summary>Both claims count the same things with the same figure ("61 people rescued" / "61 people pulled alive"); old values of changes excluded.</summary>
    private static bool SharedCountedFigure(ClaimNode a, ClaimNode b, decimal minValue = 0)
    {
        for (int i = 0; i < a.Claim.Quantities.Count; i++)
        {
            var qa = a.Claim.Quantities[i];
            if (qa.Value < minValue || qa.Value <= 2 && qa.Value == decimal.Truncate(qa.Value) || CountedThing.ClassOf(qa) is not { } cls || new QuantityRef(a, i).IsFromValue) continue;
            for (int j = 0; j < b.Claim.Quantities.Count; j++)
                if (b.Claim.Quantities[j].Value == qa.Value && CountedThing.ClassOf(b.Claim.Quantities[j]) == cls && !new QuantityRef(b, j).IsFromValue) return true;
        }
        return false;
    }

    /// <summary>Score from which two claims are linked whatever their predicates.</summary>
    public double StrongScore { get; init; } = 0.55;

    /// <summary>
    /// Word overlap alone links claims that speak of the same actors doing different things ("decided to consider weapons
    /// support" / "provided humanitarian aid but refrained from supplying weapons"). Below <see cref="StrongScore"/> two
    /// claims are linked only when they also share the action (the same predicate, or both report speech) or a figure.
    /// </summary>
    private static readonly HashSet<string> NegationWords = new(StringComparer.OrdinalIgnoreCase) { "not", "never" };
    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    { "would", "will", "could", "can", "did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "should", "must", "may", "might", "shall" };
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase) { "be", "been", "have", "has", "had", "do", "does", "did", "yet", "ever", "to" };

    /// <summary>A content word right after "not"/"never"/"n't" in one claim stands in the other claim without a negation before it.</summary>
    private static bool NegatedInOnlyOne(ClaimNode a, ClaimNode b) =>
        a.Negation.Negated.Overlaps(b.Negation.Plain) || b.Negation.Negated.Overlaps(a.Negation.Plain);

    /// <summary>The lemmas of words negated in the claim, and of the words not negated (see <see cref="ClaimNode.Negation"/>).</summary>
    internal static (HashSet<string> Negated, HashSet<string> Plain) NegatedWords(ClaimNode n)
    {
        var words = TextWords.Split(n.Doc.Text, n.Claim.Span);
        var negated = new HashSet<string>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        bool pending = false;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!w.IsLetters) { pending = false; continue; }
            // a negated finite verb ("would not pay", "did not", "won't"), not a negated gerund ("for not publishing")
            if (w.Lower.EndsWith("n't") || w.Lower.EndsWith("n’t")
                || NegationWords.Contains(w.Text) && i > 0 && Modals.Contains(words[i - 1].Text)) { pending = true; continue; }
            if (Auxiliaries.Contains(w.Text) || TextWords.StopWords.Contains(w.Text) || w.Text.Length < 3) continue;
            var lemma = PredicateFinder.LemmaOf(w.Lower) ?? TextWords.Stem(w.Text);
            if (pending) negated.Add(lemma); else plain.Add(lemma);
            pending = false;
        }
        plain.ExceptWith(negated);
        return (negated, plain);
    }

    private bool Compatible(ClaimNode a, ClaimNode b, double score)
    {
        // different days, unless both count the same things with the same specific figure (10 or more; small counts such as
        // "two of the three terminals" recur by chance): a compound sentence may date one clause ("began the recount on
        // Wednesday, three days after the mayor finished 38 votes ahead") and state the figure in another
        if (DatedApart(a, b) && !SharedCountedFigure(a, b, minValue: 10)) return false;
        // "the company would not pay" / "the company would pay for a year of protection": the same verb negated in one
        // and not the other is not one fact (a true contradiction of one fact is the polarity finder's, found before)
        if (NegatedInOnlyOne(a, b)) return false;
        if (score >= StrongScore) return true;
        if (SharedFigure(a, b)) return true;
        var pa = PredicateClass(a.Claim.Predicate); var pb = PredicateClass(b.Claim.Predicate);
        return pa is null || pb is null || pa == pb;
    }

    /// <summary>
    /// Both claims tell of an action on a calendar day, and the days differ ("on Monday" = the 9th / "since February 2"):
    /// not the same fact (or, if it is, a date discrepancy for the timeline layer, not support). Quotations are exempt: the
    /// day a statement was made is reported differently more often than the statement.
    /// </summary>
    /// <summary>Both claims are dated to calendar days and the days differ (whatever their quotations).</summary>
    internal static bool DatedApartDays(ClaimNode a, ClaimNode b)
    {
        var da = Days(a); var db = Days(b);
        return da.Count > 0 && db.Count > 0 && !da.Overlaps(db);
    }

    private static bool DatedApart(ClaimNode a, ClaimNode b)
    {
        if (HasQuotation(a) || HasQuotation(b)) return false;
        var da = Days(a); var db = Days(b);
        return da.Count > 0 && db.Count > 0 && !da.Overlaps(db);
    }

    private static bool HasQuotation(ClaimNode n) => n.Claim.Text.AsSpan().IndexOfAny("“”\"") >= 0;

    private static HashSet<DateOnly> Days(ClaimNode n) => n.Days;

    private static string? PredicateClass(string? lemma) =>
        lemma is null ? null : PredicateFinder.Communication.Contains(lemma) ? "communication" : lemma;

    /// <summary>Both claims state the same figure (other than 0, 1 and 2, which say little).</summary>
    private static bool SharedFigure(ClaimNode a, ClaimNode b) =>
        a.Claim.Quantities.Any(qa => (qa.Value > 2 || qa.Value != decimal.Truncate(qa.Value)) && b.Claim.Quantities.Any(qb => qb.Value == qa.Value && qb.Unit == qa.Unit));

    /// <summary>Two aligned claims that count the same number of things described differently ("vessels" / "ships").</summary>
    private static bool DifferInDetail(ClaimNode a, ClaimNode b)
    {
        foreach (var qa in a.Claim.Quantities)
            foreach (var qb in b.Claim.Quantities)
                if (qa.Value == qb.Value && CountedThing.ClassOf(qa) is { } cls && cls == CountedThing.ClassOf(qb)
                    && !string.Equals(qa.What, qb.What, StringComparison.OrdinalIgnoreCase))
                    return true;
        return false;
    }

    private static void Link(Dictionary<string, SortedSet<string>> map, string a, string b)
    {
        if (a == b) return;
        if (!map.TryGetValue(a, out var sa)) map[a] = sa = new SortedSet<string>(ClaimIdComparer.Instance);
        if (!map.TryGetValue(b, out var sb)) map[b] = sb = new SortedSet<string>(ClaimIdComparer.Instance);
        sa.Add(b); sb.Add(a);
    }

    private static ImmutableArray<string> Get(Dictionary<string, SortedSet<string>> map, string id) =>
        map.TryGetValue(id, out var s) ? [.. s] : [];
}

/// <summary>Orders ids like "c2" before "c10".</summary>
public sealed class ClaimIdComparer : IComparer<string>
{
    public static readonly ClaimIdComparer Instance = new();
    public int Compare(string? x, string? y)
    {
        int nx = int.TryParse(x?[1..], out var a) ? a : int.MaxValue, ny = int.TryParse(y?[1..], out var b) ? b : int.MaxValue;
        return nx != ny ? nx.CompareTo(ny) : string.CompareOrdinal(x, y);
    }
}
