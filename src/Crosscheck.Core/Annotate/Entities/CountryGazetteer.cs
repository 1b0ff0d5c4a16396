using System.IO.Compression;
using System.Reflection;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>What a gazetteer phrase names.</summary>
public enum GazetteerKind { Country, Capital, Demonym }

/// <summary>One phrase of the gazetteer: its tokens, what it names and the country it belongs to.</summary>
public sealed record GazetteerEntry(string[] Tokens, GazetteerKind Kind, string Country);

/// <summary>
/// Countries with their alternate names, capitals and demonyms (data/gazetteers/countries.tsv, embedded).
/// Looks phrases up by their first token, case-insensitively; callers decide how strict to be about case.
/// </summary>
public sealed class CountryGazetteer
{
    private readonly Dictionary<string, List<GazetteerEntry>> _byFirst = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The gazetteer shipped with Crosscheck.</summary>
    public static CountryGazetteer Default { get; } = LoadEmbedded();

    /// <summary>Canonical country names, e.g. "South Korea".</summary>
    public IReadOnlyCollection<string> Countries => _canonical.Values.Distinct().ToList();

    public CountryGazetteer(TextReader tsv)
    {
        string? line;
        while ((line = tsv.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 5) continue;
            string canon = cols[1];
            Add(canon, GazetteerKind.Country, canon);
            foreach (var a in Split(cols[2])) Add(a, GazetteerKind.Country, canon);
            foreach (var c in Split(cols[3])) Add(c, GazetteerKind.Capital, canon);
            foreach (var d in Split(cols[4])) Add(d, GazetteerKind.Demonym, canon);
        }
        foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
    }

    private static IEnumerable<string> Split(string s) => s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Add(string phrase, GazetteerKind kind, string country)
    {
        var tokens = NerTokenizer.TokenizeToStrings(phrase);
        if (tokens.Length == 0) return;
        if (!_byFirst.TryGetValue(tokens[0], out var list)) _byFirst[tokens[0]] = list = [];
        if (!list.Any(e => e.Kind == kind && e.Tokens.SequenceEqual(tokens, StringComparer.OrdinalIgnoreCase)))
            list.Add(new GazetteerEntry(tokens, kind, country));
        if (kind == GazetteerKind.Country) _canonical.TryAdd(string.Join(" ", tokens), country);
    }

    /// <summary>The canonical country a name, capital or demonym phrase points to, or null.</summary>
    public GazetteerEntry? LookupPhrase(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0 || !_byFirst.TryGetValue(tokens[0], out var list)) return null;
        foreach (var e in list)
            if (e.Tokens.Length == tokens.Count && Matches(e, tokens, 0, caseSensitive: false)) return e;
        return null;
    }

    /// <summary>The longest entry starting at <paramref name="start"/>, or null. Case must match except for ALL-CAPS text when <paramref name="caseSensitive"/>.</summary>
    public GazetteerEntry? LongestAt(IReadOnlyList<string> tokens, int start, bool caseSensitive = true)
    {
        if (!_byFirst.TryGetValue(tokens[start], out var list)) return null;
        foreach (var e in list)
            if (start + e.Tokens.Length <= tokens.Count && Matches(e, tokens, start, caseSensitive)) return e;
        return null;
    }

    private static bool Matches(GazetteerEntry e, IReadOnlyList<string> tokens, int start, bool caseSensitive)
    {
        for (int k = 0; k < e.Tokens.Length; k++)
        {
            var t = tokens[start + k];
            if (string.Equals(t, e.Tokens[k], StringComparison.Ordinal)) continue;
            if (!string.Equals(t, e.Tokens[k], StringComparison.OrdinalIgnoreCase)) return false;
            if (caseSensitive && !IsAllCaps(t)) return false;
        }
        return true;
    }

    private static bool IsAllCaps(string t)
    {
        bool any = false;
        foreach (var c in t) { if (char.IsLower(c)) return false; if (char.IsUpper(c)) any = true; }
        return any;
    }

    private static CountryGazetteer LoadEmbedded()
    {
        using var stream = EmbeddedData.Open("countries.tsv");
        using var reader = new StreamReader(stream);
        return new CountryGazetteer(reader);
    }
}

/// <summary>Opens the data files embedded in Crosscheck.Core (models and gazetteers).</summary>
public static class EmbeddedData
{
    public static Stream Open(string name)
    {
        var asm = typeof(EmbeddedData).Assembly;
        var res = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal) || n == name)
                  ?? throw new InvalidOperationException($"embedded data file '{name}' is missing from Crosscheck.Core");
        var s = asm.GetManifestResourceStream(res)!;
        return name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(s, CompressionMode.Decompress) : s;
    }

    public static bool Exists(string name) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceNames().Any(n => n.EndsWith("." + name, StringComparison.Ordinal) || n == name);
}
