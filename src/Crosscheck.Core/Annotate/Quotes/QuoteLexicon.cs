namespace Crosscheck.Core.Annotate.Quotes;

/// <summary>
/// Word lists the quote extractor relies on: reporting verbs (cues), words that end a speaker phrase,
/// titles and organisation words that are not part of a person's name, and nouns that describe speakers.
/// </summary>
internal static class QuoteLexicon
{
    /// <summary>Finite reporting verbs: "said", "told", "added", ... (lower case as written).</summary>
    public static readonly HashSet<string> FiniteCues = new(StringComparer.Ordinal)
    {
        "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "warn", "warns", "warned",
        "stated", "states", "noted", "notes", "remarked", "remarks", "announced", "announces", "emphasized", "emphasised",
        "emphasizes", "stressed", "stresses", "insisted", "insists", "argued", "argue", "argues", "claimed", "claims",
        "explained", "explains", "mentioned", "mentions", "expressed", "expresses", "indicated", "indicates", "described", "describes",
        "called", "asked", "asks", "replied", "replies", "wrote", "writes", "acknowledged", "admitted", "confirmed", "confirms",
        "denied", "denies", "declared", "declares", "asserted", "asserts", "vowed", "vows", "urged", "urges", "recalled",
        "suggested", "suggests", "reported", "cautioned", "observed", "conceded", "underlined", "underscored", "complained",
        "predicted", "pledged", "promised", "tweeted", "posted", "responded", "countered", "contended", "maintained", "agreed",
    };

    /// <summary>Participles that report speech after a comma: ", saying ...".</summary>
    public static readonly HashSet<string> ParticipleCues = new(StringComparer.Ordinal)
    {
        "saying", "adding", "warning", "noting", "stressing", "stating", "telling", "arguing", "insisting",
        "explaining", "emphasizing", "emphasising", "calling", "describing", "claiming", "asking", "declaring", "urging",
    };

    /// <summary>Two-word cues whose first word alone is not a reporting verb: "pointed out".</summary>
    public static readonly Dictionary<string, string> PhrasalCues = new(StringComparer.Ordinal)
    {
        ["pointed"] = "out", ["points"] = "out", ["pointing"] = "out", ["spelled"] = "out", ["went"] = "on",
    };

    /// <summary>Words that make the next word a noun, not a verb ("the warning", "its claims").</summary>
    public static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "such", "no", "any", "every",
    };

    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i" };

    /// <summary>Auxiliaries and adverbs between a subject and its reporting verb ("had firmly stated").</summary>
    public static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "have", "had", "was", "were", "is", "are", "also", "would", "will", "could", "did", "does", "do", "then", "later",
        "once", "again", "further", "already", "still", "had", "been", "has", "not", "never", "just", "too", "even", "first",
    };

    /// <summary>Words that start a clause: a subject phrase never reaches back across them.</summary>
    public static readonly HashSet<string> ClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "after", "before", "when", "while", "because", "if", "as", "but", "and", "although", "though", "since", "where",
        "which", "once", "until", "whereas", "so", "yet", "or", "than", "whether", "unless",
    };

    /// <summary>Capitalised words that are never part of a name (function words, months, weekdays).</summary>
    public static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "however", "despite", "after", "before",
        "during", "on", "in", "at", "as", "if", "when", "while", "this", "that", "these", "those", "some", "any", "most", "many",
        "previously", "additionally", "meanwhile", "hours", "days", "there", "here", "his", "her", "its", "their", "our", "my",
        "what", "who", "why", "how", "where", "will", "would", "can", "could", "should", "may", "might", "is", "are", "was",
        "also", "so", "yet", "then", "still", "since", "for", "from", "with", "by", "to", "of", "not", "no", "all", "both",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr",
        "said", "says", "told", "added", "according", "related", "back", "comments", "most",
    };

    /// <summary>Titles and role words that stand before a name but are not part of it.</summary>
    public static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "prime", "minister", "secretary", "director", "general", "chairman", "chairwoman", "chair",
        "leader", "supreme", "chief", "head", "adviser", "advisor", "official", "spokesman", "spokeswoman", "spokesperson",
        "ambassador", "envoy", "commander", "governor", "mayor", "senator", "representative", "rep", "sen", "gov", "judge",
        "king", "queen", "prince", "princess", "pope", "deputy", "foreign", "defense", "defence", "interior", "finance",
        "national", "security", "state", "former", "senior", "top", "acting", "lieutenant", "colonel", "major", "captain",
        "admiral", "marshal", "sergeant", "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "lord", "lady", "dame",
        "chancellor", "premier", "speaker", "ceo", "founder", "analyst", "researcher", "expert", "lawmaker", "diplomat",
        "director-general", "secretary-general", "minister-president", "vice-president", "army", "navy",
        "detective", "superintendent", "inspector", "constable", "commissioner",
    };

    /// <summary>Honorifics before a name that are never part of it ("Dr", "Prof", "Mrs").</summary>
    public static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    { "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "rev", "revd", "fr", "mx" };

    /// <summary>Words that make a capitalised run an organisation or place, not a person.</summary>
    public static readonly HashSet<string> NonPersonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "north", "south", "east", "west", "united", "states", "kingdom", "union", "republic", "nations", "council", "house",
        "office", "ministry", "department", "agency", "institute", "university", "news", "times", "post", "press", "tv",
        "radio", "committee", "party", "government", "city", "island", "islands", "sea", "gulf", "province", "county", "coast",
        "bank", "group", "company", "corporation", "inc", "ltd", "association", "organization", "organisation", "center",
        "centre", "foundation", "court", "parliament", "assembly", "congress", "senate", "army", "navy", "forces", "war",
        "korea", "russia", "china", "japan", "ukraine", "america", "europe", "asia", "africa", "kremlin", "pentagon",
        "reuters", "afp", "ap", "bbc", "cnn", "kbs", "yonhap", "tass", "xinhua", "studies", "service", "network", "journal",
        "daily", "herald", "tribune", "review", "magazine", "media", "channel", "international", "federation", "alliance",
    };

    /// <summary>Nouns that describe a speaker without naming one ("officials", "analysts").</summary>
    public static readonly HashSet<string> SpeakerNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "officials", "analyst", "analysts", "expert", "experts", "critic", "critics", "source", "sources",
        "observer", "observers", "diplomat", "diplomats", "researcher", "researchers", "lawmaker", "lawmakers", "adviser",
        "advisers", "advisor", "advisors", "spokesman", "spokeswoman", "spokesperson", "minister", "ministers", "officer",
        "officers", "authorities", "police", "witness", "witnesses", "residents", "resident", "scientists", "scientist",
        "economists", "economist", "people", "activists", "activist", "leaders", "leader", "aide", "aides", "insiders",
        "investigators", "prosecutors", "experts", "commentators", "members", "member", "representatives", "staff",
    };

    /// <summary>Nouns for a person's occupation or situation that a definite description may use for a named person ("the dairy farmer").</summary>
    public static readonly HashSet<string> PersonRoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "farmer", "nurse", "doctor", "surgeon", "teacher", "driver", "pilot", "fisherman", "fisherwoman", "baker", "engineer",
        "survivor", "victim", "worker", "pensioner", "widow", "widower", "student", "shopkeeper", "mother", "father",
        "priest", "lawyer", "captain", "skipper", "miner", "builder", "firefighter", "volunteer", "landlord", "tenant",
        "grandmother", "grandfather", "villager", "neighbour", "neighbor", "mechanic", "farmhand", "shepherd", "vet", "midwife",
    };

    /// <summary>A noun for a single person: a singular speaker noun, an occupation, or an "-ist" ("hydrologist").</summary>
    public static bool IsPersonRoleNoun(string word) =>
        IsSingularPersonNoun(word) || PersonRoleNouns.Contains(word) || (word.Length > 5 && word.EndsWith("ist", StringComparison.Ordinal))
        // a compound of an occupation ("schoolteacher", "lorrydriver")
        || PersonRoleNouns.Any(n => n.Length >= 5 && word.Length > n.Length + 2 && word.EndsWith(n, StringComparison.OrdinalIgnoreCase));

    /// <summary>Generic nouns for a business ("the company said").</summary>
    public static readonly HashSet<string> CompanyNouns = new(StringComparer.OrdinalIgnoreCase)
    { "company", "operator", "firm", "group", "utility", "carrier", "airline", "insurer", "developer", "manufacturer", "lender", "retailer" };

    /// <summary>Generic nouns for a public body ("the ministry said"); an organisation fits one only when its name holds it.</summary>
    public static readonly HashSet<string> InstitutionNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "ministry", "agency", "service", "authority", "department", "council", "board", "office", "commission", "government",
        "university", "police", "court", "parliament", "party", "union", "institute", "army", "navy", "inspectorate", "regulator",
    };

    /// <summary>Words of news organisations' names: never "the company" of a story.</summary>
    public static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase)
    { "press", "news", "times", "post", "herald", "tribune", "gazette", "review", "journal", "daily", "wire", "radio", "tv", "media", "echo", "standard", "observer", "courier" };

    /// <summary>Description heads that denote a single person (a pronoun "he"/"she" may refer back to them).</summary>
    public static bool IsSingularPersonNoun(string word) =>
        SpeakerNouns.Contains(word) && !word.EndsWith('s') && word is not ("police" or "people" or "staff");

    public static bool IsDemonym(string word) =>
        word.Length > 4 && char.IsUpper(word[0]) && (word.EndsWith("ian") || word.EndsWith("ean") || word.EndsWith("ese") || word.EndsWith("ish") || word.EndsWith("can"));
}
