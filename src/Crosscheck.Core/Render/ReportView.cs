using Crosscheck.Core.Report;

namespace Crosscheck.Core.Render;

/// <summary>
/// What the human-readable formats show for one story, derived from the report contract only, in the order a reader
/// needs it: summary, discrepancies, timeline, quotes by speaker, entities, coverage, sources.
/// </summary>
public sealed class StoryView
{
    public StoryReport Story { get; }
    public IReadOnlyDictionary<string, SourceReport> Sources { get; }
    public IReadOnlyDictionary<string, EntityReport> Entities { get; }
    public IReadOnlyDictionary<string, ClaimReport> Claims { get; }

    public StoryView(StoryReport story)
    {
        Story = story;
        Sources = story.Sources.ToDictionary(s => s.Id);
        Entities = story.Entities.ToDictionary(e => e.Id);
        Claims = story.Claims.ToDictionary(c => c.Id);
    }

    /// <summary>"s1 · The Daily Lantern" or "s1 · 01-marevia-herald.txt".</summary>
    public string SourceLabel(string id) =>
        Sources.TryGetValue(id, out var s) ? $"{id} · {s.Outlet ?? Path.GetFileName(s.File)}" : id;

    public string SpeakerLabel(QuoteReport q) =>
        q.Speaker is { } id && Entities.TryGetValue(id, out var e) ? e.Name
        : q.SpeakerName ?? (q.SpeakerDescription is { } d ? $"{LowerDeterminer(d)} (unnamed)" : "speaker not determined");

    /// <summary>"The company" at a sentence start and "the company" elsewhere are one label.</summary>
    private static string LowerDeterminer(string d) =>
        d.StartsWith("The ", StringComparison.Ordinal) || d.StartsWith("A ", StringComparison.Ordinal) || d.StartsWith("An ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(d[0]) + d[1..] : d;

    /// <summary>
    /// Quotes grouped by speaker; inside a speaker, quotes of one statement side by side. A statement whose sources name
    /// different speakers stays whole, under the speaker most of its quotes name (renderers mark the others).
    /// </summary>
    public IReadOnlyList<(string Speaker, IReadOnlyList<IReadOnlyList<QuoteReport>> Statements)> QuotesBySpeaker()
    {
        var statements = Story.Quotes.GroupBy(q => q.StatementGroup ?? q.Id)
            .Select(s => (IReadOnlyList<QuoteReport>)s.OrderBy(q => q.Id, IdComparer.Instance).ToList()).ToList();
        string Owner(IReadOnlyList<QuoteReport> st) => st.GroupBy(SpeakerLabel).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Id, IdComparer.Instance).First().Key;
        var bySpeaker = statements.GroupBy(Owner).OrderByDescending(g => g.Sum(st => st.Count)).ThenBy(g => g.Key, StringComparer.Ordinal);
        var result = new List<(string, IReadOnlyList<IReadOnlyList<QuoteReport>>)>();
        foreach (var g in bySpeaker)
            result.Add((g.Key, g.OrderByDescending(st => st.Count).ThenBy(st => st[0].Id, IdComparer.Instance).ToList()));
        return result;
    }

    /// <summary>One row per fact (claims grouped by fact id): the representative claim and, per source, carries/contradicts/silent.</summary>
    public IReadOnlyList<CoverageRow> Coverage()
    {
        var rows = new List<CoverageRow>();
        foreach (var g in Story.Claims.GroupBy(c => c.Fact ?? c.Id))
        {
            var claims = g.ToList();
            // a source whose claims in the fact all contradict the row's claim ("19 days" in the row of "16 days") contradicts it
            var against = claims[0].ContradictedBy.ToHashSet();
            var opposing = claims.GroupBy(c => c.Source).Where(sg => sg.Key != claims[0].Source && sg.All(c => against.Contains(c.Id))).Select(sg => sg.Key).ToHashSet();
            var carriers = claims.Select(c => c.Source).Where(src => !opposing.Contains(src)).Distinct().ToHashSet();
            var contradicting = claims.SelectMany(c => c.ContradictedBy).Where(Claims.ContainsKey).Select(id => Claims[id].Source)
                .Where(s => !carriers.Contains(s)).Concat(opposing).ToHashSet();
            var cells = Story.Sources.ToDictionary(s => s.Id,
                s => carriers.Contains(s.Id) ? Coverage_.Carries : contradicting.Contains(s.Id) ? Coverage_.Contradicts : Coverage_.Silent);
            rows.Add(new CoverageRow(g.Key, claims[0], claims, cells));
        }
        return rows.OrderByDescending(r => r.Cells.Values.Count(c => c == Coverage_.Carries))
            .ThenBy(r => r.Representative.Id, IdComparer.Instance).ToList();
    }

    public sealed record CoverageRow(string Fact, ClaimReport Representative, IReadOnlyList<ClaimReport> Claims, IReadOnlyDictionary<string, Coverage_> Cells);

    public enum Coverage_ { Silent, Carries, Contradicts }
}

/// <summary>Orders ids like "s2" before "s10".</summary>
public sealed class IdComparer : IComparer<string>
{
    public static readonly IdComparer Instance = new();
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        int px = x.TakeWhile(c => !char.IsDigit(c)).Count(), py = y.TakeWhile(c => !char.IsDigit(c)).Count();
        int c = string.CompareOrdinal(x[..px], y[..py]);
        if (c != 0) return c;
        if (long.TryParse(x[px..], out var nx) && long.TryParse(y[py..], out var ny) && nx != ny) return nx.CompareTo(ny);
        return string.CompareOrdinal(x, y);
    }
}
