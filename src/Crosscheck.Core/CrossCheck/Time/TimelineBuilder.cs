using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>
/// Story pass (runs last): every dated statement (a time expression with a day, month or year value in a kept
/// sentence) becomes a timeline entry; entries of different sources merge when the date agrees and the event
/// words overlap; the same event under different dates becomes a <see cref="DiscrepancyKind.Date"/> discrepancy.
/// </summary>
public sealed class TimelineBuilder : IStoryPass
{
    public string Name => "timeline";

    private const int MaxWhatWords = 14;

    private sealed record Item(Document Doc, TimeExpression Time, TextSpan Sentence, string What, HashSet<string> Words, EventSignature Event);

    public Story Apply(Story story)
    {
        var items = new List<Item>();
        foreach (var doc in story.Documents)
            foreach (var t in doc.Times)
            {
                if (t.Date is null || t.Precision is not (DatePrecision.Day or DatePrecision.Month or DatePrecision.Year)) continue;
                if (t.TimexType is not ("DATE" or "TIME") || t.Value.EndsWith("_REF", StringComparison.Ordinal)) continue;
                int si = doc.SentenceAt(t.Span.Start);
                if (si < 0) continue;
                var sentence = doc.Sentences[si].Span;
                var (what, words) = EventWords.Describe(doc.Text, sentence, t.Span, MaxWhatWords);
                if (words.Count == 0) continue;
                items.Add(new Item(doc, t, sentence, what, words, EventWords.Signature(doc.Text, sentence, t.Span, MaxWhatWords)));
            }

        // merge: same date, precision and modifier, overlapping event words
        var groups = new List<List<Item>>();
        foreach (var item in items)
        {
            var home = groups.FirstOrDefault(g => SameDate(g[0].Time, item.Time) && g.Any(o => EventWords.Overlap(o.Words, item.Words) >= 2 || EventWords.SameEvent(o.Event, item.Event)));
            if (home is null) groups.Add([item]); else home.Add(item);
        }

        var entries = groups.Select(g =>
        {
            var first = g[0];
            return new TimelineEntry(first.Time.Date!.Value, first.Time.Precision, first.What, new DocSpan(first.Doc.Id, first.Time.Span), first.Time.Text)
            {
                Sources = [.. g.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal)],
                Sentence = new DocSpan(first.Doc.Id, first.Sentence),
                Modifier = first.Time.Modifier,
                OtherMentions = [.. g.Skip(1).Select(i => new DocSpan(i.Doc.Id, i.Time.Span))],
            };
        })
        .OrderBy(e => e.Date).ThenBy(e => e.Precision == DatePrecision.Day ? 2 : e.Precision == DatePrecision.Month ? 1 : 0)
        .ThenBy(e => e.Phrase.DocId, StringComparer.Ordinal).ThenBy(e => e.Phrase.Span.Start)
        .ToImmutableArray();

        var discrepancies = story.Discrepancies.ToBuilder();
        foreach (var conflict in Conflicts(groups))
            discrepancies.Add(conflict with { Id = $"d{discrepancies.Count + 1}" });
        return story with { Timeline = entries, Discrepancies = discrepancies.ToImmutable() };
    }

    private static bool SameDate(TimeExpression a, TimeExpression b) => a.Date == b.Date && a.Precision == b.Precision && a.Modifier == b.Modifier;

    /// <summary>
    /// Day-dated groups of different sources that tell the same event (the same head event word, paraphrases
    /// included, and most of the other keys) on different days within a week. Candidate pairs come from an index on
    /// head event words, so groups that share none are never compared.
    /// </summary>
    private static IEnumerable<Discrepancy> Conflicts(List<List<Item>> groups)
    {
        var dayGroups = groups.Where(g => g[0].Time.Precision == DatePrecision.Day).ToList();
        var byEvent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < dayGroups.Count; i++)
            foreach (var e in dayGroups[i].Select(x => x.Event.Head).OfType<string>().Distinct())
                (byEvent.TryGetValue(e, out var list) ? list : byEvent[e] = []).Add(i);

        var reported = new HashSet<int>();
        for (int a = 0; a < dayGroups.Count; a++)
        {
            if (reported.Contains(a)) continue;
            var ga = dayGroups[a];
            var candidates = ga.Select(x => x.Event.Head).OfType<string>().Distinct().SelectMany(e => byEvent[e]).Where(b => b > a && !reported.Contains(b)).Distinct().Order();
            var cluster = new List<int> { a };
            foreach (var b in candidates)
            {
                var gb = dayGroups[b];
                if (ga[0].Time.Date == gb[0].Time.Date) continue;
                if (Math.Abs(ga[0].Time.Date!.Value.DayNumber - gb[0].Time.Date!.Value.DayNumber) > 7) continue;
                if (!ga.Any(x => gb.Any(y => y.Doc.Id != x.Doc.Id && EventWords.SameEvent(x.Event, y.Event)))) continue;
                // one source telling both dates is a story moving on ("met Monday and again Thursday"), not a conflict
                if (ga.Select(x => x.Doc.Id).Intersect(gb.Select(y => y.Doc.Id)).Any()) continue;
                cluster.Add(b);
            }
            if (cluster.Count < 2) continue;
            foreach (var c in cluster) reported.Add(c);
            var ordered = cluster.Select(c => dayGroups[c]).OrderBy(g => g[0].Time.Date).ToList();
            var values = ordered.Select(g => new DiscrepancyValue(D(g[0].Time.Date!.Value))
            {
                Sources = [.. g.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal)],
                Spans = [.. g.Select(i => new DocSpan(i.Doc.Id, i.Time.Span))],
            }).ToImmutableArray();
            var (resolution, resolved) = Resolve(ordered);
            yield return new Discrepancy("", DiscrepancyKind.Date, ga[0].What)
            {
                Values = values, Resolution = resolution, ResolvedValue = resolved, ResolutionMethod = resolved is null ? null : "majority",
            };
        }
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date is settled when more sources give it than any other and one of them writes the calendar date out.</summary>
    private static (string? Resolution, string? Value) Resolve(List<List<Item>> ordered)
    {
        var counts = ordered.Select(g => (Group: g, Sources: g.Select(i => i.Doc.Id).Distinct().Count(), Calendar: g.FirstOrDefault(i => i.Time.Text.Any(char.IsDigit)))).ToList();
        var best = counts.MaxBy(c => c.Sources);
        if (counts.Count(c => c.Sources == best.Sources) > 1 || best.Calendar is null) return (null, null);
        var others = string.Join("; ", counts.Where(c => c.Group != best.Group).Select(c =>
            $"{D(c.Group[0].Time.Date!.Value)} by {string.Join(", ", c.Group.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal))} ('{c.Group[0].Time.Text}')"));
        var value = D(best.Group[0].Time.Date!.Value);
        return ($"{value} is given by {best.Sources} sources, {best.Calendar.Doc.Id} with the calendar date '{best.Calendar.Time.Text}'; {others}", value);
    }
}
