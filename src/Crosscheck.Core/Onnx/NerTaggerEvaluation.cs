using Crosscheck.Core.Annotate.Entities;

namespace Crosscheck.Core.Onnx;

/// <summary>
/// conlleval-style scoring of any <see cref="INerTagger"/> on gold-tokenised documents (CoNLL-2003): a mention counts
/// only with exact boundaries and type. Gold labels may be IOB1 or IOB2. Each document is tagged in one call, as the
/// recogniser does.
/// </summary>
public static class NerTaggerEvaluation
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public static IReadOnlyList<NerScore> Score(INerTagger tagger, IReadOnlyList<NerTrainingDocument> docs)
    {
        var gold = new int[Types.Length]; var pred = new int[Types.Length]; var correct = new int[Types.Length];
        foreach (var doc in docs)
        {
            var tagged = tagger.Tag(doc.Sentences.Select(s => s.Words).ToList());
            for (int k = 0; k < doc.Sentences.Count; k++)
            {
                var g = NerLabelDecoder.Decode(doc.Sentences[k].Labels.Select(NerLabelDecoder.Parse).ToArray());
                foreach (var s in g) gold[Array.IndexOf(Types, s.Type)]++;
                var gs = g.ToHashSet();
                foreach (var s in tagged[k])
                {
                    int t = Array.IndexOf(Types, s.Type);
                    if (t < 0) continue;
                    pred[t]++;
                    if (gs.Contains(s)) correct[t]++;
                }
            }
        }
        var result = new List<NerScore>();
        for (int t = 0; t < Types.Length; t++) result.Add(new NerScore(Types[t], gold[t], pred[t], correct[t]));
        result.Add(new NerScore("ALL", gold.Sum(), pred.Sum(), correct.Sum()));
        return result;
    }
}
