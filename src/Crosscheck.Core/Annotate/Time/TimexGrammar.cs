using System.Text.RegularExpressions;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>One rule of the grammar: a small pattern built from the lexicon and what a match means.</summary>
public sealed record TimexRule(string Name, Regex Pattern, Func<Match, TimexMention?> Build);

/// <summary>
/// The temporal grammar: a table of small rules (one per kind of expression), each a short pattern composed
/// from <see cref="TimeLexicon"/> lists plus a function that reads the match into a <see cref="TimexMention"/>.
/// All rules run over the text; the longest matches win; modifier words ("late", "the end of") extend them.
/// </summary>
public static class TimexGrammar
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static string Alt(IEnumerable<string> words) =>
        "(?:" + string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape)) + ")";

    // full names never take a full stop ("in May." ends a sentence); abbreviations may ("Sept. 30")
    private static readonly string MonthFull = Alt(TimeLexicon.Months.Keys.Where(k => k.Length > 3 || k == "may"));
    private static readonly string MonthAbbr = Alt(TimeLexicon.Months.Keys.Where(k => k.Length <= 4 && k is not ("may" or "june" or "july"))) + @"\.?";
    private static readonly string MonthG = $@"(?<month>{MonthFull}|{MonthAbbr})";
    private static readonly string Weekday = Alt(TimeLexicon.Weekdays.Keys);
    private static readonly string DayNum = @"(?<day>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private static readonly string YearNum = @"(?<year>1[6-9]\d\d|20\d\d)";
    private static readonly string Number = @"(?:\d+(?:\.\d+)?(?:\s+1/2)?|" + Alt(TimeLexicon.NumberWords.Keys) + @"(?:[- ]" + Alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]) + ")?)";
    private static readonly string Vague = Alt(TimeLexicon.VagueAmounts);
    private static readonly string UnitWord = @"(?<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|quarters?(?!\s+of\b))";
    private static readonly string Part = @"(?<part>morning|afternoon|evening|night|overnight)";
    // a spelled ordinal before a lowercase word is an adjective ("the first astronauts", "the second world war")
    private static readonly string Ordinal = @"(?<ord>(?:[12]?\d|3[01])(?:st|nd|rd|th)|" + Alt(TimeLexicon.OrdinalWords.Keys) + @"(?!\s+(?-i:[a-z])))";

    private static readonly HashSet<string> FullMonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static TimexRule R(string name, string pattern, Func<Match, TimexMention?> build) =>
        new(name, new Regex(@"(?<![\w$]|\d-)(?:" + pattern + @")(?![\w%]|[.,]\d|-(?:old|century|earlier|ago|to|end|long)\b)", Options), build);

    private static TextSpan SpanOf(Match m) => new(m.Index, m.Index + m.Length);
    private static int MonthOf(Match m) => TimeLexicon.Months[m.Groups["month"].Value.TrimEnd('.')];
    private static int DayOf(Match m) => int.Parse(m.Groups["day"].Value);
    private static int YearOf(Match m) => int.Parse(m.Groups["year"].Value);
    private static int WeekdayOf(string s) => TimeLexicon.Weekdays[s.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !TimeLexicon.Weekdays.ContainsKey(s) ? s[..^1] : s];
    private static bool Capitalised(Group g) => g.Success && g.Length > 0 && char.IsUpper(g.Value[0]);

    private static string UnitLetter(string unit)
    {
        var u = unit.ToLowerInvariant();
        if (u == "centuries") return "CE";
        if (u.EndsWith('s')) u = u[..^1];
        return u == "minute" ? "TM" : u is "hour" or "second" ? "T" + TimeLexicon.Units[u] : TimeLexicon.Units[u];
    }

    internal static double? AmountOf(string words)
    {
        words = words.Trim().ToLowerInvariant();
        var half = System.Text.RegularExpressions.Regex.Match(words, @"^(\d+)\s+1/2$");
        if (half.Success) return int.Parse(half.Groups[1].Value) + 0.5;
        if (double.TryParse(words, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
        if (TimeLexicon.NumberWords.TryGetValue(words, out var n)) return n;
        var parts = words.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && TimeLexicon.NumberWords.TryGetValue(parts[0], out var a) && TimeLexicon.NumberWords.TryGetValue(parts[1], out var b))
            return a == 1 && parts[0] is "a" or "an" ? b : a + b;
        return null;
    }

    private static int RelOffset(string word) => word.ToLowerInvariant() switch
    {
        "last" or "past" or "previous" or "preceding" or "prior" => -1,
        "next" or "coming" or "following" or "upcoming" => 1,
        _ => 0,
    };

    /// <summary>The rules, most specific first (on equal length the earlier rule wins).</summary>
    public static readonly TimexRule[] Rules =
    [
R("year-ended", @"the\s+(?:fiscal\s+)?(?<u>year|(?:six|nine|three)\s+months)(?=\s+(?:ended|ending|that\s+ended|which\s+ended)\b)", m =>
        {
            var u = m.Groups["u"].Value.ToLowerInvariant();
            return new(SpanOf(m), TimexKind.Duration, "year-ended") { Unit = u == "year" ? "Y" : u == "quarter" ? "Q" : "M", Amount = u.StartsWith("six") ? 6 : u.StartsWith("nine") ? 9 : u.StartsWith("three") ? 3 : 1 };
        }),

        R("quarter-ended", $@"the\s+(?:(?:fiscal|latest|recent)\s+)?(?:(?<q>first|second|third|fourth)[- ](?:fiscal\s+)?)?quarter(?=,?\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+{MonthG}\s+{DayNum})", m =>
        {
            // the quarter a date closes: "the quarter ended Sept. 30" is the third; a named one ("the second quarter ended Oct. 31") keeps its number
            int endMonth = MonthOf(m);
            int q = m.Groups["q"].Success ? m.Groups["q"].Value.ToLowerInvariant() switch { "first" => 1, "second" => 2, "third" => 3, _ => 4 } : (endMonth - 1) / 3 + 1;
            return new(SpanOf(m), TimexKind.Quarter, "quarter-ended") { Month = q, Day = endMonth };
        }),

R("year-quarter", @"the\s+(?<y>(?:19|20)\d\d)\s+(?:quarter|period)", m =>
            new(SpanOf(m), TimexKind.Quarter, "year-quarter") { Year = int.Parse(m.Groups["y"].Value), Month = 0 }),

        R("week-of", $@"the\s+week\s+of\s+{MonthG}\s+{DayNum}(?:,?\s+{YearNum})?", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.MonthDay, "week-of") { Month = MonthOf(m), Day = DayOf(m), Year = m.Groups["year"].Success ? YearOf(m) : null, Unit = "W" } : null),

        R("month-relative-year", $@"{MonthG}\s+(?:of\s+)?(?<rel>last|next|this)\s+year", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.Month, "month-relative-year") { Month = MonthOf(m), Offset = RelOffset(m.Groups["rel"].Value), Unit = "Y" } : null),

        R("part-relative-day", $@"(?:(?:early|late)\s+|mid-?(?=afternoon|morning|evening))?(?<part>morning|afternoon|evening|night)\s+(?:(?<rel>today|yesterday|tomorrow)|(?<wd>{Weekday}))", m =>
        {
            var part = TimeLexicon.PartsOfDay[m.Groups["part"].Value];
            if (m.Groups["rel"].Success)
                return new(SpanOf(m), TimexKind.RelativeDay, "part-relative-day") { Offset = m.Groups["rel"].Value.ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 }, IsTime = true, Value = part };
            return Capitalised(m.Groups["wd"]) ? new(SpanOf(m), TimexKind.Weekday, "part-relative-day") { Weekday = WeekdayOf(m.Groups["wd"].Value), IsTime = true, Value = part } : null;
        }),

        R("century", @"(?:the\s+)?(?<n>1[0-9]|20|21|[1-9])(?:st|nd|rd|th)[- ]century", m =>
            new(SpanOf(m), TimexKind.Decade, "century") { Value = (int.Parse(m.Groups["n"].Value) - 1).ToString("00") }),

        R("anaphor", @"(?:(?<w>earlier|later)\s+)?that\s+(?:same\s+)?(?<u>day|month|year|quarter)", m =>
        {
            var u = m.Groups["u"].Value.ToLowerInvariant();
            return new(SpanOf(m), TimexKind.Anaphor, "anaphor") { Unit = u switch { "day" => "D", "month" => "M", "year" => "Y", _ => "Q" } };
        }),

        R("iso-date", @"(?<year>(?:19|20)\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])", m =>
            new(SpanOf(m), TimexKind.FullDate, "iso-date") { Year = YearOf(m), Month = int.Parse(m.Groups["m"].Value), Day = int.Parse(m.Groups["d"].Value) }),

        R("weekday-month-day-year", $@"(?:(?<wd>{Weekday}),?\s+)?{MonthG}\s+{DayNum},?\s+{YearNum}", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.FullDate, "month-day-year") { Year = YearOf(m), Month = MonthOf(m), Day = DayOf(m) } : null),

        R("day-month-year", $@"(?:the\s+)?{DayNum}\s+(?:of\s+)?{MonthG},?\s+{YearNum}", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.FullDate, "day-month-year") { Year = YearOf(m), Month = MonthOf(m), Day = DayOf(m) } : null),

        R("numeric-date", @"(?<m>0?[1-9]|1[0-2])/(?<d>0?[1-9]|[12]\d|3[01])/(?<year>(?:19|20)?\d\d)", m =>
        {
            int y = int.Parse(m.Groups["year"].Value); if (y < 100) y += y < 50 ? 2000 : 1900;
            return new(SpanOf(m), TimexKind.FullDate, "numeric-date") { Year = y, Month = int.Parse(m.Groups["m"].Value), Day = int.Parse(m.Groups["d"].Value) };
        }),

        R("weekday-month-day", $@"(?:(?<wd>{Weekday}),?\s+)?{MonthG}\s+{DayNum}(?:\s+{Part})?", m =>
            Capitalised(m.Groups["month"])
                ? new(SpanOf(m), TimexKind.MonthDay, "month-day")
                {
                    Month = MonthOf(m), Day = DayOf(m), Weekday = m.Groups["wd"].Success ? WeekdayOf(m.Groups["wd"].Value) : null,
                    IsTime = m.Groups["part"].Success, Value = m.Groups["part"].Success ? TimeLexicon.PartsOfDay[m.Groups["part"].Value] : null,
                }
                : null),

        R("day-month", $@"(?:the\s+)?{DayNum}\s+(?:of\s+)?{MonthG}", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.MonthDay, "day-month") { Month = MonthOf(m), Day = DayOf(m) } : null),

        R("month-year", $@"{MonthG},?\s+(?:of\s+)?{YearNum}", m =>
            Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.MonthYear, "month-year") { Year = YearOf(m), Month = MonthOf(m) } : null),

        R("month", $@"(?:(?<=\b(?<prep>in|since|until|till|by|from|through|during|of|for|to|before|after|on|between|and|or|throughout|early|late|mid)[\s-]+)|)(?:(?<rel>last|next|this|past|coming)\s+)?{MonthG}(?!\s*\d)", m =>
        {
            var raw = m.Groups["month"].Value;
            var word = raw.TrimEnd('.').ToLowerInvariant();
            if (!Capitalised(m.Groups["month"])) return null;
            if (!FullMonthNames.Contains(word) && !raw.EndsWith('.')) return null;
            if (word is "may" or "march" && !m.Groups["prep"].Success && !m.Groups["rel"].Success) return null;
            return new(SpanOf(m), TimexKind.Month, "month") { Month = MonthOf(m), ForcedDirection = m.Groups["rel"].Success ? RelOffset(m.Groups["rel"].Value) : 0 };
        }),

        R("fiscal-year", @"(?:(?:fiscal|calendar|the)\s+(?:year\s+)?)?" + YearNum + @"(?:'s)?", m =>
            new(new TextSpan(m.Index, m.Index + m.Length - (m.Value.EndsWith("'s") ? 2 : 0)), TimexKind.Year, "year") { Year = YearOf(m) }),

        R("decade", @"(?:the\s+)?(?<dec>(?:1[6-9]|20)\d)0'?s", m =>
            new(SpanOf(m), TimexKind.Decade, "decade") { Value = m.Groups["dec"].Value }),

        R("weekday", $@"(?:(?<rel>last|next|this|past|coming)\s+)?(?<wd>{Weekday})(?:'s)?(?:\s+{Part})?", m =>
        {
            if (!Capitalised(m.Groups["wd"])) return null;
            var span = SpanOf(m);
            if (m.Value.EndsWith("'s")) span = new TextSpan(span.Start, span.End - 2);
            return new(span, TimexKind.Weekday, "weekday")
            {
                Weekday = WeekdayOf(m.Groups["wd"].Value),
                ForcedDirection = m.Groups["rel"].Success ? RelOffset(m.Groups["rel"].Value) : 0,
                IsTime = m.Groups["part"].Success, Value = m.Groups["part"].Success ? TimeLexicon.PartsOfDay[m.Groups["part"].Value] : null,
            };
        }),

        R("weekday-plural-set", $@"(?:every|each)\s+(?<wd>{Weekday})|(?<wd>{Weekday})s", m =>
            Capitalised(m.Groups["wd"]) ? new(SpanOf(m), TimexKind.Set, "weekday-set") { Value = "XXXX-WXX-" + WeekdayOf(m.Groups["wd"].Value) } : null),

        R("day-of-month", $@"(?<=\b(?:on|since|until|till|by|from|before|after|of|and)\s)the\s+{Ordinal}(?!\s*-?\s*(?:century|centuries|anniversary|birthday|time|times|floor|round|straight|consecutive|amendment|district|division|army|fleet|street|avenue|[a-z]+est)\b)", m =>
        {
            var o = m.Groups["ord"].Value;
            int day = char.IsDigit(o[0]) ? int.Parse(new string(o.TakeWhile(char.IsDigit).ToArray())) : TimeLexicon.OrdinalWords[o];
            return new(SpanOf(m), TimexKind.DayOfMonth, "day-of-month") { Day = day };
        }),

        R("relative-day", @"(?<w>today|yesterday|tomorrow|tonight)(?:'s)?(?:\s+" + Part + ")?|the\\s+day\\s+(?<w2>before\\s+yesterday|after\\s+tomorrow)", m =>
        {
            var w = m.Groups["w"].Success ? m.Groups["w"].Value.ToLowerInvariant() : m.Groups["w2"].Value.ToLowerInvariant();
            int off = w switch { "yesterday" => -1, "tomorrow" => 1, "before yesterday" => -2, "after tomorrow" => 2, _ => 0 };
            var span = SpanOf(m);
            if (m.Value.EndsWith("'s")) span = new TextSpan(span.Start, span.End - 2);
            string? part = w == "tonight" ? "NI" : m.Groups["part"].Success ? TimeLexicon.PartsOfDay[m.Groups["part"].Value] : null;
            return new(span, TimexKind.RelativeDay, "relative-day") { Offset = off, IsTime = part is not null, Value = part };
        }),

        R("this-part-of-day", @"(?:this|last|yesterday)\s+" + Part, m =>
            new(SpanOf(m), TimexKind.RelativeDay, "part-of-day")
            {
                Offset = m.Value.StartsWith("this", StringComparison.OrdinalIgnoreCase) ? 0 : -1, IsTime = true,
                Value = TimeLexicon.PartsOfDay[m.Groups["part"].Value],
            }),

        R("relative-unit", @"(?:(?<rel>last|next|this|past|coming|previous|following|current|latest|recent|same)\s+|the\s+(?<rel>past|coming|previous|following|current|latest|same|next|preceding|)\s*)(?<u>week|month|year|quarter|weekend|fiscal\s+year|decade|century|day|morning)", m =>
        {
            if (m.Groups["u"].Value.ToLowerInvariant() is "day" or "morning")
            {
                // "the next day", "the following morning", "the previous day": a day counted from the last day the text fixed
                var r0 = m.Groups["rel"].Value.ToLowerInvariant();
                if (!m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase) || r0 is not ("next" or "following" or "previous" or "preceding" or "same")) return null;
                bool morning = m.Groups["u"].Value.Equals("morning", StringComparison.OrdinalIgnoreCase);
                return new(SpanOf(m), TimexKind.RelativeUnit, "relative-anaphoric") { Unit = "D", Offset = r0 is "next" or "following" ? 1 : r0 == "same" ? 0 : -1, IsTime = morning, Value = morning ? "MO" : null };
            }
            var rel = m.Groups["rel"].Value.ToLowerInvariant();
            var u = m.Groups["u"].Value.ToLowerInvariant();
            if (u.StartsWith("fiscal")) u = "year";
            bool bareThe = rel == "" && m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase);
            bool pastThe = rel is "past" or "coming" && m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase);
            if (pastThe) return new(SpanOf(m), TimexKind.Duration, "the-past-unit") { Unit = TimeLexicon.Units[u], Amount = 1 };
            // "the latest quarter", "the latest fiscal year": the last one completed
            int off = rel is "latest" or "recent" ? (u is "quarter" || m.Groups["u"].Value.StartsWith("fiscal", StringComparison.OrdinalIgnoreCase) ? -1 : 0) : RelOffset(rel);
            if (bareThe && u is "week" or "decade" or "century") return null;
            if (bareThe && u == "quarter") off = -1;
            // "the following year", "the previous month": counted from the period the text last spoke of, when there is one
            bool anaphoric = rel is "following" or "previous" or "preceding" or "same";
            return new(SpanOf(m), TimexKind.RelativeUnit, anaphoric ? "relative-anaphoric" : "relative-unit") { Unit = TimeLexicon.Units[u], Offset = off };
        }),

        R("relative-within", @"(?<w>earlier|later)\s+(?<rel>this|last|next)\s+(?<u>week|month|year)", m =>
            new(SpanOf(m), TimexKind.RelativeUnit, "relative-within")
            {
                Unit = TimeLexicon.Units[m.Groups["u"].Value.ToLowerInvariant()], Offset = RelOffset(m.Groups["rel"].Value),
            }),

        R("quarter", @"(?:the\s+)?(?:(?<y>(?:19|20)\d\d)(?:'s)?\s+|(?<this>this|last|next)\s+year's\s+|fiscal\s+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal\s+)?quarter(?:\s+of\s+(?<y>(?:19|20)\d\d))?", m =>
        {
            int q = m.Groups["q"].Value.ToLowerInvariant() switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
            return new(SpanOf(m), TimexKind.Quarter, "quarter")
            {
                Year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : null, Month = q,
                Offset = m.Groups["this"].Success ? RelOffset(m.Groups["this"].Value) : 0,
            };
        }),

        R("year-earlier-quarter", @"the\s+(?:year-earlier|year-ago|year\s+earlier|prior-year|comparable)\s+(?<u>quarter|period)", m =>
            new(SpanOf(m), TimexKind.Shifted, "year-earlier") { Unit = "Y", Offset = -1, Value = m.Groups["u"].Value.ToLowerInvariant() == "quarter" ? "Q" : null }),

        R("ago", $@"(?<n>{Number}|{Vague})\s+{UnitWord}\s+(?<dir>ago|earlier|before|later|after|hence|from\s+now|previously)", m =>
        {
            var dir = m.Groups["dir"].Value.ToLowerInvariant();
            if (dir is "before" or "after") return null; // "three days after he told reporters": a duration anchored to an event
            int sign = dir is "later" or "hence" or "from now" ? 1 : -1;
            var amount = AmountOf(m.Groups["n"].Value);
            // "several years ago": TIMEX3 gives a vague shift no date, only its side of now
            if (amount is null) return new(SpanOf(m), TimexKind.Reference, "ago") { Value = sign < 0 ? "PAST_REF" : "FUTURE_REF" };
            return new(SpanOf(m), TimexKind.Shifted, "ago") { Unit = UnitLetter(m.Groups["unit"].Value), Offset = sign * (int)Math.Round(amount ?? 0), Amount = amount };
        }),

        R("rate", $@"(?<=(?:\d[\d,.]*|{Alt(TimeLexicon.NumberWords.Keys.Where(k => k.Length > 2))})\s+(?:[a-z]+\s+)?)(?:a|per)\s+(?<u>year|month|week|day|hour)(?!\s+(?:ago|earlier|later|before|after|or)\b)", m =>
        {
            // "$1.76 a year", "24 hours a day", "700 seats a week": a rate, each such period
            var u = m.Groups["u"].Value.ToLowerInvariant();
            return new(SpanOf(m), TimexKind.Set, "rate") { Value = u == "hour" ? "PT1H" : "P1" + TimeLexicon.Units[u] };
        }),

        R("half-duration", $@"half\s+(?:a|an)\s+(?<unit>hour|day|year|minute|month|century)", m =>
            new(SpanOf(m), TimexKind.Duration, "half-duration") { Unit = UnitLetter(m.Groups["unit"].Value), Amount = 0.5 }),

        R("duration", $@"(?:(?:the|a|an)\s+)?(?:(?:past|last|next|coming|first|previous|following|latest)\s+)?(?<n>{Number}|{Vague})[- ]{UnitWord}(?<half>\s+and\s+a\s+half)?(?:'s)?(?!\s+old\b)|(?<bare>(?:the\s+)?(?:past\s+|last\s+|next\s+)?(?<unit>hours|days|weeks|months|years|decades|centuries)(?!\s+old\b))|(?<dozen>(?:for\s+)?)(?<unit>years|decades)(?!\s+old\b)", m =>
        {
            if (m.Groups["dozen"].Success && m.Groups["dozen"].Length == 0 && !m.Groups["n"].Success && !m.Groups["bare"].Success) return null;
            var unit = UnitLetter(m.Groups["unit"].Value);
            if (unit == "Q" && m.Groups["n"].Success && m.Value.Contains('-')) return null; // "three-quarters": a fraction
            var amount = m.Groups["n"].Success ? AmountOf(m.Groups["n"].Value) : null;
            if (m.Groups["half"].Success && amount is { } whole) amount = whole + 0.5;
            var span = SpanOf(m);
            if (m.Value.EndsWith("'s")) span = new TextSpan(span.Start, span.End - 2);
            return new(span, TimexKind.Duration, "duration") { Unit = unit, Amount = amount };
        }),

        R("season", @"(?:(?<rel>last|next|this|past|coming|early|late)\s+)?(?<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?" + YearNum + ")?", m =>
        {
            var rel = m.Groups["rel"].Value.ToLowerInvariant();
            if (!m.Groups["rel"].Success && !m.Groups["year"].Success) return null; // "fall" is a verb far more often than a season
            return new(SpanOf(m), TimexKind.Season, "season")
            {
                Value = TimeLexicon.Seasons[m.Groups["s"].Value], Year = m.Groups["year"].Success ? YearOf(m) : null,
                Offset = RelOffset(rel), Modifier = rel == "early" ? "START" : rel == "late" ? "END" : null,
            };
        }),

        R("reference", @"(?<w>right\s+now|now|currently|current|nowadays|these\s+days|at\s+present|the\s+present|recently|lately|the\s+past|the\s+future|in\s+the\s+near\s+future)", m =>
        {
            var w = Regex.Replace(m.Groups["w"].Value.ToLowerInvariant(), @"\s+", " ");
            var value = w switch
            {
                "recently" or "recent" or "lately" or "previously" or "formerly" or "the past" => "PAST_REF",
                "the future" or "future" or "soon" or "in the near future" => "FUTURE_REF",
                _ => "PRESENT_REF",
            };
            var span = SpanOf(m);
            if (w == "in the near future") span = new TextSpan(span.Start + 3, span.End);
            return new(span, TimexKind.Reference, "reference") { Value = value };
        }),

        R("clock-day", $@"(?<clock>(?<h>[01]?\d|2[0-3])(?::(?<min>[0-5]\d))?\s*(?<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?<noon>noon|midnight))(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?(?:\s*\([^)\n]{1,20}\))?,?\s+(?:on\s+)?(?:(?<wd>{Weekday})|(?<rel>today|yesterday|tomorrow)|{MonthG}\.?\s+{DayNum})", m =>
        {
            var clock = ClockValue(m);
            if (m.Groups["wd"].Success)
                return Capitalised(m.Groups["wd"]) ? new(SpanOf(m), TimexKind.Weekday, "clock-day") { Weekday = WeekdayOf(m.Groups["wd"].Value), IsTime = true, Value = clock } : null;
            if (m.Groups["rel"].Success)
                return new(SpanOf(m), TimexKind.RelativeDay, "clock-day") { Offset = m.Groups["rel"].Value.ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 }, IsTime = true, Value = clock };
            return Capitalised(m.Groups["month"]) ? new(SpanOf(m), TimexKind.MonthDay, "clock-day") { Month = MonthOf(m), Day = DayOf(m), IsTime = true, Value = clock } : null;
        }),

        R("day-clock", $@"(?<wd>{Weekday})\s+(?:at\s+)?(?<clock>(?<h>[01]?\d|2[0-3])(?::(?<min>[0-5]\d))?\s*(?<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?<noon>noon|midnight))", m =>
            Capitalised(m.Groups["wd"]) ? new(SpanOf(m), TimexKind.Weekday, "day-clock") { Weekday = WeekdayOf(m.Groups["wd"].Value), IsTime = true, Value = ClockValue(m) } : null),

        R("holiday", "(?:(?<rel>last|next|this)\\s+)?(?<h>" + Alt(TimeLexicon.Holidays.Keys).Replace("'", "['’]") + ")", m =>
        {
            if (!char.IsUpper(m.Groups["h"].Value[0])) return null;
            var name = m.Groups["h"].Value.Replace('’', '\'');
            return new(SpanOf(m), TimexKind.Holiday, "holiday") { Value = name.ToLowerInvariant(), ForcedDirection = m.Groups["rel"].Success ? RelOffset(m.Groups["rel"].Value) : 0 };
        }),

        R("spelled-year", @"(?:the\s+year\s+)?(?<c>nineteen|two\s+thousand)(?:\s+(?<y>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?", m =>
        {
            bool twoThousand = m.Groups["c"].Value.StartsWith("two", StringComparison.OrdinalIgnoreCase);
            if (!m.Groups["y"].Success && !(twoThousand && m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase))) return null;
            int y = (twoThousand ? 2000 : 1900) + (m.Groups["y"].Success ? (int)(AmountOf(m.Groups["y"].Value) ?? 0) : 0);
            return new(SpanOf(m), TimexKind.Year, "spelled-year") { Year = y };
        }),

        R("year-end", @"(?:the\s+)?(?:(?<y>(?:19|20)\d\d)\s+)?year(?:-|\s+|['’]s\s+)end", m =>
            new(SpanOf(m), TimexKind.RelativeUnit, "year-end") { Unit = "Y", Year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : null, Modifier = "END" }),

        R("year-earlier", @"(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago)(?:\s+(?<u>quarter|period))?", m =>
            new(SpanOf(m), TimexKind.Shifted, "year-earlier") { Unit = "Y", Offset = -1, Value = m.Groups["u"].Value.ToLowerInvariant() == "quarter" ? "Q" : null }),

        R("latest-period", @"the\s+(?:latest|same|comparable)\s+period", m =>
            new(SpanOf(m), TimexKind.Shifted, "latest-period") { Unit = "Y", Offset = 0, Value = "Q" }),

        R("clock-part", @"(?<h>[1-9]|1[0-2])(?::(?<min>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+(?<p>morning|afternoon|evening)", m =>
        {
            int h = int.Parse(m.Groups["h"].Value);
            if (m.Groups["p"].Value.ToLowerInvariant() != "morning" && h < 12) h += 12;
            int min = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value) : 0;
            return new(SpanOf(m), TimexKind.TimeOfDay, "clock-part") { Value = $"{h:00}:{min:00}", IsTime = true };
        }),

        R("full-year", @"the\s+full\s+year", m => new(SpanOf(m), TimexKind.RelativeUnit, "full-year") { Unit = "Y", Offset = 0 }),

        R("bare-season", @"(?:the\s+)?(?<s>summer|winter|autumn)", m =>
            new(SpanOf(m), TimexKind.Season, "season") { Value = TimeLexicon.Seasons[m.Groups["s"].Value] }),

        R("spelled-decade", @"the\s+(?<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", m =>
            new(SpanOf(m), TimexKind.Decade, "spelled-decade") { Value = "19" + (Array.IndexOf(DecadeWords, m.Groups["d"].Value.ToLowerInvariant()) + 2) }),

        R("part-of-day", @"(?:the\s+)?(?<w>midday|mid-?\s?afternoon|mid-?\s?morning|morning)(?!\s+(?:of|after|before))", m =>
        {
            var w = m.Groups["w"].Value.ToLowerInvariant();
            if (w == "morning" && !m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase)) return null;
            return new(SpanOf(m), TimexKind.TimeOfDay, "part-of-day") { Value = w == "midday" ? "12:00" : w.Contains("afternoon") ? "AF" : "MO", IsTime = true };
        }),

        R("clock-time", @"(?<h>[01]?\d|2[0-3])(?::(?<min>[0-5]\d))?\s*(?<ap>a\.m\.|p\.m\.|am\b|pm\b)|(?<h>[01]?\d|2[0-3]):(?<min>[0-5]\d)|(?<noon>noon|midnight)", m =>
        {
            int h = m.Groups["noon"].Success ? (m.Groups["noon"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? 12 : 24) : int.Parse(m.Groups["h"].Value);
            var ap = m.Groups["ap"].Value.ToLowerInvariant();
            if (ap.StartsWith('p') && h < 12) h += 12;
            if (ap.StartsWith('a') && h == 12) h = 0;
            int min = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value) : 0;
            return new(SpanOf(m), TimexKind.TimeOfDay, "clock-time") { Value = $"{h % 24:00}:{min:00}", IsTime = true };
        }),

        R("set", @"(?<w>daily|weekly|monthly|annually|yearly|hourly|nightly|every\s+(?:single\s+)?(?<u>day|week|month|year|hour|morning|night|evening)|each\s+(?<u>day|week|month|year)|(?:a|per)\s+(?<u>year|month|week|day)(?=\s*$|[.,;])|every\s+(?<n>\w+)\s+(?<u2>days|weeks|months|years))", m =>
        {
            var w = m.Groups["w"].Value.ToLowerInvariant();
            string value = w switch
            {
                "daily" or "nightly" => "P1D", "weekly" => "P1W", "monthly" => "P1M", "annually" or "yearly" => "P1Y", "hourly" => "PT1H",
                _ when m.Groups["u2"].Success => "P" + (AmountOf(m.Groups["n"].Value) ?? 1) + UnitLetter(m.Groups["u2"].Value),
                _ => m.Groups["u"].Value.ToLowerInvariant() switch
                {
                    "day" => "P1D", "week" => "P1W", "month" => "P1M", "year" => "P1Y", "hour" => "PT1H", "morning" => "TMO", "night" => "TNI", "evening" => "TEV", _ => "P1D",
                },
            };
            return new(SpanOf(m), TimexKind.Set, "set") { Value = value };
        }),
    ];

    private static readonly string[] DecadeWords = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

    private static string ClockValue(Match m)
    {
        if (m.Groups["noon"].Success) return m.Groups["noon"].Value.Equals("noon", StringComparison.OrdinalIgnoreCase) ? "12:00" : "24:00";
        int h = int.Parse(m.Groups["h"].Value);
        var ap = m.Groups["ap"].Value.ToLowerInvariant();
        if (ap.StartsWith('p') && h < 12) h += 12;
        if (ap.StartsWith('a') && h == 12) h = 0;
        int min = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value) : 0;
        return $"{h % 24:00}:{min:00}";
    }

    /// <summary>Finds the time expressions inside <paramref name="ranges"/> of <paramref name="text"/>, longest first, without overlaps, in text order.</summary>
    public static List<TimexMention> Find(string text, IReadOnlyList<TextSpan> ranges)
    {
        var candidates = new List<(TimexMention M, int Order)>();
        foreach (var range in ranges)
        {
            for (int r = 0; r < Rules.Length; r++)
            {
                var match = Rules[r].Pattern.Match(text, range.Start, range.Length);
                while (match.Success)
                {
                    var mention = Rules[r].Build(match);
                    if (mention is not null && mention.Span.Length > 0) candidates.Add((mention, r));
                    match = match.NextMatch();
                }
            }
        }
        candidates.Sort((a, b) => a.M.Span.Length != b.M.Span.Length ? b.M.Span.Length.CompareTo(a.M.Span.Length)
            : a.M.Span.Start != b.M.Span.Start ? a.M.Span.Start.CompareTo(b.M.Span.Start) : a.Order.CompareTo(b.Order));
        var chosen = new List<TimexMention>();
        foreach (var (m, _) in candidates)
            if (!chosen.Any(c => c.Span.Overlaps(m.Span))) chosen.Add(m);
        chosen.Sort((a, b) => a.Span.CompareTo(b.Span));
        for (int i = 0; i < chosen.Count; i++) chosen[i] = ExtendWithModifier(text, chosen[i]);
        return chosen;
    }

    private static readonly Regex ModifierBefore = new(
        @"(?<![\w-])(?<mod>" + string.Join("|", TimeLexicon.Modifiers.Select(x => x.Words).OrderByDescending(w => w.Length).Select(w => Regex.Escape(w) + (w.EndsWith('-') ? "" : @"\s+"))) + @")$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex ApproximatorBefore = new(
        @"(?<![\w-])(?<mod>about|almost|nearly|roughly|approximately|around|more\s+than|less\s+than|at\s+least|at\s+most|no\s+more\s+than|just\s+over|just\s+under)\s+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>"almost two years ago", "more than four decades": the hedge belongs to the expression (TIMEX3 mod APPROX, MORE_THAN, ...).</summary>
    private static TimexMention ExtendWithApproximator(string text, TimexMention m)
    {
        if (m.Kind is not (TimexKind.Duration or TimexKind.Shifted) && m.Rule != "ago" || text.AsSpan(m.Span.Start).StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return m;
        int from = Math.Max(0, m.Span.Start - 20);
        var match = ApproximatorBefore.Match(text.Substring(from, m.Span.Start - from));
        if (!match.Success) return m;
        var w = Regex.Replace(match.Groups["mod"].Value.ToLowerInvariant(), @"\s+", " ");
        var mod = w switch
        {
            "more than" or "just over" => "MORE_THAN", "less than" or "just under" => "LESS_THAN", "at least" => "EQUAL_OR_MORE",
            "at most" or "no more than" => "EQUAL_OR_LESS", _ => "APPROX",
        };
        return m with { Span = new TextSpan(from + match.Index, m.Span.End), Modifier = m.Modifier ?? mod };
    }

    private static TimexMention ExtendWithModifier(string text, TimexMention m)
    {
        m = ExtendWithApproximator(text, m);
        if (m.Kind is not (TimexKind.Month or TimexKind.MonthYear or TimexKind.Year or TimexKind.RelativeUnit or TimexKind.Decade or TimexKind.Season or TimexKind.Quarter))
            return m;
        int from = Math.Max(0, m.Span.Start - 24);
        var before = text.AsSpan(from, m.Span.Start - from).ToString();
        var match = ModifierBefore.Match(before);
        if (!match.Success) return m;
        var words = match.Groups["mod"].Value.Trim().TrimEnd('-').Trim().ToLowerInvariant();
        words = Regex.Replace(words, @"\s+", " ");
        var mod = TimeLexicon.Modifiers.FirstOrDefault(x => x.Words.TrimEnd('-') == words).Modifier ?? "MID";
        return m with { Span = new TextSpan(from + match.Index, m.Span.End), Modifier = mod };
    }
}
