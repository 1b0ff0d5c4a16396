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

    private sealed record Item(Document Doc, TimeExpression Time, TextSpan Sentence, string What, HashSet<string> Words);

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
                items.Add(new Item(doc, t, sentence, what, words));
            }

        // merge: same date, precision and modifier, overlapping event words
        var groups = new List<List<Item>>();
        foreach (var item in items)
        {
            var home = groups.FirstOrDefault(g => SameDate(g[0].Time, item.Time) && g.Any(o => EventWords.Overlap(o.Words, item.Words) >= 2));
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

    /// <summary>Day-dated groups of different sources that tell the same event (most of their event words shared) on different days within a week.</summary>
    private static IEnumerable<Discrepancy> Conflicts(List<List<Item>> groups)
    {
        var dayGroups = groups.Where(g => g[0].Time.Precision == DatePrecision.Day).ToList();
        var reported = new HashSet<int>();
        for (int a = 0; a < dayGroups.Count; a++)
        {
            if (reported.Contains(a)) continue;
            var cluster = new List<int> { a };
            for (int b = a + 1; b < dayGroups.Count; b++)
            {
                if (reported.Contains(b)) continue;
                var ga = dayGroups[a]; var gb = dayGroups[b];
                if (ga[0].Time.Date == gb[0].Time.Date) continue;
                if (Math.Abs(ga[0].Time.Date!.Value.DayNumber - gb[0].Time.Date!.Value.DayNumber) > 7) continue;
                if (!ga.Any(x => gb.Any(y => y.Doc.Id != x.Doc.Id && EventWords.SameEvent(x.Words, y.Words)))) continue;
                cluster.Add(b);
            }
            if (cluster.Count < 2) continue;
            foreach (var c in cluster) reported.Add(c);
            var values = cluster.Select(c => dayGroups[c]).OrderBy(g => g[0].Time.Date).Select(g => new DiscrepancyValue(g[0].Time.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                Sources = [.. g.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal)],
                Spans = [.. g.Select(i => new DocSpan(i.Doc.Id, i.Time.Span))],
            }).ToImmutableArray();
            yield return new Discrepancy("", DiscrepancyKind.Date, dayGroups[a][0].What) { Values = values };
        }
    }
}
