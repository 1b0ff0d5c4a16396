using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>What a quantity counts, reduced to a comparable class: head noun lemma with synonyms merged, plus qualifiers.</summary>
public static class CountedThing
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ship"] = "vessel", ["boat"] = "vessel", ["tanker"] = "vessel",
        ["product"] = "item", ["good"] = "item",
        ["people"] = "person", ["individual"] = "person", ["persons"] = "person",
        ["fatality"] = "death", ["toll"] = "death", ["dead"] = "death", ["killed"] = "death", ["kill"] = "death", ["died"] = "death",
        ["drown"] = "death", ["perish"] = "death", ["injur"] = "injury", ["injured"] = "injury", ["wound"] = "injury", ["wounded"] = "injury", ["hurt"] = "injury",
        ["troop"] = "soldier",
        ["firm"] = "company", ["business"] = "company",
        ["entity"] = "institution", ["organization"] = "institution", ["organisation"] = "institution",
    };

    private static readonly HashSet<string> NeutralQualifiers = new(StringComparer.OrdinalIgnoreCase)
    { "new", "more", "additional", "extra", "other", "further", "total", "sanctioned", "some", "about", "people", "person", "confirm" };

    /// <summary>The class key of a quantity ("vessel"), or null when it counts nothing recognisable.</summary>
    public static string? ClassOf(Quantity q)
    {
        if (q.What is not { Length: > 0 } what) return q.Unit == "count" ? null : "unit:" + q.Unit;
        var head = TextWords.Stem(what.Split(' ')[^1]);
        return Synonyms.TryGetValue(head, out var cls) ? cls : head;
    }

    /// <summary>Qualifier words before the head noun, minus neutral ones ("third-country vessels" → {"third-country"}).</summary>
    public static HashSet<string> Qualifiers(Quantity q)
    {
        var words = (q.What ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. words.Take(Math.Max(0, words.Length - 1)).Where(w => !NeutralQualifiers.Contains(w)).Select(TextWords.Stem)];
    }

    /// <summary>True when both quantities carry qualifiers and these share nothing: likely different things counted.</summary>
    public static bool QualifiersConflict(Quantity a, Quantity b)
    {
        var qa = Qualifiers(a); var qb = Qualifiers(b);
        return qa.Count > 0 && qb.Count > 0 && !qa.Overlaps(qb);
    }

    /// <summary>The plural head noun for wording ("items").</summary>
    public static string HeadWords(Quantity q) => ClassOf(q) == "death" ? "deaths" : ClassOf(q) == "injury" ? "injured" : q.What is { Length: > 0 } w ? w.Split(' ')[^1] : q.Unit;
}
