using System.IO.Compression;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// The default statistical recogniser: an averaged perceptron over hashed features, decoded greedily left to right
/// over BILOU tags with the previous two tags as features (in the manner of Ratinov and Roth 2009).
/// Trained by <see cref="PerceptronNerTrainer"/>; stored as gzip (data/models/ner-perceptron.bin.gz, embedded).
/// </summary>
public sealed class PerceptronNerModel
{
    private const int T = NerTags.Count;
    private const uint Magic = 0x4E455232; // "NER2"
    internal readonly Dictionary<uint, int> Index;
    internal float[] Weights;

    public CountryGazetteer Gazetteer { get; }

    /// <summary>Names of the training data with their types (null when the model was trained without them).</summary>
    public NerLexicon? Lexicon { get; internal set; }

    /// <summary>Which optional feature groups the model uses (<see cref="NerFeatures.LineFeatures"/> and others).</summary>
    public int Features { get; }

    /// <summary>For a two-stage model: the first stage, whose tags over the whole document are features of this one.</summary>
    public PerceptronNerModel? First { get; internal set; }

    /// <summary>Number of features with a weight (both stages).</summary>
    public int FeatureCount => Index.Count + (First?.FeatureCount ?? 0);

    internal PerceptronNerModel(Dictionary<uint, int> index, float[] weights, CountryGazetteer gazetteer, int features = 0, NerLexicon? lexicon = null)
    {
        Index = index; Weights = weights; Gazetteer = gazetteer; Features = features; Lexicon = lexicon;
    }

    /// <summary>Tags all sentences of one document (both stages when the model has two); returns BILOU tag ids per sentence.</summary>
    public int[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        // The sentence views (lower case, shapes, gazetteer and lexicon marks) are built once and serve both stages.
        var views = new NerFeatures.SentenceView[sentences.Count];
        for (int k = 0; k < sentences.Count; k++) views[k] = new NerFeatures.SentenceView(sentences[k], Gazetteer, Lexicon, Features);
        return TagViews(sentences, views);
    }

    private int[][] TagViews(IReadOnlyList<IReadOnlyList<string>> sentences, NerFeatures.SentenceView[] views)
    {
        var ctx = new NerDocumentContext(sentences);
        if (First is not null)
        {
            var stage1 = First.Lexicon == Lexicon ? First.TagViews(sentences, views) : First.TagDocument(sentences);
            ctx.SetStage1(sentences, stage1);
            for (int k = 0; k < views.Length; k++) views[k].Stage1 = stage1[k];
        }
        var result = new int[sentences.Count][];
        for (int k = 0; k < sentences.Count; k++) result[k] = Tag(views[k], ctx);
        return result;
    }

    private static readonly Lazy<PerceptronNerModel?> _default = new(() =>
        EmbeddedData.Exists(DefaultFile) ? Load(EmbeddedData.Open(DefaultFile), CountryGazetteer.Default) : null);

    public const string DefaultFile = "ner-perceptron.bin.gz";

    /// <summary>The model shipped in Crosscheck.Core, or null when it has not been trained yet.</summary>
    public static PerceptronNerModel? Default => _default.Value;

    /// <summary>Tags one sentence (token strings) in the context of its document; returns BILOU tag ids.</summary>
    public int[] Tag(IReadOnlyList<string> words, NerDocumentContext doc, int[]? stage1 = null) =>
        Tag(new NerFeatures.SentenceView(words, Gazetteer, Lexicon, Features, stage1), doc);

    /// <summary>Hypotheses kept per token while decoding (1 = greedy, as in training). Chosen on CoNLL valid
    /// with a model trained on train alone: 4 hypotheses, temperature 0.03, margin 2 (docs/evaluation/entities.md).</summary>
    public int BeamWidth { get; set; } = 1;

    /// <summary>Scale applied to the perceptron's scores before they are normalised as logits in the beam.</summary>
    public float Temperature { get; set; } = 0.03f;

    /// <summary>Log-probability behind the best candidate beyond which a hypothesis is dropped from the beam.</summary>
    public float BeamMargin { get; set; } = 2f;

    private int[] Tag(NerFeatures.SentenceView view, NerDocumentContext doc)
    {
        if (BeamWidth > 1) return TagBeam(view, doc);
        var words = view.Words;
        var tags = new int[words.Length];
        Span<uint> feats = stackalloc uint[NerFeatures.MaxStatic + NerFeatures.MaxDynamic];
        Span<float> scores = stackalloc float[T];
        for (int i = 0; i < words.Length; i++)
        {
            int prev = i > 0 ? tags[i - 1] : -1, prev2 = i > 1 ? tags[i - 2] : -1;
            int n = NerFeatures.Static(view, i, doc, feats);
            n += NerFeatures.Dynamic(view, i, prev, prev2, feats[n..]);
            Score(feats[..n], scores);
            tags[i] = Best(scores, prev, i == words.Length - 1);
        }
        RecordHistory(view, tags, doc);
        return tags;
    }

    /// <summary>
    /// Beam search over tag sequences. Each step's scores are read as logits and normalised over the allowed tags
    /// (<see cref="Temperature"/>), so sequences compare by the product of their steps' probabilities. The static
    /// features are scored once per token and the tag-history features once per hypothesis; a candidate more than
    /// <see cref="BeamMargin"/> (log probability) behind the best is dropped, so where the tagger is sure the beam
    /// holds one hypothesis and costs about what greedy decoding costs.
    /// </summary>
    private int[] TagBeam(NerFeatures.SentenceView view, NerDocumentContext doc)
    {
        var words = view.Words;
        int len = words.Length, width = BeamWidth;
        Span<uint> feats = stackalloc uint[NerFeatures.MaxStatic + NerFeatures.MaxDynamic];
        Span<float> stat = stackalloc float[T];
        Span<float> dyn = stackalloc float[T];
        var cur = new int[width][]; var nxt = new int[width][];
        for (int k = 0; k < width; k++) { cur[k] = new int[len]; nxt[k] = new int[len]; }
        Span<float> curScore = stackalloc float[width];
        Span<float> nxtScore = stackalloc float[width];
        Span<int> topHyp = stackalloc int[width];
        Span<int> topTag = stackalloc int[width];
        int count = 1; curScore[0] = 0;
        for (int i = 0; i < len; i++)
        {
            int n = NerFeatures.Static(view, i, doc, feats);
            Score(feats[..n], stat);
            bool last = i == len - 1;
            int kept = 0;
            for (int h = 0; h < count; h++)
            {
                var tags = cur[h];
                int prev = i > 0 ? tags[i - 1] : -1, prev2 = i > 1 ? tags[i - 2] : -1;
                int m = NerFeatures.Dynamic(view, i, prev, prev2, feats);
                Score(feats[..m], dyn);
                float max = float.NegativeInfinity;
                for (int t = 0; t < T; t++)
                    if (NerTags.Allowed(prev, t, last)) { dyn[t] = (stat[t] + dyn[t]) * Temperature; max = Math.Max(max, dyn[t]); }
                    else dyn[t] = float.NegativeInfinity;
                float z = 0;
                for (int t = 0; t < T; t++) if (dyn[t] > max - 30) z += MathF.Exp(dyn[t] - max);
                float baseScore = curScore[h] - max - MathF.Log(z);
                for (int t = 0; t < T; t++)
                {
                    if (dyn[t] < max - BeamMargin) continue;
                    float sc = baseScore + dyn[t];
                    // insert into the top list (kept sorted, best first)
                    int pos = kept;
                    while (pos > 0 && nxtScore[pos - 1] < sc) pos--;
                    if (pos >= width) continue;
                    int end = Math.Min(kept, width - 1);
                    for (int q = end; q > pos; q--) { nxtScore[q] = nxtScore[q - 1]; topHyp[q] = topHyp[q - 1]; topTag[q] = topTag[q - 1]; }
                    nxtScore[pos] = sc; topHyp[pos] = h; topTag[pos] = t;
                    if (kept < width) kept++;
                }
            }
            float best = nxtScore[0];
            int keep = 0;
            for (int k = 0; k < kept; k++)
            {
                if (nxtScore[k] < best - BeamMargin) break;
                Array.Copy(cur[topHyp[k]], nxt[k], i);
                nxt[k][i] = topTag[k];
                keep++;
            }
            (cur, nxt) = (nxt, cur);
            nxtScore[..keep].CopyTo(curScore);
            count = keep;
        }
        var result = cur[0];
        RecordHistory(view, result, doc);
        return result;
    }

    internal void Score(ReadOnlySpan<uint> feats, Span<float> scores)
    {
        scores.Clear();
        var w = Weights;
        foreach (var f in feats)
        {
            if (!Index.TryGetValue(f, out int row)) continue;
            int b = row * T;
            for (int t = 0; t < T; t++) scores[t] += w[b + t];
        }
    }

    internal static int Best(ReadOnlySpan<float> scores, int prev, bool last)
    {
        int best = -1; float bestScore = float.NegativeInfinity;
        for (int t = 0; t < T; t++)
            if (NerTags.Allowed(prev, t, last) && scores[t] > bestScore) { bestScore = scores[t]; best = t; }
        return best < 0 ? 0 : best;
    }

    internal static void RecordHistory(NerFeatures.SentenceView view, int[] tags, NerDocumentContext doc)
    {
        for (int i = 0; i < tags.Length; i++)
        {
            if (tags[i] == 0) continue;
            var w = view.Words[i];
            if (w.Length > 0 && char.IsUpper(w[0])) doc.Record(NerFeatures.TitleCase(w), NerTags.TypeOf(tags[i]));
        }
    }

    /// <summary>Writes the model: features with their non-zero weights quantised to 16 bits, the lexicon and the first stage, gzip-compressed.</summary>
    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var bw = new BinaryWriter(gz);
        bw.Write(Magic);
        WriteBody(bw, null);
    }

    private void WriteBody(BinaryWriter bw, NerLexicon? parentLexicon)
    {
        float max = 1e-6f;
        foreach (var v in Weights) max = Math.Max(max, Math.Abs(v));
        float scale = max / 32000f;
        var rows = Index.OrderBy(kv => kv.Key).Select(kv => (kv.Key, Row: kv.Value))
            .Where(r => Enumerable.Range(0, T).Any(t => Math.Abs(Weights[r.Row * T + t]) > scale)).ToList();
        bw.Write(T); bw.Write(Features); bw.Write(scale); bw.Write(rows.Count);
        uint last = 0;
        foreach (var (key, row) in rows)
        {
            Write7(bw, key - last); last = key;
            int mask = 0;
            for (int t = 0; t < T; t++) if (Math.Abs(Weights[row * T + t]) > scale) mask |= 1 << t;
            Write7(bw, (uint)mask);
            for (int t = 0; t < T; t++)
                if ((mask & (1 << t)) != 0) bw.Write((short)Math.Clamp(MathF.Round(Weights[row * T + t] / scale), -32767, 32767));
        }
        // 0: no lexicon, 1: its own, 2: the same as the second stage's (written once).
        bw.Write((byte)(Lexicon is null ? 0 : parentLexicon is not null && ReferenceEquals(Lexicon, parentLexicon) ? 2 : 1));
        if (Lexicon is not null && !ReferenceEquals(Lexicon, parentLexicon)) Lexicon.Write(bw);
        bw.Write(First is not null);
        First?.WriteBody(bw, Lexicon);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static PerceptronNerModel Load(Stream input, CountryGazetteer gazetteer)
    {
        using var br = new BinaryReader(input);
        if (br.ReadUInt32() != Magic) throw new InvalidDataException("not a Crosscheck perceptron NER model (or one of an older format: run `crosscheck train`)");
        return ReadBody(br, gazetteer, null);
    }

    private static PerceptronNerModel ReadBody(BinaryReader br, CountryGazetteer gazetteer, NerLexicon? parentLexicon)
    {
        int t = br.ReadInt32();
        if (t != T) throw new InvalidDataException($"model has {t} tags, expected {T}");
        int features = br.ReadInt32();
        float scale = br.ReadSingle();
        int count = br.ReadInt32();
        var index = new Dictionary<uint, int>(count);
        var weights = new float[count * T];
        uint key = 0;
        for (int r = 0; r < count; r++)
        {
            key += Read7(br);
            index[key] = r;
            int mask = (int)Read7(br);
            for (int k = 0; k < T; k++) if ((mask & (1 << k)) != 0) weights[r * T + k] = br.ReadInt16() * scale;
        }
        var lexicon = br.ReadByte() switch { 0 => null, 2 => parentLexicon, _ => NerLexicon.Read(br) };
        var model = new PerceptronNerModel(index, weights, gazetteer, features, lexicon);
        if (br.ReadBoolean()) model.First = ReadBody(br, gazetteer, lexicon);
        return model;
    }

    private static void Write7(BinaryWriter bw, uint v) { while (v >= 0x80) { bw.Write((byte)(v | 0x80)); v >>= 7; } bw.Write((byte)v); }
    private static uint Read7(BinaryReader br) { uint v = 0; int shift = 0; byte b; do { b = br.ReadByte(); v |= (uint)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0); return v; }
}
