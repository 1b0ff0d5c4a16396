using System.Globalization;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>A resolved expression: TIMEX3 type and value, the first day it covers, and its precision.</summary>
public readonly record struct ResolvedTimex(string Type, string Value, DateOnly? Date, DatePrecision Precision, bool Relative, string? Modifier);

/// <summary>What earlier expressions of the same document set up: the last quarter spoken of ("a year earlier" then means that quarter a year back).</summary>
public sealed class ResolveContext
{
    public (int Year, int Quarter)? LastQuarter { get; set; }
    /// <summary>The last day, month and year an expression fixed: what "that day", "that month", "later that year" point back to.</summary>
    public DateOnly? LastDay { get; set; }
    public DateOnly? LastMonth { get; set; }
    public int? LastYear { get; set; }

    internal void Remember(ResolvedTimex r)
    {
        if (r.Date is not { } d || r.Type is not ("DATE" or "TIME")) return;
        if (r.Precision == DatePrecision.Day) { LastDay = d; LastMonth = new DateOnly(d.Year, d.Month, 1); LastYear = d.Year; }
        else if (r.Precision == DatePrecision.Month) { LastMonth = d; LastYear = d.Year; }
        else if (r.Precision == DatePrecision.Year) LastYear = d.Year;
    }
}

/// <summary>
/// Turns a <see cref="TimexMention"/> into a TIMEX3 value against a reference date. <c>direction</c> is -1 when
/// the clause reports the past ("said Thursday"), +1 when it looks ahead ("will meet on Thursday"), 0 when no word
/// says: a month or a month and day is then the nearest one, anything else is taken as past (news reports the past).
/// </summary>
public static class TimexResolver
{
    public static ResolvedTimex? Resolve(TimexMention m, DateOnly? reference, int direction, ResolveContext? context = null)
    {
        context ??= new ResolveContext();
        try
        {
            var r = ResolveCore(m, reference, direction, context);
            if (r is { } ok && m.Kind != TimexKind.Anaphor) context.Remember(ok);
            return r;
        }
        catch (ArgumentOutOfRangeException) { return null; } // an impossible calendar date ("February 30")
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Week(DateOnly d) => $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}";
    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
    private static int IsoDow(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    /// <summary>The weekday <paramref name="weekday"/> nearest to <paramref name="reference"/> on the given side (inclusive unless <paramref name="strict"/>).</summary>
    public static DateOnly WeekdayFrom(DateOnly reference, int weekday, int direction, bool strict = false)
    {
        int back = (IsoDow(reference) - weekday + 7) % 7, ahead = (weekday - IsoDow(reference) + 7) % 7;
        if (strict) { if (back == 0) back = 7; if (ahead == 0) ahead = 7; }
        return direction < 0 ? reference.AddDays(-back) : reference.AddDays(ahead);
    }

    /// <summary>The day-of-month <paramref name="day"/> nearest to <paramref name="reference"/> on the given side (inclusive).</summary>
    public static DateOnly? DayOfMonthFrom(DateOnly reference, int day, int direction)
    {
        var month = new DateOnly(reference.Year, reference.Month, 1);
        for (int i = 0; i < 3; i++)
        {
            var m = month.AddMonths(direction < 0 ? -i : i);
            if (day > DateTime.DaysInMonth(m.Year, m.Month)) continue;
            var d = new DateOnly(m.Year, m.Month, day);
            if (direction < 0 ? d <= reference : d >= reference) return d;
        }
        return null;
    }

    private static ResolvedTimex Day(DateOnly d, bool relative, TimexMention m) =>
        m.IsTime && m.Value is not null
            ? new("TIME", D(d) + "T" + m.Value, d, DatePrecision.Day, relative, m.Modifier)
            : new("DATE", D(d), d, DatePrecision.Day, relative, m.Modifier);

    private static ResolvedTimex Unresolved(string type, string value, TimexMention m) => new(type, value, null, DatePrecision.Unknown, true, m.Modifier);

    private static ResolvedTimex? ResolveCore(TimexMention m, DateOnly? reference, int cue, ResolveContext ctx)
    {
        int direction = cue > 0 ? 1 : -1;
        switch (m.Kind)
        {
            case TimexKind.FullDate:
                return Day(new DateOnly(m.Year!.Value, m.Month!.Value, m.Day!.Value), false, m);

            case TimexKind.MonthDay when m.Unit == "W":
            {
                // "the week of March 6": the ISO week holding that day
                var day = ResolveCore(m with { Unit = null, Kind = m.Year is null ? TimexKind.MonthDay : TimexKind.FullDate }, reference, cue, ctx);
                if (day?.Date is not { } wd) return day is null ? null : Unresolved("DATE", "XXXX-WXX", m);
                var ws = WeekStart(wd);
                return new("DATE", Week(ws), ws, DatePrecision.Week, day.Value.Relative, m.Modifier);
            }

            case TimexKind.MonthDay:
            {
                if (reference is not { } r) return Unresolved("DATE", $"XXXX-{m.Month:00}-{m.Day:00}", m);
                DateOnly? best = null;
                for (int y = r.Year - 1; y <= r.Year + 1; y++)
                {
                    if (m.Day > DateTime.DaysInMonth(y, m.Month!.Value)) continue;
                    var d = new DateOnly(y, m.Month!.Value, m.Day!.Value);
                    // the nearest such day, but a past clause reaches at most two months ahead and a future one two months back
                    // with no cue, a day ahead is taken only when it is under a third of a year away (news reports the past)
                    bool fits = cue == 0 ? (d <= r ? r.DayNumber - d.DayNumber < 365 : d.DayNumber - r.DayNumber < 122) : direction < 0 ? d.DayNumber <= r.DayNumber + 60 : d.DayNumber >= r.DayNumber - 60;
                    if (fits && (best is null || Math.Abs(d.DayNumber - r.DayNumber) < Math.Abs(best.Value.DayNumber - r.DayNumber))) best = d;
                }
                return best is { } b ? Day(b, true, m) : null;
            }

            case TimexKind.MonthYear:
                return new("DATE", $"{m.Year:0000}-{m.Month:00}", new DateOnly(m.Year!.Value, m.Month!.Value, 1), DatePrecision.Month, false, m.Modifier);

            case TimexKind.Month:
            {
                if (reference is not { } r) return Unresolved("DATE", $"XXXX-{m.Month:00}", m);
                int y = r.Year, month = m.Month!.Value;
                if (m.Unit == "Y") { y += m.Offset; return new("DATE", $"{y:0000}-{month:00}", new DateOnly(y, month, 1), DatePrecision.Month, true, m.Modifier); } // "July last year"
                int dir = m.ForcedDirection != 0 ? m.ForcedDirection : direction;
                if (m.ForcedDirection == 0 && cue == 0) { if (month > r.Month) y--; if (r.Month - month + 12 * (r.Year - y) >= 8) y++; } // no cue: back, unless ahead is under half as far
                else if (m.ForcedDirection < 0 && month >= r.Month) y--;
                else if (m.ForcedDirection > 0 && month <= r.Month) y++;
                else if (m.ForcedDirection == 0 && dir < 0 && month > r.Month) y--;
                else if (m.ForcedDirection == 0 && dir > 0 && month < r.Month) y++;
                return new("DATE", $"{y:0000}-{month:00}", new DateOnly(y, month, 1), DatePrecision.Month, true, m.Modifier);
            }

            case TimexKind.Year:
                return new("DATE", $"{m.Year:0000}", new DateOnly(m.Year!.Value, 1, 1), DatePrecision.Year, false, m.Modifier);

            case TimexKind.Decade:
                // TimeBank writes a bare decade with an X ("1990s" = 199X) and a narrowed one without ("the late 1970s" = 197)
                return new("DATE", m.Value! + (m.Modifier is null && m.Rule == "decade" ? "X" : ""), null, DatePrecision.Unknown, false, m.Modifier);

            case TimexKind.Weekday:
            {
                if (reference is not { } r) return Unresolved(m.IsTime ? "TIME" : "DATE", $"XXXX-WXX-{m.Weekday}" + (m.IsTime ? "T" + m.Value : ""), m);
                var d = m.ForcedDirection != 0 ? WeekdayFrom(r, m.Weekday!.Value, m.ForcedDirection, strict: true) : WeekdayFrom(r, m.Weekday!.Value, direction);
                return Day(d, true, m);
            }

            case TimexKind.DayOfMonth:
            {
                if (reference is not { } r) return Unresolved("DATE", $"XXXX-XX-{m.Day:00}", m);
                var d = DayOfMonthFrom(r, m.Day!.Value, direction);
                return d is { } dd ? Day(dd, true, m) : null;
            }

            case TimexKind.RelativeDay:
            {
                if (reference is not { } r) return Unresolved(m.IsTime ? "TIME" : "DATE", m.Offset == 0 && !m.IsTime ? "PRESENT_REF" : "XXXX-XX-XX", m);
                return Day(r.AddDays(m.Offset), true, m);
            }

            case TimexKind.RelativeUnit:
            {
                if (m.Year is { } ey) return new("DATE", $"{ey:0000}", new DateOnly(ey, 1, 1), DatePrecision.Year, false, m.Modifier);
                if (reference is not { } r) return Unresolved("DATE", "XXXX", m);
                if (m.Rule == "relative-anaphoric")
                {
                    if (m.Unit == "Y" && ctx.LastYear is { } ay && ay != r.Year) return new("DATE", $"{ay + m.Offset:0000}", new DateOnly(ay + m.Offset, 1, 1), DatePrecision.Year, true, m.Modifier);
                    if (m.Unit == "M" && ctx.LastMonth is { } am && (am.Year, am.Month) != (r.Year, r.Month)) { var d = am.AddMonths(m.Offset); return new("DATE", $"{d.Year:0000}-{d.Month:00}", d, DatePrecision.Month, true, m.Modifier); }
                    if (m.Unit == "D" && ctx.LastDay is { } ad && ad != r) return Day(ad.AddDays(m.Offset), true, m);
                }
                if (m.Rule == "year-end") return Day(new DateOnly(r.Year + m.Offset, 12, 31), true, m with { Modifier = null });
                return Unit(r, m.Unit!, m.Offset, m, ctx, direction);
            }

            case TimexKind.Shifted:
            {
                if (reference is not { } r) return Unresolved("DATE", "XXXX", m);
                if (m.Unit == "Y" && m.Offset == 0 && m.Value == "Q" && ctx.LastQuarter is null) return Unit(r, "Q", -1, m, ctx); // "the latest period": the last quarter
                if (m.Unit == "Y" && (m.Value == "Q" || ctx.LastQuarter is not null) && ctx.LastQuarter is { } lq)
                    return new("DATE", $"{lq.Year + m.Offset:0000}-Q{lq.Quarter}", new DateOnly(lq.Year + m.Offset, lq.Quarter * 3 - 2, 1), DatePrecision.Unknown, true, m.Modifier);
                if (m.Unit is "TH" or "TM" or "TS") return new("TIME", "PAST_REF", null, DatePrecision.Unknown, true, m.Modifier);
                if (m.Unit == "D") return Day(r.AddDays(m.Offset), true, m);
                if (m.Unit is "DE" or "CE") { int y = r.Year + m.Offset * (m.Unit == "DE" ? 10 : 100); return new("DATE", $"{y:0000}", new DateOnly(y, 1, 1), DatePrecision.Year, true, m.Modifier); }
                return Unit(r, m.Unit!, m.Offset, m, ctx, direction);
            }

            case TimexKind.Duration:
                return new("DURATION", DurationValue(m.Amount, m.Unit!), null, DatePrecision.Unknown, false, m.Modifier);

            case TimexKind.Holiday:
            {
                var (hm, hd, hw, hn) = TimeLexicon.Holidays[m.Value!];
                DateOnly On(int y)
                {
                    if (hw == 0) return new DateOnly(y, hm, hd);
                    if (hn < 0) { var last = new DateOnly(y, hm, DateTime.DaysInMonth(y, hm)); return last.AddDays(-((IsoDow(last) - hw + 7) % 7)); }
                    var first = new DateOnly(y, hm, Math.Max(hd, 1));
                    return first.AddDays((hw - IsoDow(first) + 7) % 7 + 7 * (hd > 0 ? 0 : hn - 1));
                }
                if (reference is not { } r) return Unresolved("DATE", hw == 0 ? $"XXXX-{hm:00}-{hd:00}" : "XXXX-XX-XX", m);
                int dir = m.ForcedDirection != 0 ? m.ForcedDirection : cue;
                var candidates = new[] { On(r.Year - 1), On(r.Year), On(r.Year + 1) };
                var pick = dir < 0 ? candidates.Where(d => d <= r).Max() : dir > 0 ? candidates.Where(d => d >= r).Min()
                    : candidates.MinBy(d => Math.Abs(d.DayNumber - r.DayNumber));
                return Day(pick, true, m);
            }

            case TimexKind.Reference:
                return new("DATE", m.Value!, m.Value == "PRESENT_REF" ? reference : null, DatePrecision.Unknown, true, m.Modifier);

            case TimexKind.Quarter when m.Month == 0:
            {
                // "the 1988 quarter": the quarter spoken of, in that year
                if (ctx.LastQuarter is { } cq) return new("DATE", $"{m.Year:0000}-Q{cq.Quarter}", new DateOnly(m.Year!.Value, cq.Quarter * 3 - 2, 1), DatePrecision.Unknown, true, m.Modifier);
                return new("DATE", $"{m.Year:0000}", new DateOnly(m.Year!.Value, 1, 1), DatePrecision.Year, false, m.Modifier);
            }

            case TimexKind.Quarter:
            {
                if (m.Year is null && reference is null) return Unresolved("DATE", $"XXXX-Q{m.Month}", m);
                int y = m.Year ?? reference!.Value.Year + m.Offset;
                if (m.Rule == "quarter-ended" && m.Day > reference!.Value.Month) y--; // its closing month is still ahead this year: last year's
                ctx.LastQuarter = (y, m.Month!.Value);
                return new("DATE", $"{y:0000}-Q{m.Month}", new DateOnly(y, m.Month!.Value * 3 - 2, 1), DatePrecision.Unknown, m.Year is null, m.Modifier);
            }

            case TimexKind.Season:
            {
                if (m.Year is null && reference is null) return Unresolved("DATE", "XXXX-" + m.Value, m);
                int y = m.Year ?? reference!.Value.Year + m.Offset;
                return new("DATE", $"{y:0000}-{m.Value}", null, DatePrecision.Unknown, m.Year is null, m.Modifier);
            }

            case TimexKind.Anaphor:
                switch (m.Unit)
                {
                    case "D" when ctx.LastDay is { } ld: return Day(ld, true, m);
                    case "M" when ctx.LastMonth is { } lm: return new("DATE", $"{lm.Year:0000}-{lm.Month:00}", lm, DatePrecision.Month, true, m.Modifier);
                    case "Y" when ctx.LastYear is { } ly: return new("DATE", $"{ly:0000}", new DateOnly(ly, 1, 1), DatePrecision.Year, true, m.Modifier);
                    case "Q" when ctx.LastQuarter is { } q: return new("DATE", $"{q.Year:0000}-Q{q.Quarter}", new DateOnly(q.Year, q.Quarter * 3 - 2, 1), DatePrecision.Unknown, true, m.Modifier);
                }
                return new("DATE", "PAST_REF", null, DatePrecision.Unknown, true, m.Modifier);

            case TimexKind.Set:
                return new("SET", m.Value!, null, DatePrecision.Unknown, false, null);

            case TimexKind.TimeOfDay:
                // a bare clock time is on the day the text last spoke of ("shot on Oct. 23 ... at 10 p.m."), else on the reference day
                if (ctx.LastDay is { } lastDay && reference is not null) return new("TIME", D(lastDay) + "T" + m.Value, lastDay, DatePrecision.Day, true, m.Modifier);
                return reference is { } rt
                    ? new("TIME", D(rt) + "T" + m.Value, rt, DatePrecision.Day, true, m.Modifier)
                    : new("TIME", "XXXX-XX-XXT" + m.Value, null, DatePrecision.Unknown, true, m.Modifier);
        }
        return null;
    }

    /// <summary>A TIMEX3 duration: "P3D", "PT2H", "P2Y6M" for two and a half years, "PXY" for a vague amount; quarters count as three months.</summary>
    public static string DurationValue(double? amount, string unit)
    {
        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        if (unit == "WE") return "P2D";
        if (amount is not { } a) return unit switch { "DE" or "CE" => "PXY", "Q" => "PXM", "2W" => "PXW", _ when unit.StartsWith('T') => "PTX" + unit[1..], _ => "PX" + unit };
        switch (unit)
        {
            case "DE": return "P" + N(a * 10) + "Y";
            case "CE": return "P" + N(a * 100) + "Y";
            case "Q": return "P" + N(a * 3) + "M";
            case "2W": return "P" + N(a * 2) + "W";
        }
        double whole = Math.Floor(a), part = a - whole;
        if (part == 0) return unit.StartsWith('T') ? "PT" + N(a) + unit[1..] : "P" + N(a) + unit;
        // a fraction goes into the next smaller unit: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M
        (string Small, double Per)? next = unit switch { "Y" => ("M", 12), "M" => ("D", 30), "W" => ("D", 7), "D" => ("TH", 24), "TH" => ("TM", 60), "TM" => ("TS", 60), _ => null };
        if (next is not { } n) return (unit.StartsWith('T') ? "PT" : "P") + N(a) + unit.TrimStart('T');
        string big = whole > 0 ? N(whole) + unit.TrimStart('T') : "";
        string small = N(part * n.Per) + n.Small.TrimStart('T');
        bool time = unit.StartsWith('T'), smallTime = n.Small.StartsWith('T');
        return time ? "PT" + big + small : smallTime ? "P" + big + "T" + small : "P" + big + small;
    }

    private static ResolvedTimex? Unit(DateOnly r, string unit, int offset, TimexMention m, ResolveContext ctx, int direction = -1)
    {
        switch (unit)
        {
            case "D": return Day(r.AddDays(offset), true, m);
            case "W": { var d = WeekStart(r).AddDays(7 * offset); return new("DATE", Week(d), d, DatePrecision.Week, true, m.Modifier); }
            case "WE": { var d = WeekStart(r).AddDays(7 * (offset == 0 && direction < 0 && IsoDow(r) < 6 ? -1 : offset)); return new("DATE", Week(d) + "-WE", d.AddDays(5), DatePrecision.Week, true, m.Modifier); }
            case "M": { var d = new DateOnly(r.Year, r.Month, 1).AddMonths(offset); return new("DATE", $"{d.Year:0000}-{d.Month:00}", d, DatePrecision.Month, true, m.Modifier); }
            case "Y": { int y = r.Year + offset; return new("DATE", $"{y:0000}", new DateOnly(y, 1, 1), DatePrecision.Year, true, m.Modifier); }
            case "Q":
            {
                int q = (r.Month - 1) / 3 + 1 + offset, y = r.Year;
                while (q < 1) { q += 4; y--; }
                while (q > 4) { q -= 4; y++; }
                ctx.LastQuarter = (y, q);
                return new("DATE", $"{y:0000}-Q{q}", new DateOnly(y, q * 3 - 2, 1), DatePrecision.Unknown, true, m.Modifier);
            }
            case "DE": { int dec = r.Year / 10 + offset; return new("DATE", $"{dec:000}", null, DatePrecision.Unknown, true, m.Modifier); }
            case "CE": { int c = r.Year / 100 + offset; return new("DATE", $"{c:00}", null, DatePrecision.Unknown, true, m.Modifier); }
        }
        return null;
    }
}
