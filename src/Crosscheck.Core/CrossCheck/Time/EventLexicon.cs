using System.Collections.Frozen;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>
/// Words that tell what happened, as data: paraphrases that report one event ("talks collapsed", "talks broke down",
/// "negotiations failed") map to one key, so two outlets wording an event differently still meet; reporting verbs
/// ("said", "told") never make two statements one event.
/// </summary>
public static class EventLexicon
{
    /// <summary>Word or two-word phrase → its key. Keys of <see cref="EventKeys"/> are events; the others are participants.</summary>
    private static readonly FrozenDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // talks ending
        ["collapse"] = "collapse", ["collapsed"] = "collapse", ["collapses"] = "collapse", ["broke down"] = "collapse", ["broken down"] = "collapse",
        ["break down"] = "collapse", ["fell apart"] = "collapse", ["failed"] = "collapse", ["stalled"] = "collapse", ["foundered"] = "collapse",
        ["talks"] = "talks", ["negotiations"] = "talks", ["negotiation"] = "talks", ["discussions"] = "talks",
        // joining, walking out
        ["joined"] = "join", ["join"] = "join", ["walked out"] = "walkout", ["walkout"] = "walkout", ["went on"] = "walkout",
        // starting and ending
        ["began"] = "begin", ["begun"] = "begin", ["started"] = "begin", ["launched"] = "begin", ["opened"] = "begin",
        ["ended"] = "end", ["finished"] = "end", ["concluded"] = "end", ["closed"] = "end",
        // agreements
        ["signed"] = "sign", ["inked"] = "sign", ["agreed"] = "agree", ["approved"] = "approve", ["ratified"] = "approve", ["passed"] = "approve",
        ["rejected"] = "reject", ["vetoed"] = "veto", ["veto"] = "veto",
        // meetings and visits
        ["met"] = "meet", ["meeting"] = "meet", ["held talks"] = "meet", ["visited"] = "visit", ["arrived"] = "visit", ["landed"] = "visit",
        ["press conference"] = "briefing", ["news conference"] = "briefing", ["briefing"] = "briefing", ["briefed"] = "briefing",
        // conflict and harm
        ["attacked"] = "attack", ["struck"] = "attack", ["bombed"] = "attack", ["shelled"] = "attack", ["fired"] = "fire",
        ["killed"] = "kill", ["died"] = "kill", ["dead"] = "kill", ["injured"] = "injure", ["wounded"] = "injure",
        ["capsized"] = "capsize", ["sank"] = "capsize", ["overturned"] = "capsize",
        // figures moving
        ["rose"] = "rise", ["grew"] = "rise", ["increased"] = "rise", ["climbed"] = "rise", ["fell"] = "drop", ["dropped"] = "drop", ["declined"] = "drop",
        // officials acting
        ["summoned"] = "summon", ["summons"] = "summon", ["arrested"] = "arrest", ["detained"] = "arrest", ["resigned"] = "resign",
        ["stepped down"] = "resign", ["quit"] = "resign", ["elected"] = "elect", ["appointed"] = "appoint", ["named"] = "appoint",
        ["announced"] = "announce", ["unveiled"] = "announce", ["released"] = "release", ["published"] = "release",
        // finding out, telling those who must be told (present forms too: timelines and list items are written so)
        ["detected"] = "discover", ["detects"] = "discover", ["discovered"] = "discover", ["discovers"] = "discover",
        ["spotted"] = "discover", ["spots"] = "discover", ["uncovered"] = "discover", ["noticed"] = "discover",
        ["informed"] = "notify", ["informs"] = "notify", ["notified"] = "notify", ["notifies"] = "notify",
        ["alerted"] = "notify", ["alerts"] = "notify",
        ["posted"] = "post", ["posts"] = "post", ["leaked"] = "post",
        ["demanded"] = "demand", ["demands"] = "demand",
        ["logged in"] = "login", ["log in"] = "login", ["logs in"] = "login", ["logging in"] = "login", ["broke into"] = "login",
        ["hackers"] = "attackers", ["hacker"] = "attackers", ["attackers"] = "attackers", ["attacker"] = "attackers",
        ["rises"] = "rise", ["meets"] = "meet", ["resigns"] = "resign", ["announces"] = "announce",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Keys that name what happened (the rest name who or what it happened to).</summary>
    private static readonly FrozenSet<string> EventKeys = new[]
    {
        "collapse", "join", "walkout", "begin", "end", "sign", "agree", "approve", "reject", "veto", "meet", "visit", "briefing",
        "attack", "fire", "kill", "injure", "capsize", "summon", "rise", "drop", "arrest", "resign", "elect", "appoint", "announce", "release",
        "discover", "notify", "post", "demand", "login",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that report speech: two statements on different days are two events, whatever they say.</summary>
    public static readonly FrozenSet<string> Reporting = new[]
    {
        "said", "says", "told", "tells", "stated", "added", "reported", "insisted", "noted", "claimed", "according", "quoted", "cited",
        "confirmed", "denied", "warned", "explained", "wrote",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> NumberWords = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundred", "hundreds",
        "thousand", "thousands", "million", "millions", "percent", "first", "second", "third",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotActions = new[]
    {
        "need", "speed", "indeed", "based", "used", "related", "united", "limited", "proposed", "expected", "scheduled", "planned",
        "alleged", "supposed", "concerned", "interested", "involved", "armed", "advanced", "detailed", "listed", "red", "bed", "hundred",
        "affected",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string? Canonical(string lowerWordOrPhrase) => Map.GetValueOrDefault(lowerWordOrPhrase);

    public static bool IsEvent(string key) => EventKeys.Contains(key);

    /// <summary>A past form that reads as an action ("raised", "grew"): a crude verb test for words the lexicon does not know.</summary>
    public static bool LooksLikeActionVerb(string lower)
    {
        if (NotActions.Contains(lower)) return false;
        if (lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("eed", StringComparison.Ordinal)) return true;
        return IrregularPast.Contains(lower);
    }

    private static readonly FrozenSet<string> IrregularPast = new[]
    {
        "grew", "rose", "fell", "won", "lost", "sent", "took", "gave", "made", "went", "came", "left", "held", "broke", "drove",
        "flew", "hit", "led", "paid", "sold", "bought", "fought", "shot", "threw", "wrote", "spoke", "stood", "ran", "swore",
    }.ToFrozenSet(StringComparer.Ordinal);
}
