using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Recognises wire copies and light rewrites: each sentence gets a MinHash signature of its word 3-gram shingles,
/// locality-sensitive banding proposes sentence pairs, and two documents share an origin when most sentences of
/// the shorter one have a near-copy (Jaccard ≥ <see cref="SentenceJaccard"/>) in the other.
/// </summary>
public sealed class WireCopyDetector
{
    public double SentenceJaccard { get; init; } = 0.5;
    public double SharedFraction { get; init; } = 0.4;
    private const int Bands = 10, Rows = 2, Hashes = Bands * Rows;

    public ImmutableArray<ImmutableArray<string>> Detect(IReadOnlyList<Document> documents)
    {
        var units = new List<(int Doc, HashSet<ulong> Shingles, ulong[] Sig)>();
        var unitsPerDoc = new int[documents.Count];
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            IEnumerable<TextSpan> spans = doc.Claims.Length > 0 ? doc.Claims.Select(c => c.Span) : doc.Sentences.Select(s => s.Span);
            foreach (var span in spans)
            {
                var words = TextWords.Split(doc.Text, span).Where(w => w.IsLetters || w.IsNumber).Select(w => w.Lower).ToList();
                if (words.Count < 5) continue;
                var shingles = new HashSet<ulong>();
                for (int i = 0; i + 2 < words.Count; i++) shingles.Add(Fnv(words[i] + " " + words[i + 1] + " " + words[i + 2]));
                units.Add((d, shingles, Signature(shingles)));
                unitsPerDoc[d]++;
            }
        }
        // banding: sentences with an identical band are candidates
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        for (int u = 0; u < units.Count; u++)
            for (int b = 0; b < Bands; b++)
            {
                ulong key = 1469598103934665603UL;
                for (int r = 0; r < Rows; r++) key = (key ^ units[u].Sig[b * Rows + r]) * 1099511628211UL;
                if (!buckets.TryGetValue((b, key), out var list)) buckets[(b, key)] = list = [];
                list.Add(u);
            }
        // matched[(docA, docB)] = set of sentences of docA with a copy in docB
        var matched = new Dictionary<(int, int), HashSet<int>>();
        var compared = new HashSet<(int, int)>();
        foreach (var list in buckets.Values)
        {
            if (list.Count > 200) continue;
            for (int x = 0; x < list.Count; x++)
                for (int y = x + 1; y < list.Count; y++)
                {
                    int ua = list[x], ub = list[y];
                    if (units[ua].Doc == units[ub].Doc || !compared.Add((ua, ub))) continue;
                    if (Jaccard(units[ua].Shingles, units[ub].Shingles) < SentenceJaccard) continue;
                    Add(matched, (units[ua].Doc, units[ub].Doc), ua);
                    Add(matched, (units[ub].Doc, units[ua].Doc), ub);
                }
        }
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var ((a, b), set) in matched.OrderBy(kv => kv.Key))
        {
            if (a > b) continue;
            int shorter = Math.Min(unitsPerDoc[a], unitsPerDoc[b]);
            int count = Math.Min(set.Count, matched.TryGetValue((b, a), out var back) ? back.Count : 0);
            if (shorter > 0 && count >= 2 && (double)count / shorter >= SharedFraction)
            {
                int ra = Find(a), rb = Find(b);
                if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
        return [.. Enumerable.Range(0, documents.Count).GroupBy(Find).Where(g => g.Count() > 1).OrderBy(g => g.Key)
            .Select(g => g.Select(i => documents[i].Id).ToImmutableArray())];
    }

    private static void Add(Dictionary<(int, int), HashSet<int>> map, (int, int) key, int unit)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = [];
        set.Add(unit);
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    private static ulong[] Signature(HashSet<ulong> shingles)
    {
        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
            for (int h = 0; h < Hashes; h++)
            {
                ulong v = Mix(s ^ (0x9E3779B97F4A7C15UL * (ulong)(h + 1)));
                if (v < sig[h]) sig[h] = v;
            }
        return sig;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a: a stable hash (string.GetHashCode differs between runs).</summary>
    public static ulong Fnv(string s)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
        return h;
    }
}
