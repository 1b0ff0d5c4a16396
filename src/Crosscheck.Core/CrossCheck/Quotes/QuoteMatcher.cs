using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Quotes;

/// <summary>
/// Story pass: places every quote in the story (<see cref="Story.Quotes"/>), links its speaker to a story entity, and
/// groups quotes of different sources that render one statement (<see cref="StoryQuote.SameStatementAs"/>), across
/// translations and truncations. Candidates come from an inverted index of rare content terms (no all-pairs); a pair is
/// scored by the IDF-weighted overlap of its terms, nudged by agreement of speakers. Groups whose members name different
/// speakers add an <see cref="DiscrepancyKind.Attribution"/> discrepancy.
/// </summary>
public sealed class QuoteMatcher : IStoryPass
{
    public string Name => "quote-matching";

    /// <summary>Weighted overlap a pair needs to be the same statement.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>At most this many candidates (those sharing the most rare terms) are scored per quote.</summary>
    public int MaxCandidates { get; init; } = 40;

    private sealed record Item(int Index, Document Doc, Quote Quote, string Id, string? EntityId, string? SpeakerKey, List<string> Terms);

    public Story Apply(Story story)
    {
        var items = new List<Item>();
        foreach (var doc in story.Documents)
            for (int i = 0; i < doc.Quotes.Length; i++)
            {
                var q = doc.Quotes[i];
                var entity = SpeakerEntity(story, doc, q);
                string? key = entity ?? (q.SpeakerName is { } n ? "name:" + Normalize(n) : q.SpeakerDescription is { } d ? "desc:" + Normalize(d) : null);
                items.Add(new Item(items.Count, doc, q, $"q{items.Count + 1}", entity, key, StatementTerms.Of(q.Text)));
            }

        var groups = Group(items);
        var groupOf = new int[items.Count];
        Array.Fill(groupOf, -1);
        for (int g = 0; g < groups.Count; g++) foreach (var m in groups[g]) groupOf[m] = g;

        var quotes = items.Select(it => new StoryQuote(it.Id, it.Doc.Id, Index(it))
        {
            SpeakerEntityId = it.EntityId,
            StatementGroup = groupOf[it.Index] >= 0 ? $"g{groupOf[it.Index] + 1}" : null,
            SameStatementAs = groupOf[it.Index] >= 0 ? [.. groups[groupOf[it.Index]].Where(m => m != it.Index).Select(m => items[m].Id)] : [],
        }).ToImmutableArray();

        var discrepancies = story.Discrepancies.ToBuilder();
        foreach (var group in groups)
            if (AttributionConflict(story, items, group) is { } d)
                discrepancies.Add(d with { Id = $"d{discrepancies.Count + 1}" });
        return story with { Quotes = quotes, Discrepancies = discrepancies.ToImmutable() };
    }

    private static int Index(Item it) => it.Doc.Quotes.IndexOf(it.Quote);

    /// <summary>Union of the pairs that score above the threshold; candidates share a rare term (inverted index).</summary>
    private List<List<int>> Group(List<Item> items)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var it in items)
            foreach (var t in it.Terms)
            {
                if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                list.Add(it.Index);
            }
        int n = Math.Max(items.Count, 1);
        double Idf(string t) => Math.Log(1.0 + (double)n / postings[t].Count);
        // terms carried by most quotes of a big story do not make candidates
        int maxPosting = Math.Max(8, n / 5);

        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }

        var shared = new Dictionary<int, int>();
        foreach (var a in items)
        {
            if (a.Terms.Count < 2) continue;
            // candidates: quotes of other sources sharing at least two terms that are not everywhere in the story
            shared.Clear();
            foreach (var t in a.Terms)
            {
                var posting = postings[t];
                if (posting.Count > maxPosting) continue;
                foreach (var b in posting)
                    if (b > a.Index && items[b].Doc.Id != a.Doc.Id) shared[b] = shared.GetValueOrDefault(b) + 1;
            }
            foreach (var (bi, _) in shared.Where(kv => kv.Value >= 2).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates))
            {
                var b = items[bi];
                if (b.Terms.Count < 2) continue;
                if (Score(a, b, Idf) >= Threshold)
                {
                    int ra = Find(a.Index), rb = Find(bi);
                    if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }
        return items.GroupBy(it => Find(it.Index)).Where(g => g.Count() >= 2)
            .Select(g => g.Select(it => it.Index).OrderBy(i => i).ToList()).OrderBy(g => g[0]).ToList();
    }

    private static double Score(Item a, Item b, Func<string, double> idf)
    {
        var shared = a.Terms.Intersect(b.Terms).ToList();
        if (shared.Count < 2) return 0;
        double wa = a.Terms.Sum(idf), wb = b.Terms.Sum(idf), ws = shared.Sum(idf);
        double score = ws / Math.Min(wa, wb);
        // a short fragment inside a long quote is weaker evidence than two full renderings
        if (Math.Min(a.Terms.Count, b.Terms.Count) < 4) score *= 0.5 + 0.5 * shared.Count / (double)Math.Max(a.Terms.Count, b.Terms.Count) + 0.25;
        if (a.SpeakerKey is not null && a.SpeakerKey == b.SpeakerKey) score += 0.1;
        else if (a.SpeakerKey is { } ka && b.SpeakerKey is { } kb && !SameSpeaker(ka, kb)) score -= 0.1;
        return score;
    }

    private static bool SameSpeaker(string a, string b)
    {
        if (a == b) return true;
        if (!a.StartsWith("name:") || !b.StartsWith("name:")) return false;
        var ta = a[5..].Split(' '); var tb = b[5..].Split(' ');
        return ta.Intersect(tb).Any();
    }

    /// <summary>The story entity of the speaker: one whose mentions hold the speaker's name or reference, else one whose names match.</summary>
    private static string? SpeakerEntity(Story story, Document doc, Quote q)
    {
        foreach (var span in new[] { q.SpeakerNameSpan, q.SpeakerSpan })
        {
            if (span is not { } s) continue;
            var hit = story.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.DocId == doc.Id && m.Span.Overlaps(s)));
            if (hit is not null) return hit.Id;
        }
        if (q.SpeakerName is not { } name) return null;
        string norm = Normalize(name);
        var exact = story.Entities.FirstOrDefault(e => e.Aliases.Prepend(e.Name).Any(a => Normalize(a) == norm));
        return exact?.Id;
    }

    internal static string Normalize(string s) =>
        string.Join(' ', s.ToLowerInvariant().Replace('-', ' ').Replace('\u2019', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Discrepancy? AttributionConflict(Story story, List<Item> items, List<int> group)
    {
        // a description counts as a differing speaker only when it describes a person ("a presidential official"),
        // not when it is a generic reference to an organisation ("the union")
        var labelled = group.Select(i => items[i]).Where(it => it.SpeakerKey is { } k && (!k.StartsWith("desc:")
            || k[5..].Split(' ').Any(w => Crosscheck.Core.Annotate.Quotes.QuoteLexicon.SpeakerNouns.Contains(w)))).ToList();
        var byKey = new List<(string Key, List<Item> Members)>();
        foreach (var it in labelled)
        {
            int k = byKey.FindIndex(x => SameSpeaker(x.Key, it.SpeakerKey!));
            if (k < 0) byKey.Add((it.SpeakerKey!, [it])); else byKey[k].Members.Add(it);
        }
        if (byKey.Count < 2) return null;
        if (!byKey.Any(x => !x.Key.StartsWith("desc:"))) return null; // only differing descriptions: not a conflict of names
        var values = byKey.Select(x =>
        {
            var first = x.Members[0];
            string label = first.EntityId is { } id ? story.Entities.First(e => e.Id == id).Name
                : first.Quote.SpeakerName ?? first.Quote.SpeakerDescription ?? "?";
            return new DiscrepancyValue(label)
            {
                Sources = [.. x.Members.Select(m => m.Doc.Id).Distinct()],
                Spans = [.. x.Members.Select(m => new DocSpan(m.Doc.Id, m.Quote.Span))],
            };
        }).ToImmutableArray();
        var firstQuote = items[group[0]].Quote.Text;
        if (firstQuote.Length > 80) firstQuote = firstQuote[..77] + "...";
        return new Discrepancy("", DiscrepancyKind.Attribution, $"who said \u201C{firstQuote}\u201D") { Values = values };
    }
}
