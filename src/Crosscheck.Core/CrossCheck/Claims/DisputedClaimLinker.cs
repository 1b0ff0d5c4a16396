using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Last story pass: ties every discrepancy to the claims it is about, whichever layer found it. Attribution
/// discrepancies (from quote groups) and date discrepancies (from the timeline) point at quote or date spans; the
/// claims whose sentences hold those spans become the value's claims. A brief sentence told by a claim of an open
/// (non-update) discrepancy is then marked as disputed, so the opening account never states a contested point as
/// settled fact.
/// </summary>
public sealed class DisputedClaimLinker : IStoryPass
{
    public string Name => "disputed-claims";

    public Story Apply(Story story)
    {
        if (story.Discrepancies.IsEmpty || story.Claims.IsEmpty) return story;
        var claimsByDoc = story.Claims.GroupBy(c => c.DocId)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Id, story.Doc(c.DocId).Claims[c.Index].Span)).ToList(), StringComparer.Ordinal);

        var discrepancies = story.Discrepancies.Select(d => d with
        {
            Values = [.. d.Values.Select(v => v.Claims.IsEmpty && !v.Spans.IsEmpty ? v with { Claims = ClaimsAt(v.Spans, claimsByDoc) } : v)],
        }).ToImmutableArray();

        var disputed = discrepancies.Where(d => !d.IsUpdate).SelectMany(d => d.Values).SelectMany(v => v.Claims).ToHashSet(StringComparer.Ordinal);
        var brief = story.Brief.Select(b => !b.Disputed && b.Claims.Any(disputed.Contains) ? b with { Disputed = true } : b).ToImmutableArray();
        return story with { Discrepancies = discrepancies, Brief = brief };
    }

    /// <summary>The claims (in span order, each once) whose sentence contains or overlaps one of the spans.</summary>
    private static ImmutableArray<string> ClaimsAt(ImmutableArray<DocSpan> spans, Dictionary<string, List<(string Id, TextSpan Span)>> claimsByDoc)
    {
        var result = new List<string>();
        foreach (var s in spans)
            if (claimsByDoc.TryGetValue(s.DocId, out var claims))
                foreach (var (id, span) in claims)
                    if (span.Start < s.Span.End && s.Span.Start < span.End && !result.Contains(id)) result.Add(id);
        return [.. result];
    }
}
