using System.Globalization;
using System.Text.RegularExpressions;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>
/// Reads a publication date out of a page's URL or a file's name, where publishers put one:
/// "/2024/06/20/", "/20240620/", "2024-06-20", "story_20240620.html", and a wire-service "AP900815-0044"
/// (yymmdd) when no other reading of the six digits is a valid date. Only full dates count; "/2024/06/" alone is
/// not a day. The date is evidence for the inference, never a stated date.
/// </summary>
public static partial class SourceNameDates
{
    /// <summary>A date found in a name, and the words that say where it came from.</summary>
    public sealed record Found(DateOnly Date, string Evidence);

    // /2024/06/20/ or /2024-06-20/ in a path
    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d\d)[/_.-](?<m>0?[1-9]|1[0-2])[/_.-](?<d>0?[1-9]|[12]\d|3[01])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    // 20240620 standing alone among letters or punctuation
    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)\d\d)(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    // 900815 standing alone: six digits that may be yymmdd
    [GeneratedRegex(@"(?<![0-9])(?<six>\d{6})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Six();

    /// <summary>The date a URL or file name carries, or null. The URL is tried first (its path, then its query), then the file's name.</summary>
    public static Found? Find(string? url, string? file)
    {
        if (!string.IsNullOrEmpty(url) && FromText(UrlPath(url), allowSixDigits: false) is { } u)
            return u with { Evidence = $"the page's address carries {u.Evidence}" };
        if (!string.IsNullOrEmpty(file) && FromText(FileName(file), allowSixDigits: true) is { } f)
            return f with { Evidence = $"the file name carries {f.Evidence}" };
        return null;
    }

    private static string UrlPath(string url)
    {
        // the host may hold digits ("news24.com") that are no date
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri)) return uri.AbsolutePath + uri.Query;
        return url;
    }

    private static string FileName(string file)
    {
        var name = file;
        int hash = name.IndexOf('#');
        if (hash >= 0) name = name[..hash];
        name = name.Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        return slash >= 0 ? name[(slash + 1)..] : name;
    }

    /// <summary>The one full date a name carries; null when it carries none or several different ones.</summary>
    public static Found? FromText(string name, bool allowSixDigits)
    {
        var found = new List<Found>();
        foreach (Match m in Separated().Matches(name))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) found.Add(new(d, $"'{m.Value}'"));
        foreach (Match m in Compact().Matches(name))
            if (Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d) found.Add(new(d, $"'{m.Value}'"));
        if (found.Count == 0 && allowSixDigits)
            foreach (Match m in Six().Matches(name))
                if (SixDigits(m.Value) is { } d) found.Add(new(d, $"'{m.Value}' (yymmdd)"));
        var distinct = found.Select(f => f.Date).Distinct().ToList();
        return distinct.Count == 1 ? found[0] : null;
    }

    /// <summary>yymmdd, only when neither ddmmyy nor mmddyy is also a valid date.</summary>
    private static DateOnly? SixDigits(string six)
    {
        int a = int.Parse(six[..2], CultureInfo.InvariantCulture), b = int.Parse(six[2..4], CultureInfo.InvariantCulture), c = int.Parse(six[4..], CultureInfo.InvariantCulture);
        int Year(int yy) => yy >= 50 ? 1900 + yy : 2000 + yy;
        DateOnly? ymd = Valid(Year(a), b, c);
        DateOnly? dmy = Valid(Year(c), b, a);
        DateOnly? mdy = Valid(Year(c), a, b);
        return ymd is not null && dmy is null && mdy is null ? ymd : null;
    }

    private static DateOnly? Make(string y, string m, string d) =>
        Valid(int.Parse(y, CultureInfo.InvariantCulture), int.Parse(m, CultureInfo.InvariantCulture), int.Parse(d, CultureInfo.InvariantCulture));

    private static DateOnly? Valid(int y, int m, int d) =>
        y is >= 1900 and <= 2099 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
