using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Crosscheck.Core.Onnx;

/// <summary>Session options shared by the ONNX components.</summary>
public sealed record OnnxOptions
{
    /// <summary>Sequences run through the model at once.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Longest sequence fed to the model, [CLS] and [SEP] included; 0 takes the model's own limit (at most 512).</summary>
    public int MaxSequenceLength { get; init; }

    /// <summary>Threads ONNX Runtime uses inside one run; 0 lets it choose. The pipeline already runs documents in parallel, so 1 avoids oversubscription.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Overrides the folder's lower-casing (tokenizer_config.json do_lower_case); null keeps it.</summary>
    public bool? LowerCase { get; init; }
}

/// <summary>
/// A BERT-style encoder behind ONNX Runtime with its WordPiece tokenizer: pads batches of id sequences and feeds the
/// inputs the graph declares (input_ids, attention_mask, token_type_ids; int64 or int32). Thread-safe: ONNX Runtime
/// sessions may run concurrently.
/// </summary>
internal sealed class OnnxEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Dictionary<string, Type> _inputs = new(StringComparer.Ordinal);

    public OnnxModelFolder Folder { get; }
    public BertTokenizer Tokenizer { get; }
    public int MaxSequenceLength { get; }
    public int BatchSize { get; }
    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    public OnnxEncoder(OnnxModelFolder folder, OnnxOptions options)
    {
        Folder = folder;
        bool lower = options.LowerCase ?? folder.LowerCase;
        try
        {
            var bert = new BertOptions { LowerCaseBeforeTokenization = lower, RemoveNonSpacingMarks = lower };
            var sp = folder.SpecialTokens;
            if (sp.TryGetValue("cls", out var cls)) bert.ClassificationToken = cls;
            if (sp.TryGetValue("sep", out var sep)) bert.SeparatorToken = sep;
            if (sp.TryGetValue("pad", out var pad)) bert.PaddingToken = pad;
            if (sp.TryGetValue("unk", out var unk)) bert.UnknownToken = unk;
            if (sp.TryGetValue("mask", out var mask)) bert.MaskingToken = mask;
            Tokenizer = BertTokenizer.Create(folder.VocabPath, bert);
        }
        catch (Exception e) when (e is not OnnxModelException)
        {
            throw new OnnxModelException($"{folder.VocabPath}: cannot build the WordPiece tokenizer: {e.Message}", e);
        }
        MaxSequenceLength = Math.Max(3, options.MaxSequenceLength > 0 ? options.MaxSequenceLength : folder.MaxSequenceLength);
        BatchSize = Math.Max(1, options.BatchSize);

        var so = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads > 0) { so.IntraOpNumThreads = options.IntraOpThreads; so.InterOpNumThreads = 1; }
        try { _session = new InferenceSession(folder.ModelPath, so); }
        catch (OnnxRuntimeException e) { throw new OnnxModelException($"{folder.ModelPath}: ONNX Runtime cannot load the model: {e.Message}", e); }
        finally { so.Dispose(); }

        foreach (var (name, meta) in _session.InputMetadata)
        {
            if (name is not ("input_ids" or "attention_mask" or "token_type_ids"))
            {
                _session.Dispose();
                throw new OnnxModelException($"{folder.ModelPath}: unexpected model input '{name}' (a BERT-style export takes input_ids, attention_mask and token_type_ids)");
            }
            if (meta.ElementType != typeof(long) && meta.ElementType != typeof(int))
            {
                _session.Dispose();
                throw new OnnxModelException($"{folder.ModelPath}: model input '{name}' has element type {meta.ElementType.Name}; expected int64 or int32");
            }
            _inputs[name] = meta.ElementType;
        }
        if (!_inputs.ContainsKey("input_ids"))
        {
            _session.Dispose();
            throw new OnnxModelException($"{folder.ModelPath}: the model has no 'input_ids' input");
        }
    }

    /// <summary>The WordPiece ids of one pre-split word (no special tokens); [UNK] when the word yields none.</summary>
    public int[] EncodeWord(string word)
    {
        var ids = Tokenizer.EncodeToIds(word, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        return ids.Count > 0 ? [.. ids] : [Tokenizer.UnknownTokenId];
    }

    /// <summary>The ids of a text, truncated to fit, wrapped in [CLS] … [SEP].</summary>
    public int[] EncodeText(string text)
    {
        var ids = Tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        int n = Math.Min(ids.Count, MaxSequenceLength - 2);
        var result = new int[n + 2];
        result[0] = Tokenizer.ClassificationTokenId;
        for (int i = 0; i < n; i++) result[i + 1] = ids[i];
        result[n + 1] = Tokenizer.SeparatorTokenId;
        return result;
    }

    /// <summary>The output tensor's name: the first of <paramref name="preferred"/> the model has, else its first output.</summary>
    public string OutputName(params string[] preferred) =>
        preferred.FirstOrDefault(_session.OutputMetadata.ContainsKey) ?? _session.OutputNames[0];

    /// <summary>
    /// Runs one padded batch of sequences (special tokens included, each at most <see cref="MaxSequenceLength"/>) and
    /// returns the named output as a flat row-major array with its dimensions.
    /// </summary>
    public (float[] Data, int[] Dims) Run(IReadOnlyList<int[]> sequences, string output)
    {
        int batch = sequences.Count, len = sequences.Max(s => s.Length);
        var ids = new long[batch * len];
        var mask = new long[batch * len];
        Array.Fill(ids, Tokenizer.PaddingTokenId);
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < sequences[b].Length; i++) { ids[b * len + i] = sequences[b][i]; mask[b * len + i] = 1; }
        int[] shape = [batch, len];
        var inputs = new List<NamedOnnxValue>(_inputs.Count);
        foreach (var (name, type) in _inputs)
        {
            var data = name switch { "input_ids" => ids, "attention_mask" => mask, _ => new long[batch * len] };
            inputs.Add(type == typeof(long)
                ? NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(data, shape))
                : NamedOnnxValue.CreateFromTensor(name, new DenseTensor<int>(data.Select(v => (int)v).ToArray(), shape)));
        }
        try
        {
            using var results = _session.Run(inputs, [output]);
            var tensor = results[0].AsTensor<float>();
            return (tensor.ToArray(), tensor.Dimensions.ToArray());
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"{Folder.ModelPath}: inference failed: {e.Message}", e);
        }
    }

    public void Dispose() => _session.Dispose();
}
