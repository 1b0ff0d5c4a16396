using Crosscheck.Core.Onnx;

namespace Crosscheck.Tests.Onnx;

public sealed class TinyEmbedderFixture : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("crosscheck-emb-").FullName;
    public OnnxStatementEmbedder Embedder { get; }

    public TinyEmbedderFixture() => Embedder = OnnxStatementEmbedder.Load(TinyModels.WriteEmbedder(Path.Combine(Dir, "tiny-embed")), new OnnxOptions { BatchSize = 2 });

    public void Dispose()
    {
        Embedder.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}

public class StatementEmbedderTests(TinyEmbedderFixture fx) : IClassFixture<TinyEmbedderFixture>
{
    [Fact]
    public void Vectors_are_unit_length_and_equal_the_masked_mean_of_the_hidden_state()
    {
        var v = fx.Embedder.Embed("The minister said talks were useful.");
        Assert.Equal(TinyModels.Hidden, v.Length);
        Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 5);
        // uncased vocabulary: "The" is lower-cased to "the"; [CLS] and [SEP] are part of the mean
        string[] tokens = ["[CLS]", "the", "minister", "said", "talks", "were", "useful", ".", "[SEP]"];
        var ids = tokens.Select(t => TinyModels.EmbedId(t)).ToArray();
        var expected = TinyModels.ExpectedEmbedding(ids);
        for (int i = 0; i < v.Length; i++) Assert.Equal(expected[i], v[i], 4);
    }

    [Fact]
    public void Identical_texts_have_cosine_one_and_a_different_text_less()
    {
        var texts = new[] { "It makes no sense.", "the cat sat on the mat", "It makes no sense.", "preposterous and absurd" };
        var v = fx.Embedder.Embed(texts);
        Assert.Equal(1.0, StatementEmbeddings.Cosine(v[0], v[2]), 5);
        Assert.True(StatementEmbeddings.Cosine(v[0], v[1]) < 0.99, $"cosine {StatementEmbeddings.Cosine(v[0], v[1])}");
        Assert.True(StatementEmbeddings.Cosine(v[0], v[3]) < 0.99);
    }

    [Fact]
    public void Padding_in_a_batch_does_not_change_a_vector()
    {
        var alone = fx.Embedder.Embed("useful");
        var batched = fx.Embedder.Embed(["the minister said talks were useful and it makes no sense", "useful", "the cat"]);
        for (int i = 0; i < alone.Length; i++) Assert.Equal(alone[i], batched[1][i], 5);
    }

    [Fact]
    public void Special_tokens_named_by_the_export_are_used()
    {
        var dir = TinyModels.WriteEmbedder(Path.Combine(fx.Dir, "mpnet-like"), TinyModels.MpnetSpecials);
        using var embedder = OnnxStatementEmbedder.Load(dir);
        var v = embedder.Embed("talks were useful");
        string[] tokens = ["<s>", "talks", "were", "useful", "</s>"];
        var expected = TinyModels.ExpectedEmbedding(tokens.Select(t => TinyModels.EmbedId(t, TinyModels.MpnetSpecials)).ToArray());
        for (int i = 0; i < v.Length; i++) Assert.Equal(expected[i], v[i], 4);
    }

    [Fact]
    public void Neighbours_are_ranked_by_cosine_above_the_floor()
    {
        float[][] vectors = [[1, 0], [0.8f, 0.6f], [0, 1], [-1, 0]];
        var n = StatementEmbeddings.Neighbours(vectors, k: 2, minCosine: 0.1);
        Assert.Equal([1], n[0].Select(p => p.Index));
        Assert.Equal([0, 2], n[1].Select(p => p.Index));
        Assert.Empty(n[3]);
        Assert.Equal(0.8, n[0][0].Cosine, 5);
    }
}

public class EmbeddingSimilarityTests(TinyEmbedderFixture fx) : IClassFixture<TinyEmbedderFixture>
{
    private sealed class Counting(IStatementEmbedder inner) : IStatementEmbedder
    {
        public int Calls, Texts;
        public string Name => "counting";
        public float[][] Embed(IReadOnlyList<string> texts) { Interlocked.Increment(ref Calls); Interlocked.Add(ref Texts, texts.Count); return inner.Embed(texts); }
    }

    [Fact]
    public void Similarity_is_cosine_in_0_1_and_each_text_is_embedded_once()
    {
        var counting = new Counting(fx.Embedder);
        var sim = new EmbeddingSimilarity(counting);
        const string a = "It makes no sense.", b = "the cat sat on the mat";
        Assert.Equal(1.0, sim.Similarity(a, a), 5);
        double ab = sim.Similarity(a, b);
        Assert.InRange(ab, 0.0, 0.99);
        Assert.Equal(Math.Max(0, StatementEmbeddings.Cosine(fx.Embedder.Embed(a), fx.Embedder.Embed(b))), ab, 5);
        Assert.Equal(ab, sim.Similarity(b, a), 10);
        Assert.Equal(2, counting.Texts);
    }

    [Fact]
    public void Warm_embeds_unseen_texts_in_one_batch()
    {
        var counting = new Counting(fx.Embedder);
        var sim = new EmbeddingSimilarity(counting);
        sim.Warm(["talks were useful", "the cat", "talks were useful", "preposterous and absurd"]);
        Assert.Equal((1, 3), (counting.Calls, counting.Texts));
        sim.Similarity("the cat", "preposterous and absurd");
        Assert.Equal(1, counting.Calls);
    }
}
