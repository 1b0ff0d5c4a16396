using System.Collections.Frozen;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>
/// The words of English time expressions, as data: month and weekday names, number words, ordinals, units,
/// seasons, parts of day and the cue words that decide where a bare weekday points. The grammar builds its
/// rules from these lists, so extending a list extends every rule that uses it.
/// </summary>
public static class TimeLexicon
{
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO weekday numbers (Monday = 1).</summary>
    public static readonly FrozenDictionary<string, int> Weekdays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["a hundred"] = 100, ["a couple of"] = 2, ["couple of"] = 2, ["a dozen"] = 12, ["dozen"] = 12, ["half a"] = 0,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Vague amounts: the value gets an X ("several years" → PXY).</summary>
    public static readonly string[] VagueAmounts = ["several", "a few", "few", "many", "some", "recent", "the past few", "the last few"];

    public static readonly FrozenDictionary<string, int> OrdinalWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14,
        ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19,
        ["twentieth"] = 20, ["twenty-first"] = 21, ["twenty-second"] = 22, ["twenty-third"] = 23, ["twenty-fourth"] = 24,
        ["twenty-fifth"] = 25, ["twenty-sixth"] = 26, ["twenty-seventh"] = 27, ["twenty-eighth"] = 28, ["twenty-ninth"] = 29,
        ["thirtieth"] = 30, ["thirty-first"] = 31,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Calendar units and their TIMEX3 letters.</summary>
    public static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = "S", ["minute"] = "M", ["hour"] = "H", ["day"] = "D", ["week"] = "W", ["fortnight"] = "2W", ["month"] = "M",
        ["year"] = "Y", ["decade"] = "DE", ["century"] = "CE", ["quarter"] = "Q", ["weekend"] = "WE", ["night"] = "D",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, string> Seasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, string> PartsOfDay = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["morning"] = "MO", ["afternoon"] = "AF", ["evening"] = "EV", ["night"] = "NI", ["overnight"] = "NI",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Named days: a fixed month and day, or the n-th weekday of a month (n = -1: the last one).</summary>
    public static readonly FrozenDictionary<string, (int Month, int Day, int Weekday, int Nth)> Holidays = new Dictionary<string, (int, int, int, int)>(StringComparer.OrdinalIgnoreCase)
    {
        ["new year's day"] = (1, 1, 0, 0), ["new year's eve"] = (12, 31, 0, 0), ["valentine's day"] = (2, 14, 0, 0),
        ["independence day"] = (7, 4, 0, 0), ["halloween"] = (10, 31, 0, 0), ["veterans day"] = (11, 11, 0, 0),
        ["christmas eve"] = (12, 24, 0, 0), ["christmas day"] = (12, 25, 0, 0), ["christmas"] = (12, 25, 0, 0), ["boxing day"] = (12, 26, 0, 0),
        ["thanksgiving day"] = (11, 0, 4, 4), ["thanksgiving"] = (11, 0, 4, 4), ["labor day"] = (9, 0, 1, 1), ["memorial day"] = (5, 0, 1, -1),
        ["election day"] = (11, 2, 2, 1), // the Tuesday after the first Monday: the first Tuesday on or after November 2
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a date that narrow it: "late June", "the end of this month", "early next year".</summary>
    public static readonly (string Words, string Modifier)[] Modifiers =
    [
        ("the end of", "END"), ("the close of", "END"), ("late", "END"), ("the latter part of", "END"), ("the second half of", "END"),
        ("the beginning of", "START"), ("the start of", "START"), ("early", "START"), ("the first half of", "START"),
        ("the middle of", "MID"), ("mid", "MID"), ("mid-", "MID"),
    ];

    /// <summary>Abbreviations whose full stop does not end a sentence.</summary>
    public static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Sgt", "Capt", "Prof",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "Mt", "Ft",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that send a bare weekday or month forward: "will meet on Thursday".</summary>
    public static readonly FrozenSet<string> FutureCues = new[]
    {
        "will", "'ll", "shall", "scheduled", "schedule", "plans", "planned", "planning", "expected", "expects", "due", "upcoming",
        "coming", "tomorrow", "intends", "aims", "hopes", "slated", "would", "payable", "soon", "effective",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Irregular past-tense verbs and auxiliaries that point back: "said Thursday".</summary>
    public static readonly FrozenSet<string> PastCues = new[]
    {
        "said", "told", "was", "were", "had", "did", "met", "went", "made", "took", "gave", "came", "saw", "spoke", "held",
        "won", "lost", "sent", "began", "left", "brought", "thought", "fell", "rose", "became", "got", "led", "hit", "wrote",
        "ran", "paid", "sold", "bought", "fought", "struck", "stood", "broke", "chose", "drove", "flew", "knew", "grew", "found",
        "ago", "last", "earlier", "yesterday", "since", "insisted", "says",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
