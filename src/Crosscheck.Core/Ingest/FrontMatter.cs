using System.Globalization;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Ingest;

/// <summary>
/// A YAML front-matter block at the start of a Markdown or text file: a line <c>---</c>, lines <c>key: value</c>
/// (with indented continuations, <c>- item</c> lists and <c># comments</c>), and a closing <c>---</c> (or <c>...</c>).
/// Only a block made wholly of such lines counts, so prose that merely starts with a rule is not taken for one.
/// The reader turns its fields into the source's metadata (<see cref="ToRecord"/>); the cleaner removes the block's
/// lines as clutter ("front matter"). The text itself is never changed: <see cref="Span"/> indexes it.
/// </summary>
public sealed partial record FrontMatter(TextSpan Span, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    private const int MaxLines = 200;

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_.-]{0,40})\s*:(?:\s+(?<value>.*)|\s*)$")]
    private static partial Regex KeyLine();

    /// <summary>The front matter at the start of <paramref name="text"/> (after blank lines only), or null.</summary>
    public static FrontMatter? Find(string text)
    {
        var lines = new List<(int Start, int End)>();
        int pos = 0;
        // Leading blank lines only.
        while (true)
        {
            if (pos >= text.Length) return null;
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            if (!text.AsSpan(pos, end - pos).IsWhiteSpace()) break;
            if (nl < 0) return null;
            pos = nl + 1;
        }
        int open = pos;
        bool first = true, closed = false;
        int blockEnd = 0;
        while (pos <= text.Length && lines.Count <= MaxLines)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            var line = text.AsSpan(pos, end - pos).TrimEnd();
            if (first)
            {
                if (!line.SequenceEqual("---")) return null;
                first = false;
            }
            else if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                closed = true;
                blockEnd = pos + line.Length;
                break;
            }
            else lines.Add((pos, pos + line.Length));
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (!closed) return null;

        var fields = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = text[lines[i].Start..lines[i].End];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (char.IsWhiteSpace(line[0]) || line.StartsWith("- ", StringComparison.Ordinal) || line == "-") continue; // belongs to the key above
            var m = KeyLine().Match(line);
            if (!m.Success) return null;
            var key = m.Groups["key"].Value;
            var value = m.Groups["value"].Success ? m.Groups["value"].Value.Trim() : "";
            // The lines under the key: a block scalar ("key: >") or a list ("key:" then "- item").
            var children = new List<string>();
            while (i + 1 < lines.Count)
            {
                var next = text[lines[i + 1].Start..lines[i + 1].End];
                if (next.Trim().Length > 0 && !char.IsWhiteSpace(next[0]) && !next.StartsWith('-')) break;
                if (next.Trim().Length > 0 && !next.TrimStart().StartsWith('#')) children.Add(next.Trim());
                i++;
            }
            if (value is ">" or "|" or ">-" or "|-" or ">+" or "|+") value = string.Join(" ", children);
            else if (value.Length == 0 && children.Count > 0 && children.All(c => c.StartsWith('-')))
                value = string.Join(", ", children.Select(c => Scalar(c.TrimStart('-').Trim())).Where(c => c.Length > 0));
            else value = Scalar(value);
            fields.Add(new(key, value));
        }
        if (fields.Count == 0) return null;
        return new FrontMatter(new TextSpan(open, blockEnd), fields);
    }

    /// <summary>The first non-empty value of the first key present (keys compared without case, '-' and '_').</summary>
    public string? Get(params string[] keys)
    {
        foreach (var key in keys)
            foreach (var (k, v) in Fields)
                if (SameKey(k, key) && v.Length > 0) return v;
        return null;
    }

    /// <summary>
    /// The metadata, with the names JSON records use: title/headline; outlet/source/publisher/site/publication;
    /// author/authors/byline; date/published; url/link/canonical/permalink; lang/language. An outlet field that holds
    /// a URL is read as the URL.
    /// </summary>
    public ArticleRecord ToRecord()
    {
        var url = Get("url", "link", "canonical_url", "canonical", "permalink");
        var outlet = Get("outlet", "source", "publisher", "site", "site_name", "publication");
        if (outlet is not null && LooksLikeUrl(outlet)) { url ??= outlet; outlet = Get("publisher", "site_name", "publication") is { } o && !LooksLikeUrl(o) ? o : null; }
        return new ArticleRecord
        {
            Title = Get("title", "headline"),
            Outlet = outlet,
            Author = Get("author", "authors", "byline"),
            Published = Get("date", "published", "published_at", "publish_date", "pubdate", "date_published"),
            Url = url,
            Language = Get("lang", "language"),
        };
    }

    private static bool LooksLikeUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool SameKey(string a, string b)
    {
        static string Norm(string s) => s.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return string.Equals(Norm(a), Norm(b), StringComparison.Ordinal);
    }

    /// <summary>A YAML scalar as written: quotes removed (with their escapes), a flow list "[a, b]" as "a, b", a trailing comment dropped.</summary>
    private static string Scalar(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value.LastIndexOf('"') > 0)
            return value[1..value.LastIndexOf('"')].Replace("\\\"", "\"", StringComparison.Ordinal).Trim();
        if (value.Length >= 2 && value[0] == '\'' && value.LastIndexOf('\'') > 0)
            return value[1..value.LastIndexOf('\'')].Replace("''", "'", StringComparison.Ordinal).Trim();
        int comment = value.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0) value = value[..comment].TrimEnd();
        if (value.Length >= 2 && value[0] == '[' && value[^1] == ']')
            return string.Join(", ", value[1..^1].Split(',').Select(x => Scalar(x.Trim())).Where(x => x.Length > 0));
        return value is "~" or "null" or "Null" or "NULL" ? "" : value;
    }

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?![\d])")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{4})(?!\d)")]
    private static partial Regex YearLast();

    [GeneratedRegex(@"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[a-z]{3,9})\.?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(?<mon>[a-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// The calendar date a front-matter date states: ISO ("2027-03-11", with or without a time), "2027/03/11",
    /// "11 March 2027", "March 11, 2027", "Thu, 11 Mar 2027", or "11/03/2027" when only one reading is a date
    /// (a day above 12). <paramref name="ambiguous"/> is set for a numeric date that reads both ways.
    /// </summary>
    public static DateOnly? ParseDate(string? value, out bool ambiguous)
    {
        ambiguous = false;
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (YearFirst().Match(v) is { Success: true } iso) return Make(Int(iso.Groups["y"].Value), Int(iso.Groups["m"].Value), Int(iso.Groups["d"].Value));
        if (DayMonthYear().Match(v) is { Success: true } dmy && MonthNumber(dmy.Groups["mon"].Value) is { } m1)
            return Make(Int(dmy.Groups["y"].Value), m1, Int(dmy.Groups["d"].Value));
        if (MonthDayYear().Match(v) is { Success: true } mdy && MonthNumber(mdy.Groups["mon"].Value) is { } m2)
            return Make(Int(mdy.Groups["y"].Value), m2, Int(mdy.Groups["d"].Value));
        if (YearLast().Match(v) is { Success: true } num)
        {
            int a = Int(num.Groups["a"].Value), b = Int(num.Groups["b"].Value);
            if (a <= 12 && b <= 12 && a != b) { ambiguous = true; return null; }
            var (day, month) = a > 12 ? (a, b) : (b, a);
            return Make(Int(num.Groups["y"].Value), month, day);
        }
        return null;
    }

    private static int? MonthNumber(string name)
    {
        var n = name.ToLowerInvariant();
        for (int i = 0; i < Months.Length; i++)
        {
            if (!n.StartsWith(Months[i], StringComparison.Ordinal)) continue;
            var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[i].ToLowerInvariant();
            if (n.Length == 3 || full.StartsWith(n, StringComparison.Ordinal) || n == "sept") return i + 1;
        }
        return null;
    }

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ? null : new DateOnly(year, month, day);
}
