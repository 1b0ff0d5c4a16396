using Crosscheck.Core.Annotate.Entities;

namespace Crosscheck.Core.Onnx;

/// <summary>
/// A BERT-style token-classification model (a Hugging Face export such as dslim/bert-base-NER) behind
/// <see cref="INerTagger"/>. Each pre-split word is WordPiece-encoded; the label of its first sub-word is the word's
/// label; labels decode to spans with <see cref="NerLabelDecoder"/>. Sentences longer than the model's limit are cut
/// into overlapping windows of whole words, and each word takes its label from the window where it sits farthest from
/// a cut. Windows of all sentences run in batches, longest first.
/// </summary>
public sealed class OnnxNerTagger : INerTagger, IDisposable
{
    private readonly OnnxEncoder _encoder;
    private readonly NerLabelDecoder.Label[] _labels;
    private readonly string _output;

    public string Name { get; }

    private long _tokensRun;

    /// <summary>WordPiece tokens fed to the model so far ([CLS], [SEP] and window overlaps included, padding not).</summary>
    public long TokensRun => Interlocked.Read(ref _tokensRun);

    /// <summary>The model's labels in id order.</summary>
    public IReadOnlyList<string> Labels { get; }

    private OnnxNerTagger(OnnxEncoder encoder)
    {
        _encoder = encoder;
        var folder = encoder.Folder;
        if (folder.Labels.Count == 0)
        {
            encoder.Dispose();
            throw new OnnxModelException($"{Path.Combine(folder.Directory, "config.json")}: no labels (give id2label in config.json, or labels.txt with one label a line)");
        }
        Labels = folder.Labels;
        _labels = folder.Labels.Select(NerLabelDecoder.Parse).ToArray();
        _output = encoder.OutputName("logits");
        var dims = encoder.Outputs[_output].Dimensions;
        if (dims.Length != 3 || dims[2] > 0 && dims[2] != _labels.Length)
        {
            encoder.Dispose();
            throw new OnnxModelException($"{folder.ModelPath}: output '{_output}' has shape [{string.Join(",", dims)}]; expected [batch, sequence, {_labels.Length}] for the {_labels.Length} labels");
        }
        Name = "onnx:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Directory)));
    }

    /// <summary>Loads the model folder; throws <see cref="OnnxModelException"/> naming the path when it cannot be used.</summary>
    public static OnnxNerTagger Load(string path, OnnxOptions? options = null) =>
        new(new OnnxEncoder(OnnxModelFolder.Open(path), options ?? new OnnxOptions()));

    private sealed record Window(int Sentence, int WordStart, int WordEnd, int[] Ids, int[] FirstPiece);

    public IReadOnlyList<NerSpan>[] Tag(IReadOnlyList<string[]> sentences)
    {
        var cache = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int budget = _encoder.MaxSequenceLength - 2;
        var windows = new List<Window>();
        var pieces = new int[sentences.Count][][];
        for (int k = 0; k < sentences.Count; k++)
        {
            var words = sentences[k];
            pieces[k] = new int[words.Length][];
            for (int i = 0; i < words.Length; i++)
            {
                if (!cache.TryGetValue(words[i], out var ids)) cache[words[i]] = ids = _encoder.EncodeWord(words[i]);
                pieces[k][i] = ids.Length <= budget ? ids : ids[..budget];
            }
            foreach (var (s, e) in Windows(pieces[k], budget)) windows.Add(MakeWindow(k, s, e, pieces[k]));
        }

        // per word: best label so far and how far it sat from a window cut
        var best = new int[sentences.Count][];
        var margin = new int[sentences.Count][];
        for (int k = 0; k < sentences.Count; k++)
        {
            best[k] = new int[sentences[k].Length];
            margin[k] = new int[sentences[k].Length];
            Array.Fill(margin[k], -1);
        }

        var order = Enumerable.Range(0, windows.Count).OrderByDescending(w => windows[w].Ids.Length).ThenBy(w => w).ToArray();
        for (int b = 0; b < order.Length; b += _encoder.BatchSize)
        {
            var batch = order.Skip(b).Take(_encoder.BatchSize).Select(w => windows[w]).ToList();
            var (logits, dims) = _encoder.Run(batch.Select(w => w.Ids).ToList(), _output);
            Interlocked.Add(ref _tokensRun, batch.Sum(w => (long)w.Ids.Length));
            int len = dims[1], nl = dims[2];
            if (nl != _labels.Length)
                throw new OnnxModelException($"{_encoder.Folder.ModelPath}: the model gave {nl} scores per token for {_labels.Length} labels");
            for (int j = 0; j < batch.Count; j++)
            {
                var w = batch[j];
                int n = sentences[w.Sentence].Length;
                for (int i = w.WordStart; i < w.WordEnd; i++)
                {
                    int left = w.WordStart == 0 ? int.MaxValue / 2 : i - w.WordStart;
                    int right = w.WordEnd == n ? int.MaxValue / 2 : w.WordEnd - 1 - i;
                    int m = Math.Min(left, right);
                    if (m <= margin[w.Sentence][i]) continue;
                    margin[w.Sentence][i] = m;
                    best[w.Sentence][i] = ArgMax(logits.AsSpan((j * len + w.FirstPiece[i - w.WordStart]) * nl, nl));
                }
            }
        }

        var result = new IReadOnlyList<NerSpan>[sentences.Count];
        for (int k = 0; k < sentences.Count; k++)
            result[k] = NerLabelDecoder.Decode(best[k].Select(l => _labels[l]).ToArray());
        return result;
    }

    /// <summary>Word ranges [start, end) whose pieces fit the budget; consecutive windows overlap by about half.</summary>
    public static List<(int Start, int End)> Windows(int[][] pieces, int budget)
    {
        var result = new List<(int, int)>();
        int n = pieces.Length;
        if (n == 0) return result;
        int s = 0;
        while (true)
        {
            int e = s, used = 0;
            while (e < n && (e == s || used + pieces[e].Length <= budget)) used += pieces[e++].Length;
            result.Add((s, e));
            if (e >= n) break;
            // next window starts so that its first half re-reads the tail of this one
            int next = e, tail = 0;
            while (next - 1 > s && tail + pieces[next - 1].Length <= budget / 2) tail += pieces[--next].Length;
            s = Math.Max(next, s + 1);
        }
        return result;
    }

    private Window MakeWindow(int sentence, int start, int end, int[][] pieces)
    {
        int count = 0;
        for (int i = start; i < end; i++) count += pieces[i].Length;
        var ids = new int[count + 2];
        var first = new int[end - start];
        ids[0] = _encoder.Tokenizer.ClassificationTokenId;
        int p = 1;
        for (int i = start; i < end; i++)
        {
            first[i - start] = p;
            pieces[i].CopyTo(ids, p);
            p += pieces[i].Length;
        }
        ids[p] = _encoder.Tokenizer.SeparatorTokenId;
        return new Window(sentence, start, end, ids, first);
    }

    private static int ArgMax(ReadOnlySpan<float> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    public void Dispose() => _encoder.Dispose();
}
