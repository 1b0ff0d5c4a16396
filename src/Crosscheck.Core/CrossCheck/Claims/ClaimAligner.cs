namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Finds pairs of claims about the same thing without comparing all pairs: claims are indexed by their rarer terms
/// (entity keys, numbers, uncommon content words) and only claims sharing one are scored, by IDF-weighted cosine.
/// </summary>
public sealed class ClaimAligner
{
    /// <summary>Score from which two claims of different documents are taken to state the same fact.</summary>
    public double AlignThreshold { get; init; } = 0.36;
    /// <summary>Longest posting list used to propose candidates (a common word proposes nothing).</summary>
    public int MaxPosting { get; init; } = 40;

    private Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private Dictionary<string, double> _norms = new(StringComparer.Ordinal);

    /// <summary>Prepares IDF weights for the claims of one story.</summary>
    public void Fit(IReadOnlyList<ClaimNode> nodes)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes) foreach (var t in n.Terms) df[t] = df.GetValueOrDefault(t) + 1;
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + (double)nodes.Count / kv.Value), StringComparer.Ordinal);
        _norms = nodes.ToDictionary(n => n.Id, n => Math.Sqrt(n.Terms.Sum(t => Weight(t) * Weight(t))), StringComparer.Ordinal);
    }

    private double Weight(string term) => _idf.GetValueOrDefault(term) * (term[0] == 'w' ? 1.0 : 1.2);

    /// <summary>IDF-weighted cosine similarity of two claims' terms.</summary>
    public double Similarity(ClaimNode a, ClaimNode b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            int c = string.CompareOrdinal(a.Terms[i], b.Terms[j]);
            if (c == 0) { var w = Weight(a.Terms[i]); dot += w * w; i++; j++; }
            else if (c < 0) i++; else j++;
        }
        double na = _norms.GetValueOrDefault(a.Id), nb = _norms.GetValueOrDefault(b.Id);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    /// <summary>Candidate pairs (by node order, a before b) that share at least one indexed term, with their scores.</summary>
    public List<(ClaimNode A, ClaimNode B, double Score)> Candidates(IReadOnlyList<ClaimNode> nodes, bool sameDocument)
    {
        var postings = new SortedDictionary<string, List<ClaimNode>>(StringComparer.Ordinal);
        foreach (var n in nodes)
            foreach (var t in n.Terms)
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(n);
            }
        var seen = new HashSet<(int, int)>();
        var result = new List<(ClaimNode, ClaimNode, double)>();
        foreach (var (_, list) in postings)
        {
            if (list.Count < 2 || list.Count > MaxPosting) continue;
            for (int x = 0; x < list.Count; x++)
                for (int y = x + 1; y < list.Count; y++)
                {
                    var a = list[x]; var b = list[y];
                    if ((a.DocId == b.DocId) != sameDocument) continue;
                    if (!seen.Add((a.Order, b.Order))) continue;
                    result.Add((a, b, Similarity(a, b)));
                }
        }
        result.Sort((p, q) => p.Item1.Order != q.Item1.Order ? p.Item1.Order.CompareTo(q.Item1.Order) : p.Item2.Order.CompareTo(q.Item2.Order));
        return result;
    }
}
