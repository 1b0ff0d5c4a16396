using System.Globalization;
using System.Text;

namespace Crosscheck.Core.CrossCheck.Entities;

/// <summary>
/// Normal forms of names for matching across outlets: case, hyphens, diacritics, possessives and common
/// romanisation variants folded ("Kim Jong-Un" = "Kim Jong Un", "Dzong" = "Jong", "Chang" = "Jang").
/// </summary>
public static class NameKeys
{
    /// <summary>The surface form without a possessive ending ("Chang’s" → "Chang").</summary>
    public static string StripPossessive(string s)
    {
        s = s.Trim();
        if (s.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || s.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)) s = s[..^2];
        else if (s.EndsWith('\'') || s.EndsWith('\u2019')) s = s[..^1];
        return s.TrimEnd();
    }

    /// <summary>The name's parts, lower-cased, without diacritics, split at spaces, hyphens and periods.</summary>
    public static string[] Parts(string name)
    {
        var plain = RemoveDiacritics(StripPossessive(name)).ToLowerInvariant();
        return plain.Split([' ', '-', '.', '\u2010', '\u2011', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A part with romanisation variants folded: initial "ch"/"dz"/"j" → "j", "oo"/"u" kept apart.</summary>
    public static string Fold(string part)
    {
        if (part.StartsWith("dz", StringComparison.Ordinal)) part = "j" + part[2..];
        else if (part.StartsWith("ch", StringComparison.Ordinal)) part = "j" + part[2..];
        return part;
    }

    /// <summary>Folded parts joined without separators: the key under which full names of one person meet.</summary>
    public static string FullKey(string name) => string.Concat(Parts(name).Select(Fold));

    /// <summary>A key for organisations and places: lower case, no leading "the", no possessive, hyphens as spaces.</summary>
    public static string PlainKey(string name)
    {
        var parts = Parts(name).ToList();
        if (parts.Count > 1 && parts[0] == "the") parts.RemoveAt(0);
        return string.Join(' ', parts);
    }

    /// <summary>Initials of the capitalised words of a name ("National Security Council" → "NSC").</summary>
    public static string Initials(string name) =>
        string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0]));

    private static string RemoveDiacritics(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d) if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
