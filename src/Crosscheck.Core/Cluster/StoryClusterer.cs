using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Cluster;

/// <summary>
/// Stage entry point: groups documents into stories without comparing all pairs. Each document becomes a TF-IDF
/// vector of names, content words, word bigrams and numbers (<see cref="DocumentFeatures"/>); an inverted index over
/// each document's strongest features proposes candidate neighbours; candidates whose cosine similarity reaches
/// <see cref="LinkThreshold"/> are linked, and linked groups merge only while their average similarity (absent links
/// counting as zero) stays above <see cref="AverageThreshold"/>, which stops chains of loosely related articles.
/// Stories are ordered by size, then by their first document; a story's title is its most central document's.
/// </summary>
public sealed class StoryClusterer : IStoryClusterer
{
    /// <summary>Cosine similarity from which two documents are linked.</summary>
    public double LinkThreshold { get; init; } = 0.14;
    /// <summary>Average similarity two groups must keep to be merged.</summary>
    public double AverageThreshold { get; init; } = 0.10;
    /// <summary>Features per document looked up in the index to find candidates.</summary>
    public int QueryFeatures { get; init; } = 40;
    /// <summary>Index entries longer than this (features in too many documents) are not used to find candidates.</summary>
    public int MaxPostings { get; init; } = 500;

    public IReadOnlyList<Story> Cluster(IReadOnlyList<Document> documents)
    {
        int n = documents.Count;
        if (n == 0) return [];
        var vectors = Vectorise(documents);
        var edges = CandidateEdges(vectors);
        var clusters = AverageLinkage(n, edges);

        var similarity = edges.ToDictionary(e => (e.A, e.B), e => e.Similarity);
        var stories = clusters
            .Select(members => members.Order().ToList())
            .OrderByDescending(m => m.Count).ThenBy(m => m[0])
            .Select((members, i) =>
            {
                var central = members.OrderByDescending(a => members.Where(b => b != a).Sum(b => similarity.GetValueOrDefault((Math.Min(a, b), Math.Max(a, b)))))
                    .ThenBy(a => a).First();
                var doc = documents[central];
                return new Story
                {
                    Id = $"story{i + 1}",
                    Title = doc.Title ?? doc.Source.StatedTitle ?? FirstLine(doc.Text),
                    Documents = [.. members.Select(m => documents[m])],
                };
            }).ToList();
        return stories;
    }

    /// <summary>Unit-length TF-IDF vectors, features sorted by key for deterministic iteration.</summary>
    internal static SparseVector[] Vectorise(IReadOnlyList<Document> documents)
    {
        var raw = new Dictionary<string, double>[documents.Count];
        Parallel.For(0, documents.Count, i => raw[i] = DocumentFeatures.Extract(documents[i]));
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in raw) foreach (var k in f.Keys) df[k] = df.GetValueOrDefault(k) + 1;
        int n = documents.Count;
        var vectors = new SparseVector[n];
        for (int i = 0; i < n; i++)
        {
            var weights = raw[i]
                .Where(kv => df[kv.Key] > 1 || n == 1) // a feature no other document has cannot link anything
                .Select(kv => (Key: kv.Key, Weight: (1 + Math.Log(kv.Value)) * Idf(n, df[kv.Key])))
                .Where(x => x.Weight > 0)
                .OrderBy(x => x.Key, StringComparer.Ordinal).ToArray();
            // The norm uses all features (unique ones too), so that a document's own vocabulary dilutes its similarity.
            double norm = Math.Sqrt(raw[i].Sum(kv => Math.Pow((1 + Math.Log(kv.Value)) * Idf(n, df[kv.Key]), 2)));
            vectors[i] = new SparseVector(weights.Select(x => x.Key).ToArray(), weights.Select(x => norm > 0 ? x.Weight / norm : 0).ToArray());
        }
        return vectors;
    }

    /// <summary>
    /// Inverse document frequency damped by <see cref="PseudoDocuments"/> imaginary documents that lack the feature:
    /// near-flat for a handful of documents (where every shared word would otherwise look common), the usual IDF for many.
    /// </summary>
    private static double Idf(int n, int df) => Math.Log(1 + (n + PseudoDocuments) / (df + PseudoDocuments));

    private const double PseudoDocuments = 5;

    internal sealed record SparseVector(string[] Keys, double[] Weights)
    {
        public double Dot(SparseVector other)
        {
            double sum = 0;
            int i = 0, j = 0;
            while (i < Keys.Length && j < other.Keys.Length)
            {
                int c = string.CompareOrdinal(Keys[i], other.Keys[j]);
                if (c == 0) { sum += Weights[i] * other.Weights[j]; i++; j++; }
                else if (c < 0) i++;
                else j++;
            }
            return sum;
        }
    }

    internal readonly record struct Edge(int A, int B, double Similarity);

    /// <summary>Candidate pairs from the inverted index (strongest features only), scored by exact cosine.</summary>
    internal List<Edge> CandidateEdges(SparseVector[] vectors)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < vectors.Length; i++)
            foreach (var k in vectors[i].Keys)
                (index.TryGetValue(k, out var list) ? list : index[k] = []).Add(i);

        var edges = new List<Edge>();
        var candidates = new HashSet<int>();
        for (int i = 0; i < vectors.Length; i++)
        {
            candidates.Clear();
            var v = vectors[i];
            var strongest = Enumerable.Range(0, v.Keys.Length).OrderByDescending(k => v.Weights[k]).ThenBy(k => k).Take(QueryFeatures);
            foreach (var k in strongest)
            {
                var postings = index[v.Keys[k]];
                if (postings.Count > MaxPostings) continue;
                foreach (var j in postings) if (j > i) candidates.Add(j);
            }
            foreach (var j in candidates.Order())
            {
                double s = v.Dot(vectors[j]);
                if (s >= LinkThreshold) edges.Add(new Edge(i, j, s));
            }
        }
        return edges;
    }

    /// <summary>Merges linked groups, strongest link first, while their average similarity stays above the threshold.</summary>
    internal List<List<int>> AverageLinkage(int n, List<Edge> edges)
    {
        var members = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToArray();
        var owner = Enumerable.Range(0, n).ToArray();
        // Sum of link similarities between clusters, keyed by the other cluster's id.
        var links = Enumerable.Range(0, n).Select(_ => new SortedDictionary<int, double>()).ToArray();
        foreach (var e in edges)
        {
            links[e.A][e.B] = links[e.A].GetValueOrDefault(e.B) + e.Similarity;
            links[e.B][e.A] = links[e.B].GetValueOrDefault(e.A) + e.Similarity;
        }
        // Max-heap of cluster pairs by average similarity; entries made stale by a merge are skipped when popped.
        var heap = new PriorityQueue<(int A, int B, double Avg), (double, int, int)>(Comparer<(double, int, int)>.Default);
        double Average(int a, int b) => links[a].GetValueOrDefault(b) / (members[a].Count * (double)members[b].Count);
        void Push(int a, int b)
        {
            if (a > b) (a, b) = (b, a);
            double avg = Average(a, b);
            if (avg >= AverageThreshold) heap.Enqueue((a, b, avg), (-avg, a, b));
        }
        foreach (var e in edges) Push(e.A, e.B);
        while (heap.TryDequeue(out var top, out _))
        {
            var (a, b, avg) = top;
            if (owner[a] != a || owner[b] != b || members[a].Count == 0 || members[b].Count == 0) continue;
            if (Math.Abs(Average(a, b) - avg) > 1e-12) continue; // stale: a newer entry exists for this pair
            // Merge b into a.
            foreach (var m in members[b]) owner[m] = a;
            members[a].AddRange(members[b]);
            members[b] = [];
            foreach (var (c, sum) in links[b])
            {
                if (c == a) continue;
                links[a][c] = links[a].GetValueOrDefault(c) + sum;
                links[c].Remove(b);
                links[c][a] = links[c].GetValueOrDefault(a) + sum;
            }
            links[a].Remove(b);
            links[b].Clear();
            foreach (var c in links[a].Keys) Push(a, c);
        }
        return Enumerable.Range(0, n).Where(i => owner[i] == i).Select(i => members[i]).ToList();
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        int nl = line.IndexOf('\n');
        var first = (nl < 0 ? line : line[..nl]).Trim();
        return first.Length > 120 ? first[..120].ToString() : first.Length == 0 ? "Untitled story" : first.ToString();
    }
}
