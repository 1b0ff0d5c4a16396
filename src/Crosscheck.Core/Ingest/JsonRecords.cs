using System.Globalization;
using System.Text.Json;

namespace Crosscheck.Core.Ingest;

/// <summary>One article record of a .json/.jsonl file: <c>{url?, outlet?, title?, author?, published?, text | html}</c>.</summary>
public sealed record ArticleRecord
{
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Published { get; init; }
    public string? Language { get; init; }
    public string? Text { get; init; }
    public string? Html { get; init; }

    /// <summary>Reads the known fields of an object; other fields are ignored, non-string values are read as absent.</summary>
    public static ArticleRecord FromJson(JsonElement e) => new()
    {
        Url = Str(e, "url", "link"),
        Outlet = Str(e, "outlet", "source", "site", "publisher"),
        Title = Str(e, "title", "headline"),
        Author = Str(e, "author", "byline"),
        Published = Str(e, "published", "date", "published_at", "publishedAt", "datePublished"),
        Language = Str(e, "language", "lang"),
        Text = Str(e, "text", "body", "content"),
        Html = Str(e, "html"),
    };

    private static string? Str(JsonElement e, params string[] names)
    {
        foreach (var name in names)
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        return null;
    }

    /// <summary>Parses an ISO 8601 date or date-time; the calendar date as written (no time-zone shift).</summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) && v.Length >= 10 && char.IsDigit(v[0]))
            return DateOnly.FromDateTime(dto.DateTime);
        return null;
    }
}
