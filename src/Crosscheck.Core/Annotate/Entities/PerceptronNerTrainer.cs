namespace Crosscheck.Core.Annotate.Entities;

/// <summary>A document of CoNLL-style training data: sentences of tokens with IOB2 labels.</summary>
public sealed record NerTrainingDocument(IReadOnlyList<(string[] Words, string[] Labels)> Sentences);

/// <summary>Reads CoNLL-2003 files ("TOKEN TAG" a line or the four-column original; -DOCSTART- between documents).</summary>
public static class ConllReader
{
    public static List<NerTrainingDocument> Read(string path)
    {
        var docs = new List<NerTrainingDocument>();
        var sentences = new List<(string[], string[])>();
        var words = new List<string>(); var labels = new List<string>();
        void EndSentence() { if (words.Count > 0) { sentences.Add((words.ToArray(), labels.ToArray())); words.Clear(); labels.Clear(); } }
        void EndDoc() { EndSentence(); if (sentences.Count > 0) { docs.Add(new NerTrainingDocument(sentences.ToList())); sentences.Clear(); } }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0) { EndSentence(); continue; }
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols[0] == "-DOCSTART-") { EndDoc(); continue; }
            if (cols.Length < 2) throw new InvalidDataException($"{path}: line '{line}' has no label");
            words.Add(cols[0]); labels.Add(cols[^1]);
        }
        EndDoc();
        return docs;
    }
}

/// <summary>Trains <see cref="PerceptronNerModel"/> with the averaged perceptron (greedy decoding, lazy averaging).</summary>
public sealed class PerceptronNerTrainer(CountryGazetteer gazetteer)
{
    private const int T = NerTags.Count;
    private readonly Dictionary<uint, int> _index = new();
    private float[] _w = new float[1 << 20];
    private float[] _total = new float[1 << 20];
    private int[] _stamp = new int[1 << 20];
    private int _clock;

    /// <summary>Reports progress after each epoch (epoch, token accuracy on the training pass).</summary>
    public event Action<int, double>? EpochDone;

    public PerceptronNerModel Train(IReadOnlyList<NerTrainingDocument> docs, int epochs, int seed = 17)
    {
        var order = Enumerable.Range(0, docs.Count).ToArray();
        var rng = new Random(seed);
        Span<uint> feats = stackalloc uint[NerFeatures.MaxStatic + NerFeatures.MaxDynamic];
        Span<float> scores = stackalloc float[T];
        var model = new PerceptronNerModel(_index, _w, gazetteer);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int d in order)
            {
                var doc = docs[d];
                var ctx = new NerDocumentContext(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words));
                foreach (var (words, labels) in doc.Sentences)
                {
                    var gold = NerTags.FromIob(labels);
                    var view = new NerFeatures.SentenceView(words, gazetteer);
                    var pred = new int[words.Length];
                    for (int i = 0; i < words.Length; i++)
                    {
                        _clock++;
                        int prev = i > 0 ? pred[i - 1] : -1, prev2 = i > 1 ? pred[i - 2] : -1;
                        int n = NerFeatures.Static(view, i, ctx, feats);
                        n += NerFeatures.Dynamic(view, i, prev, prev2, feats[n..]);
                        model.Weights = _w;
                        model.Score(feats[..n], scores);
                        int guess = PerceptronNerModel.Best(scores, prev, i == words.Length - 1);
                        if (guess != gold[i])
                        {
                            for (int k = 0; k < n; k++) { Update(feats[k], gold[i], 1f); Update(feats[k], guess, -1f); }
                        }
                        else correct++;
                        total++;
                        pred[i] = guess;
                    }
                    PerceptronNerModel.RecordHistory(view, pred, ctx);
                }
            }
            EpochDone?.Invoke(epoch, (double)correct / Math.Max(1, total));
        }
        // Average.
        int rows = _index.Count;
        var avg = new float[rows * T];
        for (int r = 0; r < rows; r++)
            for (int t = 0; t < T; t++)
            {
                int k = r * T + t;
                float tot = _total[k] + (_clock - _stamp[k]) * _w[k];
                avg[k] = tot / _clock;
            }
        return new PerceptronNerModel(new Dictionary<uint, int>(_index), avg, gazetteer);
    }

    private void Update(uint feature, int tag, float delta)
    {
        if (!_index.TryGetValue(feature, out int row))
        {
            row = _index.Count;
            _index[feature] = row;
            if ((row + 1) * T > _w.Length)
            {
                Array.Resize(ref _w, _w.Length * 2);
                Array.Resize(ref _total, _total.Length * 2);
                Array.Resize(ref _stamp, _stamp.Length * 2);
            }
        }
        int k = row * T + tag;
        _total[k] += (_clock - _stamp[k]) * _w[k];
        _stamp[k] = _clock;
        _w[k] += delta;
    }
}
