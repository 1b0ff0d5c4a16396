using System.Text.Json;

namespace Crosscheck.Core.Onnx;

/// <summary>
/// A Hugging Face style model folder exported to ONNX: <c>model.onnx</c>, the WordPiece <c>vocab.txt</c>, and
/// optionally <c>config.json</c> (labels in <c>id2label</c>, <c>max_position_embeddings</c>),
/// <c>tokenizer_config.json</c> (<c>do_lower_case</c>, <c>model_max_length</c>) and <c>labels.txt</c> (one label a line,
/// in id order). Every problem is reported as an <see cref="OnnxModelException"/> that names the path at fault.
/// </summary>
public sealed class OnnxModelFolder
{
    public string Directory { get; }
    public string ModelPath { get; }
    public string VocabPath { get; }

    /// <summary>Labels in id order (from config.json id2label, else labels.txt); empty when the folder has neither.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Whether the vocabulary wants lower-cased input (tokenizer_config.json do_lower_case, else guessed from the vocabulary).</summary>
    public bool LowerCase { get; }

    /// <summary>
    /// Special tokens that differ from BERT's ([CLS] [SEP] [PAD] [UNK] [MASK]), by role: cls, sep, pad, unk, mask
    /// (from special_tokens_map.json, else tokenizer_config.json; MPNet exports use &lt;s&gt; &lt;/s&gt; and so on).
    /// </summary>
    public IReadOnlyDictionary<string, string> SpecialTokens { get; }

    /// <summary>The longest input the model takes, special tokens included (config and tokenizer limits, at most 512).</summary>
    public int MaxSequenceLength { get; }

    private OnnxModelFolder(string dir, string model, string vocab, IReadOnlyList<string> labels, bool lower, int maxLen, IReadOnlyDictionary<string, string> specials)
    {
        Directory = dir; ModelPath = model; VocabPath = vocab; Labels = labels; LowerCase = lower; MaxSequenceLength = maxLen; SpecialTokens = specials;
    }

    /// <summary>Reads the folder (or a path to its model.onnx); throws <see cref="OnnxModelException"/> naming what is missing or unreadable.</summary>
    public static OnnxModelFolder Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string dir = path;
        if (File.Exists(path) && path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        else if (!System.IO.Directory.Exists(path))
            throw new OnnxModelException($"{path}: ONNX model folder not found (expected a folder holding model.onnx and vocab.txt)");

        string model = File.Exists(path) ? path : FindModel(dir)
            ?? throw new OnnxModelException($"{Path.Combine(dir, "model.onnx")}: model file not found (put the exported model.onnx in the folder)");
        string vocab = Path.Combine(dir, "vocab.txt");
        if (!File.Exists(vocab))
            throw new OnnxModelException($"{vocab}: WordPiece vocabulary not found (copy vocab.txt from the model's tokenizer files)");

        var config = ReadJson(Path.Combine(dir, "config.json"));
        var tokConfig = ReadJson(Path.Combine(dir, "tokenizer_config.json"));
        var labels = LabelsFrom(config, dir);

        bool lower = tokConfig is { } tc && tc.TryGetProperty("do_lower_case", out var dl) && dl.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? dl.GetBoolean()
            : !VocabHasUpperCase(vocab);

        int maxLen = 512;
        if (config is { } c && c.TryGetProperty("max_position_embeddings", out var mp) && mp.TryGetInt32(out var m) && m > 0) maxLen = Math.Min(maxLen, m);
        if (tokConfig is { } t && t.TryGetProperty("model_max_length", out var ml) && ml.ValueKind == JsonValueKind.Number && ml.TryGetInt64(out var l) && l > 0) maxLen = (int)Math.Min(maxLen, l);
        var specials = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { ReadJson(Path.Combine(dir, "special_tokens_map.json")), tokConfig })
            foreach (var role in new[] { "cls", "sep", "pad", "unk", "mask" })
                if (!specials.ContainsKey(role) && source is { } j && j.TryGetProperty(role + "_token", out var tok) && TokenText(tok) is { } text)
                    specials[role] = text;
        return new OnnxModelFolder(dir, model, vocab, labels, lower, maxLen, specials);
    }

    /// <summary>model.onnx, else the only *.onnx of the folder (or of its onnx/ subfolder, as some exports lay it out).</summary>
    private static string? FindModel(string dir)
    {
        foreach (var d in new[] { dir, Path.Combine(dir, "onnx") })
        {
            if (!System.IO.Directory.Exists(d)) continue;
            var p = Path.Combine(d, "model.onnx");
            if (File.Exists(p)) return p;
            var all = System.IO.Directory.GetFiles(d, "*.onnx").Order(StringComparer.Ordinal).ToArray();
            if (all.Length == 1) return all[0];
        }
        return null;
    }

    /// <summary>A special token given as a string or as an AddedToken object ({"content": "[CLS]", ...}).</summary>
    private static string? TokenText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object when e.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String => c.GetString(),
        _ => null,
    };

    private static JsonElement? ReadJson(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new OnnxModelException($"{path}: expected a JSON object");
            return doc.RootElement.Clone();
        }
        catch (JsonException e) { throw new OnnxModelException($"{path}: not valid JSON: {e.Message}"); }
        catch (IOException e) { throw new OnnxModelException($"{path}: cannot read: {e.Message}"); }
    }

    private static IReadOnlyList<string> LabelsFrom(JsonElement? config, string dir)
    {
        if (config is { } c && c.TryGetProperty("id2label", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            var pairs = new SortedDictionary<int, string>();
            foreach (var p in map.EnumerateObject())
            {
                if (!int.TryParse(p.Name, out var id) || id < 0 || p.Value.ValueKind != JsonValueKind.String)
                    throw new OnnxModelException($"{Path.Combine(dir, "config.json")}: id2label entry \"{p.Name}\" is not an id with a label");
                pairs[id] = p.Value.GetString()!;
            }
            if (pairs.Count > 0)
            {
                if (pairs.Keys.Last() != pairs.Count - 1)
                    throw new OnnxModelException($"{Path.Combine(dir, "config.json")}: id2label ids are not 0..{pairs.Count - 1}");
                return [.. pairs.Values];
            }
        }
        var txt = Path.Combine(dir, "labels.txt");
        if (File.Exists(txt))
            return File.ReadAllLines(txt).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return [];
    }

    /// <summary>A cased vocabulary holds ordinary tokens with capitals; uncased ones hold none outside [CLS]-style specials.</summary>
    private static bool VocabHasUpperCase(string vocab)
    {
        foreach (var line in File.ReadLines(vocab))
        {
            if (line.StartsWith('[') && line.EndsWith(']')) continue;
            if (line.StartsWith('<') && line.EndsWith('>')) continue;
            foreach (var ch in line) if (char.IsUpper(ch)) return true;
        }
        return false;
    }
}

/// <summary>A model folder that cannot be used: the message names the path and what is wrong.</summary>
public sealed class OnnxModelException(string message, Exception? inner = null) : Exception(message, inner);
