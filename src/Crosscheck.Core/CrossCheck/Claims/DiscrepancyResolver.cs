using System.Collections.Immutable;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Turns a <see cref="NumberConflict"/> into a <see cref="Discrepancy"/> and settles it where the text allows:
/// by arithmetic (a new total minus an old total of the same thing gives the number added), as an update
/// (an evolving count reported later), or by a majority of independent origins (wire copies count once).
/// </summary>
public static class DiscrepancyResolver
{
    private static readonly HashSet<string> EvolvingCounts = new(StringComparer.OrdinalIgnoreCase)
    { "death", "toll", "person", "injury", "injured", "casualty", "victim", "missing", "evacuee", "case", "arrest", "wounded", "survivor", "soldier" };

    private static readonly string[] UpdateCues = ["rose to", "risen to", "climbed to", "increased to", "reached", "has risen", "now stands", "updated", "jumped to", "grew to"];

    public static Discrepancy Build(string id, NumberConflict conflict, IReadOnlyList<ClaimNode> nodes, IReadOnlyDictionary<string, string> originOf)
    {
        var byValue = conflict.Members.GroupBy(m => m.Quantity.Value).OrderBy(g => g.Min(m => m.Node.Order)).ToList();
        var values = byValue.Select(g => new DiscrepancyValue(ClaimFeatures.ValueText(g.Key))
        {
            Claims = [.. g.Select(m => m.Node.Id).Distinct()],
            Sources = [.. g.Select(m => m.Node.DocId).Distinct()],
            Spans = [.. g.Where(m => m.Quantity.Span is not null).Select(m => new DocSpan(m.Node.DocId, m.Quantity.Span!.Value))],
        }).ToImmutableArray();
        bool sameDocument = conflict.Members.GroupBy(m => m.Node.DocId).Any(g => g.Select(m => m.Quantity.Value).Distinct().Count() > 1);
        var first = conflict.Members[0].Quantity;
        var about = conflict.Role switch
        {
            "added" => $"number of {CountedThing.HeadWords(first)} added",
            "total" => $"total number of {CountedThing.HeadWords(first)}",
            "delta" => $"change in the number of {CountedThing.HeadWords(first)}",
            _ => $"number of {CountedThing.HeadWords(first)}",
        };
        var d = new Discrepancy(id, DiscrepancyKind.Number, about) { Values = values, SameDocument = sameDocument };
        return Arithmetic(d, conflict, nodes) ?? Update(d, conflict) ?? Majority(d, byValue, originOf) ?? d;
    }

    private static Discrepancy? Arithmetic(Discrepancy d, NumberConflict conflict, IReadOnlyList<ClaimNode> nodes)
    {
        if (conflict.Role is not ("added" or "delta")) return null;
        var candidates = conflict.Members.Select(m => m.Quantity.Value).Distinct().ToHashSet();
        // old totals ("from the current X") and the new totals stated beside them, same counted class
        foreach (var n in nodes)
            for (int i = 0; i < n.Claim.Quantities.Count; i++)
            {
                var from = new QuantityRef(n, i);
                if (!from.IsFromValue || CountedThing.ClassOf(from.Quantity) != conflict.ClassKey) continue;
                for (int j = i + 1; j < n.Claim.Quantities.Count; j++)
                {
                    var to = n.Claim.Quantities[j];
                    if (CountedThing.ClassOf(to) != conflict.ClassKey || to.Value <= from.Quantity.Value) continue;
                    var diff = to.Value - from.Quantity.Value;
                    if (!candidates.Contains(diff)) continue;
                    var v = ClaimFeatures.ValueText(diff);
                    return d with
                    {
                        ResolvedValue = v, ResolutionMethod = "arithmetic",
                        Resolution = $"{v} agrees with the totals: {to.Surface} − {from.Quantity.Surface} = {v} ({n.DocId})",
                    };
                }
            }
        return null;
    }

    private static Discrepancy? Update(Discrepancy d, NumberConflict conflict)
    {
        if (!EvolvingCounts.Contains(conflict.ClassKey) || conflict.Role is "added") return null;
        var dated = conflict.Members.Select(m => (m, Date: m.Node.Doc.Published?.Date, Cue: HasUpdateCue(m))).ToList();
        var latest = dated.Where(x => x.Date is not null).OrderBy(x => x.Date).ThenBy(x => x.m.Node.Order).ToList();
        (QuantityRef m, DateOnly? Date, bool Cue)? pick = null;
        if (latest.Count >= 2 && latest[^1].Date > latest[0].Date) pick = latest[^1];
        else if (dated.Count(x => x.Cue) == 1) pick = dated.First(x => x.Cue);
        if (pick is not { } p) return null;
        var v = ClaimFeatures.ValueText(p.m.Quantity.Value);
        var when = p.Date is { } date ? $", {date:yyyy-MM-dd}" : "";
        return d with
        {
            IsUpdate = true, ResolvedValue = v, ResolutionMethod = "update",
            Resolution = $"{v} is the later report of an evolving figure ({p.m.Node.DocId}{when}); the earlier figures are superseded, not contradicted",
        };
    }

    private static bool HasUpdateCue(QuantityRef m)
    {
        var s = m.Quantity.Span!.Value;
        var text = m.Node.Doc.Text;
        int b = Math.Max(m.Node.Claim.Span.Start, s.Start - 25);
        var before = text[b..s.Start].ToLowerInvariant();
        return UpdateCues.Any(before.Contains);
    }

    private static Discrepancy? Majority(Discrepancy d, List<IGrouping<decimal, QuantityRef>> byValue, IReadOnlyDictionary<string, string> originOf)
    {
        var counts = byValue.Select(g => (g.Key, Origins: g.Select(m => originOf.GetValueOrDefault(m.Node.DocId, m.Node.DocId)).Distinct().Count()))
            .OrderByDescending(x => x.Origins).ToList();
        if (counts.Count < 2 || counts[0].Origins < 2 || counts[0].Origins <= counts[1].Origins) return null;
        var v = ClaimFeatures.ValueText(counts[0].Key);
        return d with
        {
            ResolvedValue = v, ResolutionMethod = "majority",
            Resolution = $"{v} is stated by {counts[0].Origins} independent sources against {counts[1].Origins} (copies of one story counted once)",
        };
    }
}
