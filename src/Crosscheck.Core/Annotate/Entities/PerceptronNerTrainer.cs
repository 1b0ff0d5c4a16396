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

/// <summary>
/// Trains <see cref="PerceptronNerModel"/> with the averaged perceptron (greedy decoding, lazy averaging). With
/// <see cref="NerFeatures.LexiconFeatures"/> the training names become a lexicon (each document seeing only the names of
/// the other folds); with <see cref="NerFeatures.StackFeatures"/> a second model is trained over the first one's tags of
/// the whole document, the first-stage tags of each training document coming from a model that did not see it.
/// </summary>
public sealed class PerceptronNerTrainer(CountryGazetteer gazetteer)
{
    /// <summary>The feature groups to use.</summary>
    public int Features { get; init; } = NerFeatures.LineFeatures | NerFeatures.LexiconFeatures | NerFeatures.TopicFeatures | NerFeatures.OutsideFeatures;

    /// <summary>Folds for the lexicon and the first-stage predictions.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Single-stage models trained with this many visiting orders (seeds) and averaged into one (same size of
    /// model per feature, same speed; the averaged weights vary less with the order). Ignored with a second stage.</summary>
    public int Orders { get; init; } = 1;

    /// <summary>Reports progress after each epoch (which model, epoch, token accuracy on the training pass).</summary>
    public event Action<string, int, double>? EpochDone;

    public PerceptronNerModel Train(IReadOnlyList<NerTrainingDocument> docs, int epochs, int seed = 17)
    {
        int K = Folds;
        bool lexicon = (Features & NerFeatures.LexiconFeatures) != 0, stack = (Features & NerFeatures.StackFeatures) != 0;
        int single = Features & ~NerFeatures.StackFeatures;
        var foldLex = new NerLexicon?[K];
        if (lexicon) for (int k = 0; k < K; k++) foldLex[k] = NerLexicon.Build(docs.Where((_, d) => d % K != k));
        var lexOf = Enumerable.Range(0, docs.Count).Select(d => foldLex[d % K]).ToArray();
        var full = lexicon ? NerLexicon.Build(docs) : null;
        var all = Enumerable.Range(0, docs.Count).ToArray();
        var first = new Single(gazetteer, single, this, "stage 1").Train(docs, all, lexOf, null, epochs, seed);
        if (!stack && Orders > 1)
        {
            var models = new List<PerceptronNerModel> { first };
            for (int o = 1; o < Orders; o++)
                models.Add(new Single(gazetteer, single, this, $"stage 1, order {o + 1}/{Orders}").Train(docs, all, lexOf, null, epochs, seed + o));
            first = Average(models);
        }
        first.Lexicon = full; // shared with the second stage (stored once)
        if (!stack) return first;
        var preds = new int[docs.Count][][];
        for (int k = 0; k < K; k++)
        {
            var fold = new Single(gazetteer, single, this, $"stage 1, fold {k + 1}/{K}").Train(docs, all.Where(d => d % K != k).ToArray(), lexOf, null, epochs, seed);
            fold.Lexicon = foldLex[k];
            foreach (var d in all.Where(d => d % K == k)) preds[d] = fold.TagDocument(docs[d].Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
        }
        var second = new Single(gazetteer, Features, this, "stage 2").Train(docs, all, lexOf, preds, epochs, seed);
        second.Lexicon = full;
        second.First = first;
        return second;
    }

    private static PerceptronNerModel Average(List<PerceptronNerModel> models)
    {
        const int T = NerTags.Count;
        var index = new Dictionary<uint, int>();
        foreach (var m in models)
            foreach (var key in m.Index.Keys.Order())
                index.TryAdd(key, index.Count);
        var w = new float[index.Count * T];
        foreach (var m in models)
            foreach (var (key, row) in m.Index)
            {
                int b = index[key] * T;
                for (int t = 0; t < T; t++) w[b + t] += m.Weights[row * T + t] / models.Count;
            }
        return new PerceptronNerModel(index, w, models[0].Gazetteer, models[0].Features);
    }

    private sealed class Single(CountryGazetteer gazetteer, int features, PerceptronNerTrainer owner, string label)
    {
        private const int T = NerTags.Count;
        private readonly Dictionary<uint, int> _index = new();
        private float[] _w = new float[1 << 20];
        private float[] _total = new float[1 << 20];
        private int[] _stamp = new int[1 << 20];
        private int _clock;

        public PerceptronNerModel Train(IReadOnlyList<NerTrainingDocument> docs, int[] subset, NerLexicon?[] lexOf, int[][][]? stage1, int epochs, int seed)
        {
            var order = subset.ToArray();
            var rng = new Random(seed);
            Span<uint> feats = stackalloc uint[NerFeatures.MaxStatic + NerFeatures.MaxDynamic];
            Span<float> scores = stackalloc float[T];
            var model = new PerceptronNerModel(_index, _w, gazetteer, features);
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                rng.Shuffle(order);
                long correct = 0, total = 0;
                foreach (int d in order)
                {
                    var doc = docs[d];
                    var sentences = doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList();
                    var ctx = new NerDocumentContext(sentences);
                    if (stage1 is not null) ctx.SetStage1(sentences, stage1[d]);
                    int si = 0;
                    foreach (var (words, labels) in doc.Sentences)
                    {
                        var gold = NerTags.FromIob(labels);
                        var view = new NerFeatures.SentenceView(words, gazetteer, lexOf[d], features, stage1?[d][si]);
                        si++;
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
                owner.EpochDone?.Invoke(label, epoch, (double)correct / Math.Max(1, total));
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
            return new PerceptronNerModel(new Dictionary<uint, int>(_index), avg, gazetteer, features);
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
}
