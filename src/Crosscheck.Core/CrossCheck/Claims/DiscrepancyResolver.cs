using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Claims;
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
        var about = Annotate.Claims.QuantityParser.IsPhysicalUnit(first.Unit) && conflict.Role is null ? CountedThing.MeasureName(conflict.Members.Select(m => m.Quantity)) : conflict.Role switch
        {
            "added" => $"number of {CountedThing.HeadWords(first)} added",
            "total" => $"total number of {CountedThing.HeadWords(first)}",
            "margin" => $"margin in {CountedThing.HeadWords(first)}",
            "delta" => $"change in the number of {CountedThing.HeadWords(first)}",
            _ when first.What is null && first.Unit.Length == 3 && first.Unit.All(char.IsUpper) => $"amount in {first.Unit}",
            _ => $"number of {CountedThing.HeadWords(first)}",
        };
        if (conflict.Role is not "margin" && !Annotate.Claims.QuantityParser.IsPhysicalUnit(first.Unit) && Participle(conflict) is { } done
            && !about.Contains(done, StringComparison.OrdinalIgnoreCase))
            about = conflict.Role is "added" ? about : about + " " + done;
        var d = new Discrepancy(id, DiscrepancyKind.Number, about) { Values = values, SameDocument = sameDocument };
        return Arithmetic(d, conflict, nodes) ?? Update(d, conflict) ?? Majority(d, byValue, originOf) ?? d;
    }

    /// <summary>
    /// "43 people" against "34 people", and elsewhere "Thirty-one adults and 12 children were taken to hospital": counts
    /// of parts joined by "and" in one claim that shares the conflicting claims' words add up to one of the values.
    /// </summary>
    private static Discrepancy? PartsSum(Discrepancy d, NumberConflict conflict, IReadOnlyList<ClaimNode> nodes)
    {
        var candidates = conflict.Members.Select(m => m.Quantity.Value).Distinct().ToHashSet();
        var memberWords = conflict.Members.SelectMany(m => ContentStems(m.Node.Claim.Text)).ToHashSet(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            var qs = n.Claim.Quantities;
            var text = n.Doc.Text;
            for (int i = 0; i + 1 < qs.Count; i++)
            {
                var parts = new List<Quantity> { qs[i] };
                for (int j = i + 1; j < qs.Count; j++)
                {
                    var (prev, next) = (parts[^1], qs[j]);
                    if (prev.Span is not { } ps || next.Span is not { } ns || prev.Unit != "count" || next.Unit != "count" || prev.Role is not null || next.Role is not null) break;
                    // joined by "and" (or a comma), or a part that counts nothing named ("… and another 38,000 supplied")
                    var between = text[ps.End..ns.Start].Trim();
                    var joiner = prev.What is { Length: > 0 } w && between.StartsWith(w, StringComparison.OrdinalIgnoreCase) ? between[w.Length..].Trim() : between;
                    bool joined = joiner is "and" or "," or ", and" || (next.What is null || CountedThing.ClassOf(next) == CountedThing.ClassOf(prev))
                                  && (between.EndsWith(" and another", StringComparison.OrdinalIgnoreCase) || between.EndsWith(" and", StringComparison.OrdinalIgnoreCase));
                    if (!joined) break;
                    parts.Add(next);
                }
                if (parts.Count < 2) continue;
                var sum = parts.Sum(p => p.Value);
                if (!candidates.Contains(sum) || conflict.Members.Any(m => m.Node == n)) continue;
                // the parts must be of the same happening: the claim shares content words with the conflicting claims
                if (ContentStems(n.Claim.Text).Count(memberWords.Contains) < 2) continue;
                var v = ClaimFeatures.ValueText(sum);
                return d with
                {
                    ResolvedValue = v, ResolutionMethod = "arithmetic",
                    Resolution = $"{v} agrees with the parts {n.DocId} gives: {string.Join(" + ", parts.Select(p => p.Surface + (p.What is { } w ? " " + w : "")))} = {v}",
                };
            }
        }
        return null;
    }

    private static IEnumerable<string> ContentStems(string text) =>
        TextWords.Split(text, new TextSpan(0, text.Length)).Where(w => w.IsLetters && w.Text.Length > 2 && !TextWords.StopWords.Contains(w.Text))
            .Select(w => TextWords.Stem(w.Text)).Distinct();

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase) { "had", "have", "has", "been", "were", "was", "are", "is", "being" };

    /// <summary>What happened to the things counted, as the sources say it ("1,200 people had been evacuated", "the
    /// number of people evacuated rose to 3,400"): the first past participle right after the counted noun.</summary>
    private static string? Participle(NumberConflict conflict)
    {
        foreach (var m in conflict.Members)
        {
            var q = m.Quantity;
            if (q.What is not { Length: > 0 } what || q.Span is not { } span) continue;
            var text = m.Node.Doc.Text;
            var claim = m.Node.Claim.Span;
            // after the figure, or after "number of <what>" earlier in the claim
            var starts = new List<int> { span.End };
            int of = text.IndexOf("number of " + what, claim.Start, claim.Length, StringComparison.OrdinalIgnoreCase);
            if (of >= 0) starts.Add(of + "number of ".Length);
            foreach (var from in starts)
            {
                var words = TextWords.Split(text, new TextSpan(from, claim.End)).Where(w => w.IsLetters).Select(w => w.Lower).Take(8).ToList();
                var whatWords = what.Split(' ');
                int k = 0;
                while (k < words.Count && k < whatWords.Length && words[k] == whatWords[k]) k++;
                if (k == 0) continue;
                while (k < words.Count && Auxiliaries.Contains(words[k])) k++;
                if (k < words.Count && words[k].Length > 4 && words[k].EndsWith("ed", StringComparison.Ordinal) && !words[k].EndsWith("eed", StringComparison.Ordinal))
                    return words[k];
            }
        }
        return null;
    }

    private static Discrepancy? Arithmetic(Discrepancy d, NumberConflict conflict, IReadOnlyList<ClaimNode> nodes)
    {
        if (conflict.Role is "margin") return Margin(d, conflict, nodes);
        if (conflict.Role is null) return PartsSum(d, conflict, nodes);
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

    /// <summary>A margin settled by a result stated in the story: "6,326 votes to 6,288" makes the lead 38.</summary>
    private static Discrepancy? Margin(Discrepancy d, NumberConflict conflict, IReadOnlyList<ClaimNode> nodes)
    {
        var candidates = conflict.Members.Select(m => m.Quantity.Value).Distinct().ToHashSet();
        foreach (var n in nodes)
            foreach (var (a, b) in NumberDiscrepancyFinder.ResultPairs(n))
            {
                if (CountedThing.ClassOf(a) != conflict.ClassKey) continue;
                var diff = Math.Abs(a.Value - b.Value);
                if (!candidates.Contains(diff)) continue;
                var v = ClaimFeatures.ValueText(diff);
                var (hi, lo) = a.Value >= b.Value ? (a, b) : (b, a);
                return d with
                {
                    ResolvedValue = v, ResolutionMethod = "arithmetic",
                    Resolution = $"{v} agrees with the result: {hi.Surface} − {lo.Surface} = {v} ({n.DocId})",
                };
            }
        return null;
    }

    /// <summary>Counts that only grow as a story unfolds: a later, lower figure is not an update of them.</summary>
    private static readonly HashSet<string> Cumulative = new(StringComparer.OrdinalIgnoreCase)
    { "death", "toll", "injury", "injured", "casualty", "victim", "case", "arrest", "wounded", "evacuee" };

    private static Discrepancy? Update(Discrepancy d, NumberConflict conflict)
    {
        if (conflict.Role is "added" or "margin") return null;
        // any other count is an evolving one when the later report says it changed ("rose to 57")
        if (!EvolvingCounts.Contains(conflict.ClassKey)) return CuedUpdate(d, conflict);
        // ordered by time: each value reported on its own publication dates, the dates of one value all before those of the next
        var steps = conflict.Members.GroupBy(m => m.Quantity.Value)
            .Select(g => (Value: g.Key, Dates: g.Select(m => m.Node.Doc.Published?.Date).ToList(), Docs: g.Select(m => m.Node.DocId).Distinct().ToList()))
            .ToList();
        if (!d.SameDocument && steps.All(x => x.Dates.All(t => t is not null)))
        {
            var ordered = steps.OrderBy(x => x.Dates.Min()).ToList();
            bool strictlyOrdered = true, growing = true;
            for (int i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].Dates.Max() >= ordered[i].Dates.Min()) strictlyOrdered = false;
                if (ordered[i].Value < ordered[i - 1].Value) growing = false;
            }
            if (strictlyOrdered && (growing || !Cumulative.Contains(conflict.ClassKey)))
            {
                var last = ordered[^1];
                var v = ClaimFeatures.ValueText(last.Value);
                var chain = string.Join(" → ", ordered.Select(x => $"{ClaimFeatures.ValueText(x.Value)} ({string.Join(", ", x.Docs)}, {x.Dates.Min():yyyy-MM-dd})"));
                var values = ordered.Select(x => d.Values.First(dv => dv.Value == ClaimFeatures.ValueText(x.Value))).ToImmutableArray();
                return d with
                {
                    Values = values, IsUpdate = true, ResolvedValue = v, ResolutionMethod = "update",
                    Resolution = $"an evolving figure reported over time, not a contradiction: {chain}; the latest report, {v}, supersedes the earlier ones",
                };
            }
        }
        // undated: a single report marked as a change ("rose to") is the later one
        var cued = conflict.Members.Where(HasUpdateCue).Select(m => m.Quantity.Value).Distinct().ToList();
        if (cued.Count != 1 || d.SameDocument) return null;
        var pick = conflict.Members.First(m => m.Quantity.Value == cued[0]);
        var cv = ClaimFeatures.ValueText(pick.Quantity.Value);
        return d with
        {
            IsUpdate = true, ResolvedValue = cv, ResolutionMethod = "update",
            Resolution = $"{cv} is reported as a change of an evolving figure ({pick.Node.DocId}); the other figures are earlier reports, superseded rather than contradicted",
        };
    }

    /// <summary>Values reported on strictly later publication dates, growing, the latest stated as a change ("rose to"): an update.</summary>
    private static Discrepancy? CuedUpdate(Discrepancy d, NumberConflict conflict)
    {
        if (d.SameDocument) return null;
        var steps = conflict.Members.GroupBy(m => m.Quantity.Value)
            .Select(g => (Value: g.Key, Dates: g.Select(m => m.Node.Doc.Published?.Date).ToList(), Docs: g.Select(m => m.Node.DocId).Distinct().ToList(), Cued: g.Any(HasUpdateCue)))
            .ToList();
        if (steps.Any(x => x.Dates.Any(t => t is null))) return null;
        var ordered = steps.OrderBy(x => x.Dates.Min()).ToList();
        for (int i = 1; i < ordered.Count; i++)
            if (ordered[i - 1].Dates.Max() >= ordered[i].Dates.Min() || ordered[i].Value < ordered[i - 1].Value || !ordered[i].Cued) return null;
        var v = ClaimFeatures.ValueText(ordered[^1].Value);
        var chain = string.Join(" → ", ordered.Select(x => $"{ClaimFeatures.ValueText(x.Value)} ({string.Join(", ", x.Docs)}, {x.Dates.Min():yyyy-MM-dd})"));
        var values = ordered.Select(x => d.Values.First(dv => dv.Value == ClaimFeatures.ValueText(x.Value))).ToImmutableArray();
        return d with
        {
            Values = values, IsUpdate = true, ResolvedValue = v, ResolutionMethod = "update",
            Resolution = $"a figure reported as changing over time, not a contradiction: {chain}; the latest report, {v}, supersedes the earlier ones",
        };
    }

    /// <summary>The figure is introduced as a change: "rose to", "reached", "now stands".</summary>
    internal static bool HasUpdateCue(QuantityRef m)
    {
        var s = m.Quantity.Span!.Value;
        var text = m.Node.Doc.Text;
        int b = Math.Max(m.Node.Claim.Span.Start, s.Start - 25);
        var before = text[b..s.Start].ToLowerInvariant();
        return UpdateCues.Any(before.Contains);
    }

    private static Discrepancy? Majority(Discrepancy d, List<IGrouping<decimal, QuantityRef>> byValue, IReadOnlyDictionary<string, string> originOf)
    {
        string Origin(string doc) => originOf.GetValueOrDefault(doc, doc);
        var counts = byValue.Select(g => (g.Key, Docs: g.Select(m => m.Node.DocId).Distinct().ToList(),
                Origins: g.Select(m => Origin(m.Node.DocId)).Distinct().ToList()))
            .OrderByDescending(x => x.Origins.Count).ToList();
        if (counts.Count < 2 || counts[0].Origins.Count < 2 || counts[0].Origins.Count <= counts[1].Origins.Count) return null;
        var v = ClaimFeatures.ValueText(counts[0].Key);
        var text = $"{v} is stated by {counts[0].Origins.Count} independent sources ({string.Join(", ", counts[0].Docs)}) against "
                   + string.Join(", ", counts.Skip(1).Select(c => $"{c.Origins.Count} for {ClaimFeatures.ValueText(c.Key)} ({string.Join(", ", c.Docs)})"))
                   + "; copies of one story count once";
        // a minority source copied from a source that gives the majority value has altered the figure
        foreach (var c in counts.Skip(1))
            foreach (var doc in c.Docs)
                if (counts[0].Docs.FirstOrDefault(m => m != doc && Origin(m) == Origin(doc)) is { } original)
                    text += $"; {doc} rewrites the story of {original}, which gives {v}";
        return d with { ResolvedValue = v, ResolutionMethod = "majority", Resolution = text };
    }
}
