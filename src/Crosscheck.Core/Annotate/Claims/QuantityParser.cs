using System.Globalization;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Claims;

/// <summary>
/// Finds the quantities of a sentence: digits (1,402; 2.5; 40%), numbers in words ("four", "a dozen"),
/// multipliers ("3 million"), money, ranges ("10-15"), and fixed phrases ("a quarter-century" = 25 years).
/// Dates, years, ordinals and numbers inside names ("CVN-71") are not quantities.
/// </summary>
public static class QuantityParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m, ["trillion"] = 1_000_000_000_000m,
    };

    /// <summary>Duration words: "a quarter-century" etc., value in years.</summary>
    private static readonly Dictionary<string, decimal> YearWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quarter-century"] = 25m, ["half-century"] = 50m, ["decade"] = 10m, ["century"] = 100m,
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january","february","march","april","may","june","july","august","september","october","november","december",
        "jan","feb","mar","apr","jun","jul","aug","sep","sept","oct","nov","dec",
    };

    private static readonly HashSet<string> ApproximateCues = new(StringComparer.OrdinalIgnoreCase)
    { "about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "least", "than", "estimated", "up" };

    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = "USD", ["dollar"] = "USD", ["dollars"] = "USD", ["€"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR", ["£"] = "GBP",
        ["pound"] = "GBP", ["pounds"] = "GBP", ["₩"] = "KRW", ["won"] = "KRW", ["yen"] = "JPY", ["¥"] = "JPY", ["yuan"] = "CNY", ["rubles"] = "RUB", ["roubles"] = "RUB",
    };

    private static readonly Dictionary<string, string> MeasureUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "year", ["years"] = "year", ["month"] = "month", ["months"] = "month", ["week"] = "week", ["weeks"] = "week",
        ["day"] = "day", ["days"] = "day", ["hour"] = "hour", ["hours"] = "hour", ["minute"] = "minute", ["minutes"] = "minute",
        ["km"] = "km", ["kilometres"] = "km", ["kilometers"] = "km", ["miles"] = "mile", ["mile"] = "mile", ["metres"] = "m", ["meters"] = "m",
        ["tons"] = "t", ["tonnes"] = "t", ["kg"] = "kg", ["kilograms"] = "kg",
    };

    /// <summary>Words that end the noun phrase after a number.</summary>
    private static readonly HashSet<string> PhraseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "to","of","in","on","at","by","for","with","from","as","and","or","but","that","which","who","were","was","are","is","be","been",
        "have","has","had","will","would","could","should","may","might","can","such","after","before","since","than","into","over","under",
        "subject","related","including","while","when","where","per","said","says","this","these","those","the","a","an","ago","earlier","later",
        "more","less","each","its","their","his","her","involved","between","during","against","amid","next","last","every","now",
        "onto","below","above","across","along","through","toward","towards","near","beyond","inside","outside","upstream",
        "downstream","around","within","without","via","off","out","away","back","down","up","ahead","behind","apart","aside",
        "it","they","he","she","we","you","i","whose","whom","instead",
    };

    /// <summary>Verbs in the present that follow a counted plural noun ("affected customers rises to"): they end the noun.</summary>
    private static readonly HashSet<string> PresentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "rises", "rise", "falls", "fall", "grows", "grow", "reaches", "reach", "climbs", "climb", "stands", "stand", "remains", "remain",
        "increases", "increase", "decreases", "decrease", "jumps", "jump", "drops", "drop", "totals", "total", "tops", "top",
    };

    /// <summary>Parses the quantities in <paramref name="span"/> of <paramref name="text"/> (spans are absolute offsets).</summary>
    public static List<Quantity> Parse(string text, TextSpan span)
    {
        var words = TextWords.Split(text, span);
        var result = new List<Quantity>();
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (TryYearPhrase(words, i, out var yearQuantity, out int consumedYears))
            {
                result.Add(yearQuantity with { What = "years" });
                i += consumedYears - 1;
                continue;
            }
            if (TryHyphenMeasure(words, i) is { } measure) { result.Add(measure); continue; }
            if (!TryNumberAt(text, words, i, out decimal value, out int consumed)) continue;
            int last = i + consumed - 1;
            // Range "10-15" is one token with a hyphen between digits: the low end is kept, marked approximate.
            bool range = false;
            // multipliers: "3 million", "two hundred"
            while (last + 1 < words.Count && Multipliers.TryGetValue(words[last + 1].Text, out var m)) { value *= m; last++; }
            var surfaceSpan = new TextSpan(words[i].Span.Start, words[last].Span.End);
            string unit = "count";
            bool percent = false;
            if (i > 0 && Currencies.TryGetValue(words[i - 1].Text, out var cur) && words[i - 1].Span.End == words[i].Span.Start)
            {
                unit = cur;
                surfaceSpan = new TextSpan(words[i - 1].Span.Start, surfaceSpan.End);
            }
            int next = last + 1;
            if (next < words.Count && (words[next].Text == "%" || words[next].Lower is "percent" or "per"))
            {
                unit = "%"; percent = true;
                int pe = words[next].Lower == "per" && next + 1 < words.Count ? next + 1 : next;
                surfaceSpan = new TextSpan(surfaceSpan.Start, words[pe].Span.End);
                next = pe + 1;
            }
            else if (next < words.Count && Currencies.TryGetValue(words[next].Text, out var cur2) && words[next].IsLetters)
            {
                unit = cur2;
                surfaceSpan = new TextSpan(surfaceSpan.Start, words[next].Span.End);
                next++;
            }
            string? what = percent || unit != "count" && unit.Length == 3 ? null : NounPhraseAfter(words, next);
            if (what is not null && DeathWordAfter(words, next + what.Split(' ').Length) is { } death) what += " " + death;
            else if (what is not null && KillingVerbBefore(words, i)) what += " killed";
            if (what is null && unit == "count" && !percent) what = DeathWordAfter(words, next); // "30 were injured"
            if (what is null && unit == "count") what = NounPhraseBefore(words, i);
            if (what is not null)
            {
                var parts = what.Split(' ');
                if (MeasureUnits.TryGetValue(parts[^1], out var mu)) unit = mu;
                // "47 metres high", "12 km long": the unit comes first and an adjective of the dimension after it
                else if (parts.Length == 2 && MeasureUnits.TryGetValue(parts[0], out var mu0) && IsPhysicalUnit(mu0)) unit = mu0;
            }
            bool approximate = range || (i > 0 && ApproximateCues.Contains(words[i - 1].Text)) || words[i].Lower is "dozens" or "hundreds" or "thousands" or "millions";
            result.Add(new Quantity(value, unit)
            {
                Surface = text.Substring(surfaceSpan.Start, surfaceSpan.Length),
                Span = surfaceSpan,
                What = what,
                Role = RoleOf(words, i, last) ?? JoinedRole(words, next),
                Approximate = approximate,
            });
            i = last;
        }
        // "from the current 1,159 to 1,402": the new value counts what the old one counts;
        // "adding 120 workers ..., bringing the total on strike to 1,850": the total counts what was added
        for (int k = 0; k < result.Count; k++)
        {
            if (result[k].What is not null || result[k].Role != "total") continue;
            var source = k > 0 && result[k - 1].Role == "total" && result[k - 1].What is not null ? result[k - 1]
                : result.FirstOrDefault(q => q.Role == "added" && q.What is not null);
            if (source is not null) result[k] = result[k] with { What = source.What, Unit = source.Unit };
        }
        return result;
    }

    private static readonly System.Text.RegularExpressions.Regex ClockSuffix =
        new(@"\G\s?(?:[ap]\.\s?m\b\.?|[ap]m\b|o['\u2019]clock\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The number ending at <paramref name="end"/> is followed by "a.m.", "pm" or "o'clock": a time of day.</summary>
    private static bool IsClockTime(string text, int end) => end < text.Length && ClockSuffix.IsMatch(text, end);

    private static bool TryYearPhrase(List<Word> words, int i, out Quantity quantity, out int consumed)
    {
        quantity = null!; consumed = 0;
        // "a quarter-century", "a decade", "half a century"
        if (words[i].Lower is "a" or "an" && i + 1 < words.Count && YearWords.TryGetValue(words[i + 1].Text, out var years)
            && !(i + 2 < words.Count && words[i + 2].Lower is "of" or "old"))
        {
            var s = new TextSpan(words[i].Span.Start, words[i + 1].Span.End);
            quantity = new Quantity(years, "year") { Surface = words[i].Text + " " + words[i + 1].Text, Span = s };
            consumed = 2;
            return true;
        }
        return false;
    }

    /// <summary>Units of length, mass and power (not of time): a figure in one of them measures a thing.</summary>
    public static bool IsPhysicalUnit(string unit) => unit is "m" or "km" or "mile" or "t" or "kg" or "ft" or "MW" or "storey";

    /// <summary>Units written after a hyphen as an adjective: "the 74-metre embankment", "a 300-tonne crane".</summary>
    private static readonly Dictionary<string, string> HyphenUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metre"] = "m", ["meter"] = "m", ["m"] = "m", ["kilometre"] = "km", ["kilometer"] = "km", ["km"] = "km", ["mile"] = "mile",
        ["tonne"] = "t", ["ton"] = "t", ["kg"] = "kg", ["kilogram"] = "kg", ["foot"] = "ft", ["ft"] = "ft", ["storey"] = "storey", ["story"] = "storey",
        ["hour"] = "hour", ["day"] = "day", ["week"] = "week", ["month"] = "month", ["minute"] = "minute", ["megawatt"] = "MW", ["mw"] = "MW",
    };

    private static readonly System.Text.RegularExpressions.Regex HyphenMeasure =
        new(@"^(\d[\d,]*(?:\.\d+)?)-([A-Za-z]+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"the 74-metre embankment": a figure and its unit in one hyphenated word; what it measures is the noun after it.</summary>
    private static Quantity? TryHyphenMeasure(List<Word> words, int i)
    {
        var w = words[i];
        if (!w.IsNumber) return null;
        var m = HyphenMeasure.Match(w.Text);
        if (!m.Success || !HyphenUnits.TryGetValue(m.Groups[2].Value, out var unit)) return null;
        if (!decimal.TryParse(m.Groups[1].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        // "a 20-year-old", "the 12-day-old strike": an age, not a measure (the word ends at "-old", which the pattern refuses)
        return new Quantity(value, unit)
        {
            Surface = w.Text,
            Span = w.Span,
            What = NounPhraseAfter(words, i + 1),
            Approximate = i > 0 && ApproximateCues.Contains(words[i - 1].Text),
        };
    }

    private static bool TryNumberAt(string text, List<Word> words, int i, out decimal value, out int consumed)
    {
        value = 0; consumed = 1;
        var w = words[i];
        if (w.IsNumber)
        {
            var t = w.Text;
            if (!t.All(c => char.IsDigit(c) || c == ',' || c == '.')) return false; // "20th", "10am", "2024-06-19"
            bool hasSeparator = t.Contains(',');
            if (!decimal.TryParse(t.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
            if (!hasSeparator && !t.Contains('.') && t.Length == 4 && value is >= 1800 and <= 2100) return false; // a year
            bool afterMonth = i > 0 && Months.Contains(words[i - 1].Text);
            bool beforeMonth = i + 1 < words.Count && Months.Contains(words[i + 1].Text);
            if ((afterMonth || beforeMonth) && value <= 31 && !hasSeparator) return false; // a date
            if (i + 1 < words.Count && words[i + 1].Text == ":" || i > 0 && words[i - 1].Text == ":" && words[i - 1].Span.End == w.Span.Start) return false; // a time of day
            if (i > 0 && words[i - 1].Text is "#" or "No") return false;
            // "Marit Osswald, 71, who left": an age set off by commas after a name
            if (i >= 2 && words[i - 1].Text == "," && words[i - 2].IsLetters && char.IsUpper(words[i - 2].Text[0]) && i + 1 < words.Count
                && words[i + 1].Text is "," or ")" && !t.Contains('.') && !hasSeparator && value is > 0 and < 120) return false;
            if (IsClockTime(text, w.Span.End)) return false; // "8 a.m.", "9pm", "6 o'clock"
            if (t.Contains('.') && i + 1 < words.Count && words[i + 1].Text.Length > 0 && char.IsUpper(words[i + 1].Text[0])) return false; // "6.25 War"
            // part of a name like "CVN 71" or "Article 5"
            if (i > 0 && words[i - 1].IsLetters && char.IsUpper(words[i - 1].Text[0]) && words[i - 1].Text.All(c => char.IsUpper(c) || c == '-')
                && words[i - 1].Span.End >= words[i].Span.Start - 1 && words[i - 1].Text.Length <= 4) return false;
            return true;
        }
        if (!w.IsLetters) return false;
        var lower = w.Lower;
        if (lower is "a" && i + 1 < words.Count && words[i + 1].Lower == "dozen") { value = 12; consumed = 2; return true; }
        if (lower is "dozens") { value = 24; return true; }
        var parts = lower.Split('-');
        if (parts.Length == 2 && Units.TryGetValue(parts[0], out var tens) && tens >= 20 && Units.TryGetValue(parts[1], out var ones) && ones < 10)
        { value = tens + ones; return true; }
        if (!Units.TryGetValue(lower, out var v)) return false;
        if (lower == "dozen") return false; // handled with "a"
        // "one of", "no one", "the one", "one another": pronoun uses
        if (lower == "one")
        {
            if (i + 1 >= words.Count || !words[i + 1].IsLetters || words[i + 1].Lower is "of" or "another" or "who" or "that" or "which") return false;
            if (i > 0 && words[i - 1].Lower is "no" or "the" or "any" or "every" or "each" or "this" or "that") return false;
        }
        if (lower == "may" ) return false;
        // "one by one", "two by two": a manner, not a count
        if (i + 2 < words.Count && words[i + 1].Lower == "by" && words[i + 2].Lower == lower || i > 1 && words[i - 1].Lower == "by" && words[i - 2].Lower == lower) return false;
        if (IsClockTime(text, w.Span.End)) return false; // "eight a.m.", "six o'clock"
        value = v;
        // "twenty five"
        if (v >= 20 && v % 10 == 0 && i + 1 < words.Count && Units.TryGetValue(words[i + 1].Lower, out var o) && o < 10) { value = v + o; consumed = 2; }
        return true;
    }

    private static string? NounPhraseAfter(List<Word> words, int start)
    {
        var phrase = new List<string>();
        for (int k = start; k < words.Count && phrase.Count < 5; k++)
        {
            var w = words[k];
            if (!w.IsLetters) break;
            if (PhraseStops.Contains(w.Text)) break;
            // "38 votes ahead", "41 ballots set aside", "12,803 ballots cast": an adverb, particle or participle after the
            // plural head noun is not part of what is counted
            if (phrase.Count > 0 && IsPluralNoun(phrase[^1]) && (TrailingNonNouns.Contains(w.Text) || IrregularParticiples.Contains(w.Text) || PresentVerbs.Contains(w.Text)
                || w.Lower.EndsWith("ed", StringComparison.Ordinal) && w.Lower.Length > 4 && !w.Lower.EndsWith("eed", StringComparison.Ordinal))) break;
            phrase.Add(w.Lower);
        }
        if (phrase.Count == 0) return null;
        // a verb right after the number ("four fled") makes a poor noun; keep words ending the phrase at a verb-like -ed word
        while (phrase.Count > 1 && phrase[^1].EndsWith("ed") && !phrase[^1].EndsWith("eed") && !DeathWords.Contains(phrase[^1])) phrase.RemoveAt(phrase.Count - 1);
        if (phrase.Count == 1 && phrase[0].EndsWith("ed") && phrase[0].Length > 4) return null;
        return string.Join(' ', phrase);
    }

    /// <summary>Words that follow a counted plural noun without belonging to it.</summary>
    private static readonly HashSet<string> TrailingNonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "ahead", "behind", "short", "aside", "apart", "away", "back", "off", "out", "up", "down", "set", "cast", "left", "remaining",
        "still", "already", "so", "far", "too", "also", "then", "there", "here", "apiece", "overall", "altogether", "counted", "recounted",
    };

    /// <summary>Irregular past participles ("containers held for inspection").</summary>
    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "held", "kept", "taken", "seen", "found", "lost", "sold", "sent", "brought", "made", "given", "shown", "told", "put", "hit",
        "cut", "run", "built", "bought", "caught", "paid", "won", "known", "thrown", "drawn", "stolen", "shot", "hidden", "written", "spent", "chosen",
        "fought", "went", "came", "took", "gave", "saw", "got", "began", "ran", "fell", "stood", "left", "met", "led", "fled", "rode", "flew", "struck",
    };

    private static bool IsPluralNoun(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && word is not ("news" or "series" or "species");

    private static readonly HashSet<string> DeathWords = new(StringComparer.OrdinalIgnoreCase)
    { "died", "killed", "dead", "drowned", "perished", "injured", "wounded", "hurt" };

    private static readonly HashSet<string> KillingVerbs = new(StringComparer.OrdinalIgnoreCase) { "killed", "kills", "killing", "kill" };

    /// <summary>"killed 40 people", "killing at least 12 passengers": the people counted are deaths.</summary>
    private static bool KillingVerbBefore(List<Word> words, int first)
    {
        for (int k = first - 1, seen = 0; k >= 0 && seen < 3; k--, seen++)
        {
            if (KillingVerbs.Contains(words[k].Text)) return true;
            if (!ApproximateCues.Contains(words[k].Text) && words[k].Lower is not ("at" or "an" or "estimated")) return false;
        }
        return false;
    }
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase) { "were", "was", "are", "is", "have", "had", "has", "been", "being", "confirmed", "reported", "feared" };

    /// <summary>"12 people died", "nine passengers were killed", "30 were injured": the people counted are deaths or injuries.</summary>
    private static string? DeathWordAfter(List<Word> words, int k)
    {
        for (int end = Math.Min(words.Count, k + 3); k < end; k++)
        {
            if (DeathWords.Contains(words[k].Text)) return words[k].Lower;
            if (!Auxiliaries.Contains(words[k].Text)) return null;
        }
        return null;
    }

    /// <summary>For a number with no noun after it: "the total number of sanctioned items to 1,402", "from the current 1,159".</summary>
    private static string? NounPhraseBefore(List<Word> words, int index)
    {
        for (int k = index - 1; k >= Math.Max(0, index - 20); k--)
        {
            if (words[k].Lower == "of" && k > 0 && words[k - 1].Lower is "number" or "total" or "count" or "tally")
                return NounPhraseAfter(words, k + 1);
            if (words[k].Lower == "toll") return k > 0 && words[k - 1].Lower == "death" ? "deaths" : "toll";
            if (words[k].IsNumber) return null;
        }
        return null;
    }

    /// <summary>Verbs of a lead between two sides: "by N" after them is a margin.</summary>
    private static readonly HashSet<string> MarginVerbs = new(StringComparer.OrdinalIgnoreCase)
    { "lead", "leads", "led", "leading", "trail", "trails", "trailed", "trailing", "win", "wins", "won", "winning", "lose", "loses", "lost", "losing", "beat", "beats", "beaten", "ahead", "behind" };

    private static string? RoleOf(List<Word> words, int first, int last)
    {
        // margin: "led by 38 votes", "trails by 83 votes", "won by 12 points", "38 votes ahead of", "lost by 200 votes"
        if (first > 1 && words[first - 1].Lower == "by" && MarginVerbs.Contains(words[first - 2].Text)) return "margin";
        for (int k = last + 1; k < Math.Min(words.Count, last + 4); k++)
        {
            if (words[k].Lower is "ahead" or "behind" or "clear") return "margin";
            if (!words[k].IsLetters || PhraseStops.Contains(words[k].Text)) break;
        }
        // added: "adding 234", "added 243 new items", "an additional 5", "234 more", "243 new"
        for (int k = first - 1; k >= Math.Max(0, first - 4); k--)
        {
            var l = words[k].Lower;
            if (words[k].IsNumber) break;
            if (l is "add" or "adds" or "added" or "adding" or "additional") return "added";
            if (l is "by" && k > 0 && words[k - 1].Lower is "increase" or "increased" or "increasing" or "rose" or "rise" or "risen" or "fell"
                or "fall" or "dropped" or "decreased" or "grew" or "up" or "down" or "cut" or "reduced" or "raised") return "delta";
        }
        if (last + 1 < words.Count && words[last + 1].Lower is "new" or "more" or "additional" or "extra") return "added";
        // total: "bringing the total to N", "increasing the total number of ... to N", "from the current N to M"
        for (int k = first - 1; k >= Math.Max(0, first - 9); k--)
        {
            if (words[k].IsNumber) break;
            var l = words[k].Lower;
            if (l is "total" or "totals" or "totaling" or "totalling" or "tally") return "total";
            if (l is "current" or "previous" or "existing" && PrecededByFrom(words, k)) return "total";
        }
        // an evolving count: "rose to 19", "reaches 23"
        if (first > 0 && words[first - 1].Lower is "reached" or "reaches" or "reach" or "reaching"
            || first > 1 && words[first - 1].Lower == "to" && words[first - 2].Lower is "rose" or "risen" or "rises" or "climbed" or "climbs" or "jumped" or "grew" or "increased")
        {
            bool fromBefore = false;
            for (int k = first - 2; k >= Math.Max(0, first - 5); k--) if (words[k].IsNumber) fromBefore = true;
            if (!fromBefore) return "total";
        }
        if (first > 0 && words[first - 1].Lower == "from")
        {
            for (int k = last + 1; k < Math.Min(words.Count, last + 3); k++) if (words[k].Lower == "to") return "total";
        }
        if (first > 0 && words[first - 1].Lower == "to")
        {
            for (int k = first - 2; k >= Math.Max(0, first - 4); k--)
                if (words[k].IsNumber && (PrecededByFrom(words, k) || k > 0 && words[k - 1].Lower is "current" or "previous" or "existing" && PrecededByFrom(words, k - 1))) return "total";
        }
        if (last + 1 < words.Count && words[last + 1].Lower is "in" && last + 2 < words.Count && words[last + 2].Lower == "total") return "total";
        return null;
    }

    /// <summary>"The 210 workers who joined", "120 workers joined": a number of newcomers.</summary>
    private static string? JoinedRole(List<Word> words, int afterNumber)
    {
        for (int k = afterNumber; k < Math.Min(words.Count, afterNumber + 5); k++)
        {
            var l = words[k].Lower;
            if (l is "joined" or "join" or "joining") return "added";
            if (!words[k].IsLetters) return null;
        }
        return null;
    }

    private static bool PrecededByFrom(List<Word> words, int k) =>
        k > 0 && words[k - 1].Lower == "from" || k > 1 && words[k - 1].Lower == "the" && words[k - 2].Lower == "from";

    /// <summary>True when the quantity is the old value of a "from X to Y" change inside <paramref name="claimText"/>.</summary>
    public static bool IsFromValue(string text, Quantity q)
    {
        if (q.Span is not { } s) return false;
        int b = Math.Max(0, s.Start - 20);
        var before = text[b..s.Start].ToLowerInvariant();
        var trimmed = before.TrimEnd();
        return trimmed.EndsWith("from") || trimmed.EndsWith("from the") || trimmed.EndsWith("from a") || before.Contains("from the current")
               || before.Contains("from the previous") || before.Contains("from the existing") || before.Contains("from an earlier") || before.Contains("from the earlier");
    }
}
