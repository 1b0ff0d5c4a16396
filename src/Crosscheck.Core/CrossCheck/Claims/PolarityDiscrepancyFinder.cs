using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// "Other" discrepancies, kept to the one kind that can be told precisely: the same statement of fact affirmed by one
/// source and negated by another ("the captain was charged" / "the captain was not charged"). The claims must be nearly
/// the same words (score ≥ <see cref="MinScore"/>), share their main verb, be the reporter's own (no quotation), be about
/// the same day and year when dated, and differ in a negation right before that verb. A negation in an earlier report
/// followed by the affirmation in a later one ("had not been found" → "was found") is news moving on, not a discrepancy.
/// </summary>
public sealed class PolarityDiscrepancyFinder
{
    public double MinScore { get; init; } = 0.5;

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "not", "never", "no", "neither", "nor", "without" };

    /// <param name="candidates">Cross-document candidate pairs with their scores (<see cref="ClaimAligner.Candidates"/>).</param>
    public List<Discrepancy> Find(IEnumerable<(ClaimNode A, ClaimNode B, double Score)> candidates)
    {
        var result = new List<Discrepancy>();
        foreach (var (a, b, score) in candidates)
        {
            if (score < MinScore || a.Claim.Predicate is not { } lemma || a.Claim.Predicate != b.Claim.Predicate) continue;
            if (PredicateFinder.Communication.Contains(lemma) || HasQuotation(a) || HasQuotation(b)) continue;
            if (ClaimCrossChecker.DatedApartDays(a, b)) continue;
            if (NumberDiscrepancyFinder.Years(a) is { } ya && NumberDiscrepancyFinder.Years(b) is { } yb && !ya.Overlaps(yb)) continue;
            var pa = Polarity(a, lemma); var pb = Polarity(b, lemma);
            if (pa is null || pb is null || pa.Value.Negated == pb.Value.Negated) continue;
            var (neg, aff) = pa.Value.Negated ? ((a, pa.Value.Span), (b, pb.Value.Span)) : ((b, pb.Value.Span), (a, pa.Value.Span));
            if (neg.Item1.Doc.Published?.Date is { } dn && aff.Item1.Doc.Published?.Date is { } da && dn < da) continue; // moved on
            DiscrepancyValue Value((ClaimNode Node, TextSpan Span) x) => new(x.Node.Doc.Slice(x.Span))
            {
                Claims = [x.Node.Id], Sources = [x.Node.DocId], Spans = [new DocSpan(x.Node.DocId, x.Span)],
            };
            result.Add(new Discrepancy("", DiscrepancyKind.Other, $"whether it happened: {TrimEnd(aff.Item1.Claim.Text)}")
            {
                Values = [.. new[] { Value(aff), Value(neg) }],
            });
        }
        return result;
    }

    private static string TrimEnd(string s) => s.Length <= 90 ? s : s[..87] + "…";

    private static bool HasQuotation(ClaimNode n) => n.Claim.Text.AsSpan().IndexOfAny("“”\"") >= 0;

    /// <summary>The main verb (with a negation right before it, if any) and whether it is negated.</summary>
    private static (bool Negated, TextSpan Span)? Polarity(ClaimNode n, string lemma)
    {
        var words = TextWords.Split(n.Doc.Text, n.Claim.Span);
        for (int i = 0; i < words.Count; i++)
        {
            if (!words[i].IsLetters || PredicateFinder.LemmaOf(words[i].Lower) != lemma) continue;
            for (int k = i - 1; k >= Math.Max(0, i - 3); k--)
            {
                if (!words[k].IsLetters) break;
                if (Negations.Contains(words[k].Text) || words[k].Lower.EndsWith("n't") || words[k].Lower.EndsWith("n’t"))
                    return (true, new TextSpan(words[k].Span.Start, words[i].Span.End));
            }
            int s = i > 0 && words[i - 1].Lower is "was" or "were" or "is" or "are" or "has" or "have" or "had" or "been" or "did" ? i - 1 : i;
            return (false, new TextSpan(words[s].Span.Start, words[i].Span.End));
        }
        return null;
    }
}
