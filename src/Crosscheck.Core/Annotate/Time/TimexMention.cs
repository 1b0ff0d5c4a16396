using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>What a recognised expression means before it is resolved against a reference date.</summary>
public enum TimexKind
{
    /// <summary>Year, month and day given: "June 19, 2024".</summary>
    FullDate,
    /// <summary>Month and day, no year: "June 20".</summary>
    MonthDay,
    /// <summary>"March 2022".</summary>
    MonthYear,
    /// <summary>A bare month: "in March", "scheduled for July".</summary>
    Month,
    Year,
    Decade,
    /// <summary>A bare weekday: "Thursday", "on Friday".</summary>
    Weekday,
    /// <summary>"on the 20th".</summary>
    DayOfMonth,
    /// <summary>today, yesterday, tomorrow (Offset in days).</summary>
    RelativeDay,
    /// <summary>this/last/next week, month, year, quarter, weekend (Offset in units).</summary>
    RelativeUnit,
    /// <summary>"three days ago", "a year earlier" (Offset negative or positive, in units).</summary>
    Shifted,
    Duration,
    /// <summary>PRESENT_REF, PAST_REF, FUTURE_REF.</summary>
    Reference,
    /// <summary>"the third quarter" (Number = quarter, Offset = years back when relative).</summary>
    Quarter,
    Season,
    /// <summary>"every Sunday", "daily" (Value holds the TIMEX value).</summary>
    Set,
    /// <summary>"3:30 p.m.", "this morning" (Value holds the T-part).</summary>
    TimeOfDay,
    /// <summary>A named day of the calendar: "Thanksgiving", "Christmas Day" (Value holds its name in <see cref="TimeLexicon.Holidays"/>).</summary>
    Holiday,
    /// <summary>"that day", "later that year", "that quarter": the last such period the text fixed (Unit D, M, Y or Q).</summary>
    Anaphor,
}

/// <summary>A recognised time expression with its meaning, before resolution.</summary>
public sealed record TimexMention(TextSpan Span, TimexKind Kind, string Rule)
{
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    /// <summary>ISO weekday (Monday = 1).</summary>
    public int? Weekday { get; init; }
    /// <summary>Relative shift, in <see cref="Unit"/>s.</summary>
    public int Offset { get; init; }
    /// <summary>A TIMEX3 unit letter: D, W, M, Y, Q, H, ...</summary>
    public string? Unit { get; init; }
    /// <summary>An amount for durations; null for a vague one ("several years").</summary>
    public double? Amount { get; init; }
    /// <summary>MO, AF, EV, NI for a part of the day; or a season code; or a literal value for sets and references.</summary>
    public string? Value { get; init; }
    public string? Modifier { get; init; }
    /// <summary>True when the time is at a granularity under a day ("Thursday morning").</summary>
    public bool IsTime { get; init; }
    /// <summary>Tense cue forced by the words of the expression ("last Friday", "next Friday").</summary>
    public int ForcedDirection { get; init; }
}
