namespace Crosscheck.Core.Annotate.Entities;

/// <summary>Precision, recall and F1 of one entity type (or of all, "ALL").</summary>
public sealed record NerScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>CoNLL-style (conlleval) scoring: a mention counts only with exact boundaries and type.</summary>
public static class NerEvaluation
{
    /// <summary>Tags every sentence of <paramref name="docs"/> with <paramref name="model"/> (gold tokens) and scores per type and overall.</summary>
    public static IReadOnlyList<NerScore> Score(PerceptronNerModel model, IReadOnlyList<NerTrainingDocument> docs, TextWriter? errors = null)
    {
        int types = NerTags.Types.Length;
        var gold = new int[types]; var pred = new int[types]; var correct = new int[types];
        foreach (var doc in docs)
        {
            var tags = model.TagDocument(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Words).ToList());
            int si = 0;
            foreach (var (words, labels) in doc.Sentences)
            {
                var g = NerTags.SpansFromIob(labels);
                var p = NerTags.Spans(tags[si++]);
                foreach (var s in g) gold[s.Type]++;
                foreach (var s in p) pred[s.Type]++;
                var gs = g.ToHashSet();
                foreach (var s in p) if (gs.Contains(s)) correct[s.Type]++;
                if (errors is not null)
                {
                    var ps = p.ToHashSet();
                    string W((int Start, int End, int Type) s) => string.Join(' ', words[s.Start..s.End]) + "/" + NerTags.Types[s.Type];
                    foreach (var s in g) if (!ps.Contains(s)) errors.WriteLine($"MISS {W(s)}\t{(p.FirstOrDefault(x => x.Start < s.End && s.Start < x.End) is var q && q.End > 0 ? W(q) : "-")}\t{string.Join(' ', words)}");
                    foreach (var s in p) if (!gs.Contains(s) && !g.Any(x => x.Start < s.End && s.Start < x.End)) errors.WriteLine($"SPUR {W(s)}\t-\t{string.Join(' ', words)}");
                }
            }
        }
        var result = new List<NerScore>();
        for (int t = 0; t < types; t++) result.Add(new NerScore(NerTags.Types[t], gold[t], pred[t], correct[t]));
        result.Add(new NerScore("ALL", gold.Sum(), pred.Sum(), correct.Sum()));
        return result;
    }
}
