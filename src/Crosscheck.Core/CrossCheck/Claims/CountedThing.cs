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
        // a length, mass or power measures whatever it is said of ("47 metres high", "the 74-metre embankment")
        if (QuantityParser.IsPhysicalUnit(q.Unit)) return "unit:" + q.Unit;
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

    private static readonly Dictionary<string, string> Dimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["high"] = "height", ["tall"] = "height", ["long"] = "length", ["deep"] = "depth", ["wide"] = "width", ["thick"] = "thickness",
        ["heavy"] = "weight", ["across"] = "width",
    };

    /// <summary>What a length or mass in dispute measures: the dimension its sources name ("47 metres high": height) or the
    /// thing measured ("the 74-metre embankment"), in the unit given.</summary>
    public static string MeasureName(IEnumerable<Quantity> quantities)
    {
        var list = quantities.ToList();
        string unit = list[0].Unit;
        foreach (var q in list)
            if (q.What?.Split(' ') is { Length: 2 } w && Dimensions.TryGetValue(w[1], out var dim)) return $"{dim} in {unit}";
        var thing = list.Select(q => q.What).FirstOrDefault(w => w is { Length: > 0 } && !w.Contains(' '));
        return thing is null ? $"measure in {unit}" : $"size of the {thing} in {unit}";
    }

    /// <summary>The plural head noun for wording ("items").</summary>
    public static string HeadWords(Quantity q) => ClassOf(q) == "death" ? "deaths" : ClassOf(q) == "injury" ? "injured" : q.What is { Length: > 0 } w ? w.Split(' ')[^1] : q.Unit;
}
