using System.Text.Json;

namespace Crosscheck.Tests.Onnx;

/// <summary>
/// Writes tiny model folders the way a Hugging Face ONNX export lays them out. The NER model is context-free: the
/// embedding row of each vocabulary token is a one-hot of the label chosen for it (times 10), so the logits name that
/// label and a test can assert real decoding. The embedding model's hidden state is a fixed embedding times a matrix.
/// </summary>
internal static class TinyModels
{
    public static readonly string[] Specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    /// <summary>dslim/bert-base-NER's label order.</summary>
    public static readonly string[] NerLabels = ["O", "B-MISC", "I-MISC", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    /// <summary>Vocabulary token → label. "##yang" deliberately differs from "Pyong": only the first sub-word counts.</summary>
    public static readonly (string Token, string Label)[] NerVocab =
    [
        ("Kim", "B-PER"), ("Jong", "I-PER"), ("Un", "I-PER"), ("Chang", "B-PER"),
        ("Seoul", "B-LOC"), ("Moscow", "B-LOC"), ("Pyong", "B-LOC"), ("##yang", "B-ORG"),
        ("Kremlin", "I-ORG"), ("Reuters", "B-ORG"), ("United", "B-ORG"), ("Nations", "I-ORG"), ("Korean", "B-MISC"),
        ("lives", "O"), ("in", "O"), ("the", "O"), ("said", "O"), ("visited", "O"), ("and", "O"), (".", "O"), (",", "O"),
    ];

    public static string WriteNer(string dir, bool tokenTypeIds = true, object? config = null, bool writeConfig = true)
    {
        Directory.CreateDirectory(dir);
        var vocab = Specials.Concat(NerVocab.Select(v => v.Token)).ToArray();
        File.WriteAllLines(Path.Combine(dir, "vocab.txt"), vocab);
        int v = vocab.Length, l = NerLabels.Length;
        var emb = new float[v * l];
        for (int i = 0; i < v; i++)
        {
            var label = i < Specials.Length ? "O" : NerVocab[i - Specials.Length].Label;
            emb[i * l + Array.IndexOf(NerLabels, label)] = 10f;
        }
        var identity = new float[l * l];
        for (int i = 0; i < l; i++) identity[i * l + i] = 1f;
        var bias = new float[l];
        bias[0] = 0.5f; // a token with no label of its own falls to O

        var g = new TinyGraph()
            .Input("input_ids", TinyGraph.Int64, "batch", "sequence")
            .Input("attention_mask", TinyGraph.Int64, "batch", "sequence");
        if (tokenTypeIds) g.Input("token_type_ids", TinyGraph.Int64, "batch", "sequence");
        g.Initializer("embeddings", [v, l], emb).Initializer("classifier.weight", [l, l], identity).Initializer("classifier.bias", [l], bias)
            .Node("Gather", ["embeddings", "input_ids"], ["hidden"])
            .Node("MatMul", ["hidden", "classifier.weight"], ["scores"])
            .Node("Add", ["scores", "classifier.bias"], ["logits"])
            .Output("logits", TinyGraph.Float, "batch", "sequence", l);
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), g.ToModel());
        if (writeConfig)
            File.WriteAllText(Path.Combine(dir, "config.json"), JsonSerializer.Serialize(config ?? new
            {
                model_type = "bert",
                max_position_embeddings = 512,
                id2label = NerLabels.Select((x, i) => (x, i)).ToDictionary(p => p.i.ToString(), p => p.x),
            }));
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), """{"do_lower_case": false, "model_max_length": 512}""");
        return dir;
    }

    public static readonly string[] EmbedVocab =
    [
        "the", "minister", "said", "talks", "were", "useful", "cat", "sat", "on", "mat", "preposterous", "absurd", "and",
        "it", "makes", "no", "sense", ".",
    ];

    public const int Hidden = 6;

    /// <summary>Row r of the token embedding, deterministic and varied.</summary>
    public static float[] EmbeddingRow(int r) => Enumerable.Range(0, Hidden).Select(h => (float)Math.Sin(r * 1.7 + h * 0.9 + 0.3)).ToArray();

    /// <summary>The projection applied after the embedding (hidden × hidden).</summary>
    public static float[] Projection => Enumerable.Range(0, Hidden * Hidden).Select(i => i / Hidden == i % Hidden ? 1f : 0.1f * ((i % 5) - 2)).ToArray();

    /// <summary>MPNet's special tokens, in the order of <see cref="Specials"/> (pad, unk, cls, sep, mask).</summary>
    public static readonly string[] MpnetSpecials = ["<pad>", "<unk>", "<s>", "</s>", "<mask>"];

    /// <summary>
    /// An uncased vocabulary with no tokenizer_config.json (lower-casing is guessed), inputs without token_type_ids.
    /// Other special tokens (<see cref="MpnetSpecials"/>) are named in special_tokens_map.json as exports write it.
    /// </summary>
    public static string WriteEmbedder(string dir, string[]? specials = null)
    {
        Directory.CreateDirectory(dir);
        specials ??= Specials;
        if (specials != Specials)
            File.WriteAllText(Path.Combine(dir, "special_tokens_map.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["pad_token"] = specials[0], ["unk_token"] = specials[1],
                ["cls_token"] = new { content = specials[2], lstrip = false }, ["sep_token"] = specials[3], ["mask_token"] = specials[4],
            }));
        var vocab = specials.Concat(EmbedVocab).ToArray();
        File.WriteAllLines(Path.Combine(dir, "vocab.txt"), vocab);
        var emb = Enumerable.Range(0, vocab.Length).SelectMany(EmbeddingRow).ToArray();
        var g = new TinyGraph()
            .Input("input_ids", TinyGraph.Int64, "batch", "sequence")
            .Input("attention_mask", TinyGraph.Int64, "batch", "sequence")
            .Initializer("embeddings", [vocab.Length, Hidden], emb).Initializer("dense", [Hidden, Hidden], Projection)
            .Node("Gather", ["embeddings", "input_ids"], ["e"])
            .Node("MatMul", ["e", "dense"], ["last_hidden_state"])
            .Output("last_hidden_state", TinyGraph.Float, "batch", "sequence", Hidden);
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), g.ToModel());
        return dir;
    }

    /// <summary>The vector the embedder must give for a sequence of vocabulary ids ([CLS] … [SEP] included): mean of the hidden rows, unit length.</summary>
    public static float[] ExpectedEmbedding(int[] ids)
    {
        var w = Projection;
        var mean = new double[Hidden];
        foreach (var id in ids)
        {
            var row = EmbeddingRow(id);
            for (int j = 0; j < Hidden; j++)
                for (int i = 0; i < Hidden; i++) mean[j] += row[i] * w[i * Hidden + j];
        }
        var norm = Math.Sqrt(mean.Sum(x => x * x));
        return mean.Select(x => (float)(x / norm)).ToArray();
    }

    public static int EmbedId(string token, string[]? specials = null) =>
        Array.IndexOf(specials ?? Specials, token) is var s and >= 0 ? s : Specials.Length + Array.IndexOf(EmbedVocab, token);
}
