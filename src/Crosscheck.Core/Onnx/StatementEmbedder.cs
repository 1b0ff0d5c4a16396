namespace Crosscheck.Core.Onnx;

/// <summary>
/// Maps a statement (a quote's text) to a vector whose cosine with another statement's vector says how alike their
/// meaning is, across wording and translation. Vectors are L2-normalised, so the cosine is their dot product.
/// Implementations must be deterministic and safe to call from several threads.
/// </summary>
public interface IStatementEmbedder
{
    string Name { get; }

    /// <summary>One unit vector per text, in order (a zero vector for a text with nothing to embed).</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}

public static class StatementEmbeddings
{
    /// <summary>The vector of one text.</summary>
    public static float[] Embed(this IStatementEmbedder embedder, string text) => embedder.Embed([text])[0];

    /// <summary>Cosine similarity of two vectors (0 when either is zero).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"vectors of different lengths ({a.Length}, {b.Length})");
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += (double)a[i] * b[i]; na += (double)a[i] * a[i]; nb += (double)b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>Scales a vector to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> v)
    {
        double n = 0;
        foreach (var x in v) n += (double)x * x;
        if (n == 0) return;
        float inv = (float)(1.0 / Math.Sqrt(n));
        for (int i = 0; i < v.Length; i++) v[i] *= inv;
    }

    /// <summary>
    /// For each vector, the indexes of its <paramref name="k"/> most similar others at or above <paramref name="minCosine"/>,
    /// best first (ties by index). Exhaustive within the set: meant for the quotes of one story, not a corpus.
    /// </summary>
    public static List<(int Index, double Cosine)>[] Neighbours(IReadOnlyList<float[]> vectors, int k, double minCosine)
    {
        var result = new List<(int, double)>[vectors.Count];
        for (int i = 0; i < vectors.Count; i++)
        {
            var list = new List<(int Index, double Cosine)>();
            for (int j = 0; j < vectors.Count; j++)
            {
                if (j == i) continue;
                double c = Cosine(vectors[i], vectors[j]);
                if (c >= minCosine) list.Add((j, c));
            }
            list.Sort((x, y) => y.Cosine != x.Cosine ? y.Cosine.CompareTo(x.Cosine) : x.Index.CompareTo(y.Index));
            if (list.Count > k) list.RemoveRange(k, list.Count - k);
            result[i] = list;
        }
        return result;
    }
}

/// <summary>
/// A sentence-embedding model exported to ONNX (a sentence-transformers model such as all-MiniLM-L6-v2 or a
/// multilingual one): the mean of the last hidden state over the real tokens ([CLS] and [SEP] included, padding not),
/// L2-normalised. A model whose output is already pooled ([batch, dim], e.g. "sentence_embedding") is used as is.
/// </summary>
public sealed class OnnxStatementEmbedder : IStatementEmbedder, IDisposable
{
    private readonly OnnxEncoder _encoder;
    private readonly string _output;

    public string Name { get; }

    private OnnxStatementEmbedder(OnnxEncoder encoder)
    {
        _encoder = encoder;
        _output = encoder.OutputName("last_hidden_state", "token_embeddings", "sentence_embedding");
        int rank = encoder.Outputs[_output].Dimensions.Length;
        if (rank is not (2 or 3))
        {
            encoder.Dispose();
            throw new OnnxModelException($"{encoder.Folder.ModelPath}: output '{_output}' has rank {rank}; expected [batch, sequence, hidden] or [batch, dim]");
        }
        Name = "onnx:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(encoder.Folder.Directory)));
    }

    /// <summary>Loads the model folder (model.onnx + vocab.txt); throws <see cref="OnnxModelException"/> naming the path when it cannot be used.</summary>
    public static OnnxStatementEmbedder Load(string path, OnnxOptions? options = null) =>
        new(new OnnxEncoder(OnnxModelFolder.Open(path), options ?? new OnnxOptions()));

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var seqs = texts.Select(_encoder.EncodeText).ToArray();
        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, seqs.Length).OrderByDescending(i => seqs[i].Length).ThenBy(i => i).ToArray();
        for (int b = 0; b < order.Length; b += _encoder.BatchSize)
        {
            var idx = order.Skip(b).Take(_encoder.BatchSize).ToArray();
            var (data, dims) = _encoder.Run(idx.Select(i => seqs[i]).ToList(), _output);
            for (int j = 0; j < idx.Length; j++)
            {
                float[] v;
                if (dims.Length == 2)
                    v = data.AsSpan(j * dims[1], dims[1]).ToArray();
                else
                {
                    int len = dims[1], hidden = dims[2], n = seqs[idx[j]].Length;
                    v = new float[hidden];
                    for (int t = 0; t < n; t++)
                    {
                        var row = data.AsSpan((j * len + t) * hidden, hidden);
                        for (int h = 0; h < hidden; h++) v[h] += row[h];
                    }
                    for (int h = 0; h < hidden; h++) v[h] /= n;
                }
                StatementEmbeddings.Normalize(v);
                result[idx[j]] = v;
            }
        }
        return result;
    }

    public void Dispose() => _encoder.Dispose();
}
