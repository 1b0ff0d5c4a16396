using System.Globalization;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>A time expression ready for reasoning: its meaning, the direction its clause points, and the sentence it sits in.</summary>
public sealed record PlacedMention(TimexMention Mention, int Direction, TextSpan Sentence, string Text)
{
    /// <summary>True when a word of the clause set <see cref="Direction"/>; false when it is the past-reporting default.</summary>
    public bool Cued { get; init; } = true;
    /// <summary>True for the date of a dateline ("WASHINGTON, August 11 (Xinhua) --"): it dates the report, not an event of it.</summary>
    public bool Dateline { get; init; }
}

/// <summary>
/// Infers a publication date for a document that states none. Explicitly dated events (a full date, or a month and
/// day once the year is known) anchor the story in time; the reference date is then the earliest day, on or after
/// the latest dated event, on which the document's weekdays and day numbers ("Thursday", "on the 20th") point
/// closest to that latest dated event (days before it weigh more than days after) — reports cluster around, and run on
/// from, the newest thing they date.
/// </summary>
public static class PublicationDateInference
{
    /// <summary>Anchor dates known from outside the document (other sources of the story), with a note on where they came from.</summary>
    public sealed record Anchor(DateOnly Date, string Evidence)
    {
        /// <summary>The date another source was published, not an event of the story: it bounds the week, but the
        /// document's own relative dates are not drawn towards it.</summary>
        public bool IsPublication { get; init; }
    }

    private const int SearchDays = 10;

    /// <summary>Reports run on from their newest dated event: a day before it costs more than a day after it.</summary>
    private const double BeforeWeight = 1.5;

    /// <summary>What each day between the lead's event and the report costs.</summary>
    private const double LeadWeight = 2;

    /// <summary>A year the text names in a sentence that also says "this year" (or "so far this year").</summary>
    private static (int Year, string Why)? CurrentYear(IReadOnlyList<PlacedMention> mentions)
    {
        // only the newest year the text names can be the present one
        int? newest = mentions.Where(o => o.Mention.Year is not null).Select(o => o.Mention.Year).Max();
        foreach (var p in mentions)
        {
            if (p.Mention is not { Kind: TimexKind.RelativeUnit, Unit: "Y", Offset: 0 } || p.Mention.Rule != "relative-unit"
                || !p.Text.Contains("this", StringComparison.OrdinalIgnoreCase)) continue;
            var named = mentions.Where(o => o.Sentence == p.Sentence && o.Mention.Kind is TimexKind.Year or TimexKind.MonthYear && o.Mention.Year is not null)
                .Select(o => o.Mention.Year!.Value).Distinct().ToList();
            if (named.Count == 1 && named[0] == newest) return (named[0], $"'{p.Text}' beside the year {named[0]} in one sentence");
        }
        return null;
    }

    /// <param name="window">Days the reference must lie in, when other evidence already bounds it (events another source dates).</param>
    public static PublicationDate? Infer(IReadOnlyList<PlacedMention> mentions, IReadOnlyList<Anchor>? external = null, (DateOnly From, DateOnly To)? window = null)
    {
        var evidence = new List<string>();
        var anchors = new List<Anchor>();
        foreach (var p in mentions)
            if (p.Mention.Kind == TimexKind.FullDate && !(p.Cued && p.Direction > 0) && TimexResolver.Resolve(p.Mention, null, -1)?.Date is { } d)
                anchors.Add(new Anchor(d, $"full date '{p.Text}' in the text")); // a date the text looks ahead to ("will close June 30, 1990") dates nothing

        // the newest year the text names: full dates of older years are history, not the news
        int? namedYear = mentions.Where(p => p.Direction < 0 && p.Mention.Kind is TimexKind.Year or TimexKind.MonthYear or TimexKind.FullDate)
            .Select(p => p.Mention.Year).Max();
        anchors.RemoveAll(a => namedYear is { } ny && a.Date.Year < ny);
        int? year = anchors.Count > 0 ? anchors.Max(a => a.Date).Year : null;
        if (year is null && external is { Count: > 0 }) year = external.Max(a => a.Date).Year;
        bool yearFromWeekday = false;
        if (year is null)
        {
            // a weekday written with its month and day fixes the year, near the latest year the text names
            var yearHints = mentions.Where(p => p.Mention.Kind is TimexKind.Year or TimexKind.MonthYear && p.Direction < 0).Select(p => p.Mention.Year!.Value).ToList();
            int? hint = yearHints.Count > 0 ? yearHints.Max() : null;
            foreach (var p in mentions)
                if (p.Mention is { Kind: TimexKind.MonthDay, Weekday: { } wd } md && hint is { } h)
                    for (int y = h; y <= h + 6; y++)
                        if (md.Day <= DateTime.DaysInMonth(y, md.Month!.Value) && ((int)new DateOnly(y, md.Month!.Value, md.Day!.Value).DayOfWeek + 6) % 7 + 1 == wd)
                        { year = y; yearFromWeekday = true; evidence.Add($"'{p.Text}' falls on that weekday in {y}"); break; }
            // a year named beside "this year" in one sentence is the current year ("this year's 1998 budget")
            if (year is null && CurrentYear(mentions) is { } current) { year = current.Year; evidence.Add(current.Why); }
            // a year merely named is history as often as news: without a weekday or "this year" to tie it to the
            // present, no year (and so no date) is invented
        }
        if (year is null) return null;

        // a full date on the page's date line ("Thursday 15 October 2026" above the body) is the day it was published
        if (mentions.FirstOrDefault(p => p.Dateline && p.Mention.Kind == TimexKind.FullDate) is { } dated
            && TimexResolver.Resolve(dated.Mention, null, -1)?.Date is { } on && (namedYear is null || on.Year >= namedYear))
        {
            evidence.Add($"the date line '{dated.Text}'");
            return new PublicationDate(on, Inferred: true) { Confidence = 0.9, Evidence = evidence, NotBefore = on };
        }

        // a dateline ("WASHINGTON, August 11 (Xinhua) --") is the day the report was filed
        if (mentions.FirstOrDefault(p => p.Dateline && p.Mention.Kind == TimexKind.MonthDay) is { } line
            && line.Mention.Day <= DateTime.DaysInMonth(year.Value, line.Mention.Month!.Value))
        {
            var filed = new DateOnly(year.Value, line.Mention.Month!.Value, line.Mention.Day!.Value);
            evidence.Add($"the dateline '{line.Text}' in {year}");
            return new PublicationDate(filed, Inferred: true) { Confidence = 0.85, Evidence = evidence, NotBefore = filed };
        }

        foreach (var p in mentions)
            if (p.Mention is { Kind: TimexKind.MonthDay } md && p.Direction < 0 && md.Day <= DateTime.DaysInMonth(year.Value, md.Month!.Value))
                anchors.Add(new Anchor(new DateOnly(year.Value, md.Month!.Value, md.Day!.Value), $"'{p.Text}' in {year}"));
        var own = anchors.ToList();
        if (external is not null) anchors.AddRange(external);
        if (anchors.Count == 0) return null;
        var latest = anchors.MaxBy(a => a.Date)!;
        var ownLatest = own.Select(a => (DateOnly?)a.Date).Max();
        var relatives = mentions.Where(p => p.Direction < 0 && p.Mention.Kind is TimexKind.Weekday or TimexKind.DayOfMonth && p.Mention.ForcedDirection == 0).ToList();

        // cost of a reference day: its relative dates should cluster at the newest dated event (a day before it costs
        // more than a day after), and the first of them, the lead, tells the news the report was written for: each day
        // the report would be older than its lead costs too (a weekday or a day of the month: "the 9th" leads as well)
        var lead = relatives.FirstOrDefault();
        DateOnly best = ownLatest ?? latest.Date; double bestCost = double.MaxValue;
        var start = ownLatest ?? latest.Date.AddDays(-SearchDays / 2);
        var end = latest.Date.AddDays(SearchDays);
        if (window is { } w)
        {
            start = start > w.From ? start : w.From;
            end = end < w.To ? end : w.To;
            if (start > end) { start = w.From; end = w.From; }
            best = start;
        }
        // only other sources' publication dates to go by: the document's relative dates should hold together (one news
        // week), not gather round a day another outlet happened to publish on
        bool publicationsOnly = ownLatest is null && anchors.All(a => a.IsPublication);
        for (var r = start; r <= end; r = r.AddDays(1))
        {
            double cost = 0;
            if (publicationsOnly)
            {
                var days = relatives.Select(p => TimexResolver.Resolve(p.Mention, r, -1)?.Date).OfType<DateOnly>().Select(d => d.DayNumber).Order().ToList();
                if (days.Count > 0) { int median = days[days.Count / 2]; cost += days.Sum(d => Math.Abs(d - median)); }
            }
            else
            foreach (var p in relatives)
                if (TimexResolver.Resolve(p.Mention, r, -1)?.Date is { } d)
                    cost += d < latest.Date ? BeforeWeight * (latest.Date.DayNumber - d.DayNumber) : d.DayNumber - latest.Date.DayNumber;
            // (with only publication dates to go by, the lead weighs less: its holding together with the rest decides)
            if (lead is not null && TimexResolver.Resolve(lead.Mention, r, -1)?.Date is { } ld) cost += (publicationsOnly ? LeadWeight / 4 : LeadWeight) * (r.DayNumber - ld.DayNumber);
            if (cost < bestCost) { bestCost = cost; best = r; }
        }

        // the latest past event the document reports, under the chosen reference
        var notBefore = own.Select(a => a.Date).DefaultIfEmpty(DateOnly.MinValue).Max();
        var fixedBy = new List<string>();
        foreach (var p in relatives)
            if (TimexResolver.Resolve(p.Mention, best, -1)?.Date is { } d)
            {
                if (d > notBefore) notBefore = d;
                fixedBy.Add($"'{p.Text}' → {d:yyyy-MM-dd}");
            }
        if (best < notBefore) best = notBefore;

        evidence.Add($"latest dated event {latest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({latest.Evidence})");
        if (fixedBy.Count > 0) evidence.Add("relative dates placed closest to it: " + string.Join(", ", fixedBy.Take(6)));
        double confidence = own.Count > 0 ? 0.7 : 0.5;
        if (relatives.Count > 0) confidence += 0.15;
        if (yearFromWeekday) confidence -= 0.1;
        if (external is not null && ownLatest is null) confidence -= 0.1;
        return new PublicationDate(best, Inferred: true)
        {
            Confidence = Math.Round(Math.Clamp(confidence, 0.1, 0.95), 2),
            Evidence = evidence,
            NotBefore = notBefore == DateOnly.MinValue ? null : notBefore,
        };
    }
}
