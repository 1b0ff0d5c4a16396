namespace Crosscheck.Core.Annotate.Entities;

/// <summary>Words that make up titles and roles ("national security adviser", "Secretary of State", "Kremlin leader").</summary>
public static class RoleLexicon
{
    /// <summary>Nouns that end a role phrase.</summary>
    public static readonly HashSet<string> Heads = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice-president", "minister", "adviser", "advisor", "secretary", "leader", "director", "head", "chief", "chairman",
        "chairwoman", "chair", "official", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "governor",
        "chancellor", "king", "queen", "prince", "commander", "researcher", "analyst", "diplomat", "senator", "mayor", "editor",
        "correspondent", "ceo", "founder", "premier", "lawmaker", "legislator", "representative", "prosecutor", "judge", "attorney",
        "officer", "admiral", "colonel", "lieutenant", "captain", "dictator", "ruler", "monarch", "emperor", "pope", "cardinal",
        "bishop", "professor", "expert", "economist", "strategist", "reporter", "journalist", "columnist", "executive", "manager",
        "coordinator", "negotiator", "deputy", "undersecretary", "commissioner", "councillor", "councilor", "speaker", "prime",
        "strongman", "spokesmen", "aide", "counsellor", "counselor", "defector", "scholar", "fellow", "chairperson", "rapporteur",
        "superintendent", "detective", "inspector", "constable", "sheriff", "marshal", "warden", "magistrate", "ombudsman", "auditor",
    };

    /// <summary>Lower-case modifiers allowed inside a role phrase before its head.</summary>
    public static readonly HashSet<string> Modifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "national", "security", "foreign", "deputy", "senior", "vice", "chief", "former", "supreme", "defense", "defence", "prime",
        "state", "interior", "finance", "press", "presidential", "executive", "assistant", "acting", "top", "intelligence", "military",
        "economic", "trade", "special", "first", "second", "high-ranking", "government", "cabinet", "unification", "justice", "health",
        "energy", "environment", "education", "labour", "labor", "agriculture", "industry", "transport", "culture", "communications",
        "commerce", "treasury", "army", "navy", "air", "force", "party", "opposition", "ruling", "union", "general", "principal",
        "regional", "local", "provincial", "federal", "central", "bank", "policy", "research", "political", "deputy-", "managing",
        "associate", "permanent", "representative", "affairs", "staff", "joint", "chiefs", "public", "white", "house", "kremlin",
        "foreign-policy", "nuclear", "senior-level", "then", "longtime", "veteran", "de", "facto", "interim", "current", "new",
        "incoming", "outgoing", "former", "ex", "retired",
    };

    public static bool IsHead(string w)
    {
        if (Heads.Contains(w)) return true;
        int dash = w.LastIndexOf('-');
        return dash > 0 && dash < w.Length - 1 && Heads.Contains(w[(dash + 1)..]);
    }

    public static bool IsModifier(string w) => Modifiers.Contains(w) || IsHead(w);
}
