using System.Collections.Concurrent;

namespace Crosscheck.Core.Onnx;

/// <summary>
/// Adapts an <see cref="IStatementEmbedder"/> to a pairwise similarity of two texts in [0, 1] (the cosine of their
/// vectors, negatives read as 0), the shape of the quote matcher's optional <c>Similarity</c> hook:
/// <c>new QuoteMatcher { Similarity = new EmbeddingSimilarity(embedder).Similarity }</c>. Each distinct text is embedded
/// once and kept (thread-safe); <see cref="Warm"/> embeds many texts in batches ahead of the pairwise calls.
/// </summary>
public sealed class EmbeddingSimilarity(IStatementEmbedder embedder, int maxCached = 200_000)
{
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public IStatementEmbedder Embedder => embedder;

    /// <summary>Cosine of the two texts' vectors, at least 0.</summary>
    public double Similarity(string a, string b) =>
        a == b ? (Vector(a).Any(x => x != 0) ? 1.0 : 0.0) : Math.Max(0.0, StatementEmbeddings.Cosine(Vector(a), Vector(b)));

    /// <summary>The unit vector of a text (embedded on first use).</summary>
    public float[] Vector(string text)
    {
        if (_cache.TryGetValue(text, out var v)) return v;
        v = embedder.Embed([text])[0];
        Remember(text, v);
        return v;
    }

    /// <summary>Embeds, in batches, the texts not seen yet (say, all quotes of a story before matching them).</summary>
    public void Warm(IEnumerable<string> texts)
    {
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        var vectors = embedder.Embed(missing);
        for (int i = 0; i < missing.Count; i++) Remember(missing[i], vectors[i]);
    }

    private void Remember(string text, float[] v)
    {
        // a long run over many stories: start over rather than grow without bound (vectors are recomputed identically)
        if (_cache.Count >= maxCached) _cache.Clear();
        _cache.TryAdd(text, v);
    }
}
