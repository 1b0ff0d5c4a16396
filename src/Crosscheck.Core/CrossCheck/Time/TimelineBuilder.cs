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

    private static readonly System.Text.RegularExpressions.Regex BareTimeOfDay = new(
        @"^(?:(?:at|around|about|by|until|before|after|shortly after|just after|just before)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?\s?m\.?|p\.?\s?m\.?|o'clock|h)?|noon|midday|midnight|dawn|dusk|(?:the\s+|in\s+the\s+)?(?:morning|afternoon|evening|night))$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private sealed record Item(Document Doc, TimeExpression Time, TextSpan Sentence, string What, HashSet<string> Words, EventSignature Event);

    public Story Apply(Story story)
    {
        var items = new List<Item>();
        foreach (var doc in story.Documents)
            foreach (var t in doc.Times)
            {
                if (t.Date is null || t.Precision is not (DatePrecision.Day or DatePrecision.Month or DatePrecision.Year)) continue;
                if (t.TimexType is not ("DATE" or "TIME") || t.Value.EndsWith("_REF", StringComparison.Ordinal)) continue;
                // "at 8 a.m.", "at midday": a time of day with no day of its own borrows the last day mentioned, which is guesswork
                if (t.TimexType == "TIME" && BareTimeOfDay.IsMatch(t.Text)) continue;
                int si = doc.SentenceAt(t.Span.Start);
                if (si < 0) continue;
                var sentence = doc.Sentences[si].Span;
                // the other time expressions of the sentence: "discovered it on the 3rd and told the authority on Thursday" holds two events
                var others = doc.Times.Where(o => o != t && o.Span.Start >= sentence.Start && o.Span.End <= sentence.End).Select(o => o.Span).ToList();
                var (what, words) = EventWords.Describe(doc.Text, sentence, t.Span, MaxWhatWords, others);
                if (words.Count == 0) continue;
                items.Add(new Item(doc, t, sentence, what, words, EventWords.Signature(doc.Text, sentence, t.Span, MaxWhatWords, others)));
            }

        // event heads told on more than one day (an index on the head word, not a scan of all pairs)
        var daysOfHead = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var item in items)
            if (item.Event.Head is { } h && item.Time.Precision == DatePrecision.Day)
                (daysOfHead.TryGetValue(h, out var days) ? days : daysOfHead[h] = []).Add(item.Time.Date!.Value);
        bool ToldOnOtherDays(Item item) =>
            item.Event.Head is { } h && daysOfHead.TryGetValue(h, out var days) && days.Any(d => d != item.Time.Date && Math.Abs(d.DayNumber - item.Time.Date!.Value.DayNumber) <= 7);

        // merge: same date, precision and modifier, overlapping event words
        // only groups of the same date are candidates (an index on the date, not a scan of all groups)
        var groups = new List<List<Item>>();
        var byDate = new Dictionary<(DateOnly, DatePrecision, string?), List<List<Item>>>();
        foreach (var item in items)
        {
            var key = (item.Time.Date!.Value, item.Time.Precision, item.Time.Modifier);
            if (!byDate.TryGetValue(key, out var sameDate)) byDate[key] = sameDate = [];
            // shared words join two clauses unless each names its own, different event and this one is told on another
            // day elsewhere ("ordered the recount" on Wednesday here, on Tuesday in other sources): kept apart, the date
            // conflict stays visible
            // the item tells the same event as groups told apart so far ("detected … on Monday" and "discovered … on the
            // 3rd", through "**3 May**: … detects the intrusion"): one event, one entry
            var same = sameDate.Where(g => g.Any(o => EventWords.SameEvent(o.Event, item.Event))).ToList();
            if (same.Count > 1)
            {
                same[0].Add(item);
                foreach (var other in same.Skip(1)) { same[0].AddRange(other); groups.Remove(other); sameDate.Remove(other); }
                continue;
            }
            var home = sameDate.FirstOrDefault(g => g.Any(o => EventWords.SameEvent(o.Event, item.Event)
                || EventWords.Overlap(o.Words, item.Words) >= 2 && !(DifferentEvents(o.Event, item.Event) && ToldOnOtherDays(item))));
            if (home is null) { home = [item]; groups.Add(home); sameDate.Add(home); }
            else home.Add(item);
        }

        var entries = groups.Select(g =>
        {
            // the label names the event: a clause with an event word before one that only says who said it
            var first = g[0].Event.Head is null || g[0].Event.Reported ? g.FirstOrDefault(i => i.Event.Head is not null && !i.Event.Reported) ?? g[0] : g[0];
            return new TimelineEntry(first.Time.Date!.Value, first.Time.Precision, first.What, new DocSpan(first.Doc.Id, first.Time.Span), first.Time.Text)
            {
                Sources = [.. g.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal)],
                Sentence = new DocSpan(first.Doc.Id, first.Sentence),
                Modifier = first.Time.Modifier,
                OtherMentions = [.. g.Where(i => i != first).Select(i => new DocSpan(i.Doc.Id, i.Time.Span))],
            };
        })
        .OrderBy(e => e.Date).ThenBy(e => e.Precision == DatePrecision.Day ? 2 : e.Precision == DatePrecision.Month ? 1 : 0)
        .ThenBy(e => e.Phrase.DocId, StringComparer.Ordinal).ThenBy(e => e.Phrase.Span.Start)
        .ToImmutableArray();

        var discrepancies = story.Discrepancies.ToBuilder();
        var originOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copies in story.SharedOrigins)
            foreach (var doc in copies) originOf[doc] = copies[0];
        foreach (var conflict in Conflicts(groups, originOf))
            discrepancies.Add(conflict with { Id = $"d{discrepancies.Count + 1}" });
        return story with { Timeline = entries, Discrepancies = discrepancies.ToImmutable() };
    }

    /// <summary>
    /// Day-dated groups of different sources that tell the same event (the same head event word, paraphrases
    /// included, and most of the other keys) on different days within a week. Candidate pairs come from an index on
    /// head event words, so groups that share none are never compared.
    /// </summary>
    private static IEnumerable<Discrepancy> Conflicts(List<List<Item>> groups, IReadOnlyDictionary<string, string> originOf)
    {
        // a date that is only the day a statement was made ("…, the company said on Friday") dates no event of its own
        var dayGroups = groups.Where(g => g[0].Time.Precision == DatePrecision.Day)
            .Select(g => g.Where(i => !i.Event.Reported).ToList()).Where(g => g.Count > 0).ToList();
        var byEvent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < dayGroups.Count; i++)
            foreach (var e in dayGroups[i].Select(x => x.Event.Head ?? NoHead).Distinct())
                (byEvent.TryGetValue(e, out var list) ? list : byEvent[e] = []).Add(i);

        var reported = new HashSet<int>();
        for (int a = 0; a < dayGroups.Count; a++)
        {
            if (reported.Contains(a)) continue;
            var ga = dayGroups[a];
            var candidates = ga.Select(x => x.Event.Head ?? NoHead).Distinct().SelectMany(e => byEvent[e]).Where(b => b > a && !reported.Contains(b)).Distinct().Order();
            var cluster = new List<int> { a };
            foreach (var b in candidates)
            {
                var gb = dayGroups[b];
                if (ga[0].Time.Date == gb[0].Time.Date) continue;
                if (Math.Abs(ga[0].Time.Date!.Value.DayNumber - gb[0].Time.Date!.Value.DayNumber) > 7) continue;
                // the items of each entry that tell the event the other entry dates otherwise
                var ma = ga.Where(x => gb.Any(y => y.Doc.Id != x.Doc.Id && EventWords.SameEvent(x.Event, y.Event))).ToList();
                var mb = gb.Where(y => ga.Any(x => x.Doc.Id != y.Doc.Id && EventWords.SameEvent(x.Event, y.Event))).ToList();
                if (ma.Count == 0 || mb.Count == 0) continue;
                // one source telling that event on both days is a story moving on ("met Monday and again Thursday"), not a
                // conflict (a source that sits in an entry only through another event merged into it does not count)
                if (ma.Select(x => x.Doc.Id).Intersect(mb.Select(y => y.Doc.Id)).Any()) continue;
                // nor is one sentence that dates two things ("injured in Sunday's derailment rose to 41 on Tuesday")
                if (ma.Any(x => gb.Any(y => y.Doc.Id == x.Doc.Id && x.Doc.SentenceAt(x.Time.Span.Start) == y.Doc.SentenceAt(y.Time.Span.Start)))
                    || mb.Any(y => ga.Any(x => x.Doc.Id == y.Doc.Id && x.Doc.SentenceAt(x.Time.Span.Start) == y.Doc.SentenceAt(y.Time.Span.Start)))) continue;
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
            var (resolution, resolved) = Resolve(ordered, originOf);
            yield return new Discrepancy("", DiscrepancyKind.Date, ga[0].What)
            {
                Values = values, Resolution = resolution, ResolvedValue = resolved, ResolutionMethod = resolved is null ? null : "majority",
            };
        }
    }

    /// <summary>The bucket of clauses with no event word near their date (compared by their content words alone).</summary>
    private const string NoHead = "\0";

    private static bool DifferentEvents(EventSignature a, EventSignature b) =>
        a.Head is not null && b.Head is not null && a.Head != b.Head && !a.Events.Contains(b.Head) && !b.Events.Contains(a.Head);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date is settled when more independent sources (copies of one wire story count once) give it than any other, and
    /// one of them writes the calendar date out or dates its weekday from a publication date it states.
    /// </summary>
    private static (string? Resolution, string? Value) Resolve(List<List<Item>> ordered, IReadOnlyDictionary<string, string> originOf)
    {
        var counts = ordered.Select(g => (Group: g,
            Sources: g.Select(i => originOf.GetValueOrDefault(i.Doc.Id, i.Doc.Id)).Distinct().Count(),
            Calendar: g.FirstOrDefault(i => i.Time.Text.Any(char.IsDigit)) ?? g.FirstOrDefault(i => i.Doc.Published is { Inferred: false }))).ToList();
        var best = counts.MaxBy(c => c.Sources);
        if (counts.Count(c => c.Sources == best.Sources) > 1 || best.Calendar is null) return (null, null);
        var others = string.Join("; ", counts.Where(c => c.Group != best.Group).Select(c =>
            $"{D(c.Group[0].Time.Date!.Value)} by {string.Join(", ", c.Group.Select(i => i.Doc.Id).Distinct().Order(StringComparer.Ordinal))} ('{c.Group[0].Time.Text}')"));
        var value = D(best.Group[0].Time.Date!.Value);
        var anchor = best.Calendar.Time.Text.Any(char.IsDigit)
            ? $"{best.Calendar.Doc.Id} with the calendar date '{best.Calendar.Time.Text}'"
            : $"{best.Calendar.Doc.Id} dating '{best.Calendar.Time.Text}' from its stated publication date {D(best.Calendar.Doc.Published!.Date)}";
        var copies = best.Group.Select(i => i.Doc.Id).Distinct().Count() > best.Sources ? " (copies of one story counted once)" : "";
        return ($"{value} is given by {best.Sources} independent sources{copies}, {anchor}; {others}", value);
    }
}
