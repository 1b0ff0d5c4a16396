using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Crosscheck.Core.Ingest.Html;

/// <summary>What a page says about itself: meta tags, JSON-LD, &lt;time&gt;, the URL path.</summary>
public sealed record HtmlMetadata
{
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? Published { get; init; }
    public DateOnly? Modified { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Language { get; init; }
    /// <summary>The JSON-LD articleBody, when the page gives one.</summary>
    public string? JsonLdBody { get; init; }
}

/// <summary>Reads <see cref="HtmlMetadata"/> from a parsed page. Meta tags win over JSON-LD, which wins over &lt;time&gt; and the URL.</summary>
public static partial class HtmlMetadataReader
{
    public static HtmlMetadata Read(IDocument doc, string? url)
    {
        var meta = MetaValues(doc);
        var ld = JsonLdArticle(doc);

        string? Meta(params string[] keys)
        {
            foreach (var k in keys)
                if (meta.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v)) return Clean(v);
            return null;
        }

        var canonical = doc.QuerySelector("link[rel~=canonical]")?.GetAttribute("href") is { } href && href.Length > 0 ? href : Meta("og:url");
        canonical = Absolute(canonical, url) ?? url;

        var title = Meta("og:title", "twitter:title") ?? ld.Headline ?? FirstHeading(doc) ?? TrimSiteSuffix(Clean(doc.Title ?? ""));
        var outlet = Meta("og:site_name", "application-name", "al:android:app_name", "twitter:site")?.TrimStart('@') ?? ld.Publisher ?? Host(canonical ?? url);

        var authors = new List<string>();
        void AddAuthor(string? a)
        {
            if (string.IsNullOrWhiteSpace(a)) return;
            a = ByPrefix().Replace(Clean(a), "");
            if (a.Length == 0 || a.Length > 80 || a.StartsWith("http", StringComparison.OrdinalIgnoreCase) || a.Contains('@')) return;
            foreach (var listed in ListSeparators().Split(a))
            {
                // "Ann Lee and Bo Park" names two people; "Staff and agencies" names one credit.
                var joined = AndSeparator().Split(listed);
                var parts = joined.Length > 1 && joined.All(j => j.Trim().Length > 0 && char.IsUpper(j.Trim()[0])) ? joined : [listed];
                foreach (var part in parts)
                {
                    var p = part.Trim(' ', ',', '.');
                    if (p.Length > 1 && !authors.Contains(p, StringComparer.OrdinalIgnoreCase)) authors.Add(p);
                }
            }
        }
        foreach (var a in ld.Authors) AddAuthor(a);
        if (authors.Count == 0)
            foreach (var k in new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "byline" })
                if (meta.TryGetValue(k, out var v)) AddAuthor(v);
        if (authors.Count == 0)
            foreach (var e in doc.QuerySelectorAll("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]").Take(5))
                AddAuthor(e.TextContent);

        var published = ParseDate(Meta("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "publish-date",
                            "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date", "dcterms.created"))
                        ?? ParseDate(ld.Published)
                        ?? ParseDate(doc.QuerySelector("[itemprop=datePublished]") is { } ip ? ip.GetAttribute("content") ?? ip.GetAttribute("datetime") : null)
                        ?? ParseDate(doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
                        ?? DateFromUrl(canonical) ?? DateFromUrl(url);
        var modified = ParseDate(Meta("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"))
                       ?? ParseDate(ld.Modified);

        var lang = doc.DocumentElement.GetAttribute("lang") ?? Meta("content-language", "og:locale", "language", "dc.language") ?? ld.Language;
        lang = string.IsNullOrWhiteSpace(lang) ? null : lang.Trim().Replace('_', '-');

        return new HtmlMetadata
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            Outlet = string.IsNullOrWhiteSpace(outlet) ? null : Clean(outlet),
            Authors = authors,
            Published = published,
            Modified = modified,
            CanonicalUrl = canonical,
            Language = lang,
            JsonLdBody = ld.Body,
        };
    }

    /// <summary>Meta tag values keyed by lower-case name/property/itemprop/http-equiv; the first occurrence wins.</summary>
    private static Dictionary<string, string> MetaValues(IDocument doc)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var content = m.GetAttribute("content");
            if (content is null) continue;
            foreach (var attr in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var key = m.GetAttribute(attr);
                if (!string.IsNullOrEmpty(key)) d.TryAdd(key.Trim().ToLowerInvariant(), content);
            }
        }
        return d;
    }

    private sealed record LdArticle(string? Headline, List<string> Authors, string? Publisher, string? Published, string? Modified, string? Body, string? Language);

    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "Report", "WebPage", "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "BackgroundNewsArticle"];

    private static LdArticle JsonLdArticle(IDocument doc)
    {
        JsonElement? best = null;
        int bestRank = int.MaxValue;
        var docs = new List<JsonDocument>();
        try
        {
            foreach (var s in doc.QuerySelectorAll("script[type='application/ld+json']"))
            {
                JsonDocument jd;
                try { jd = JsonDocument.Parse(s.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 }); }
                catch (JsonException) { continue; }
                docs.Add(jd);
                foreach (var node in Nodes(jd.RootElement, 0))
                {
                    int rank = TypeRank(node);
                    if (rank < bestRank) { bestRank = rank; best = node; }
                }
            }
            if (best is not { } a) return new LdArticle(null, [], null, null, null, null, null);
            var authors = new List<string>();
            if (a.TryGetProperty("author", out var au)) CollectNames(au, authors);
            string? publisher = null;
            if (a.TryGetProperty("publisher", out var pub))
            {
                var names = new List<string>();
                CollectNames(pub, names);
                publisher = names.FirstOrDefault();
            }
            return new LdArticle(Str(a, "headline") ?? Str(a, "name"), authors, publisher, Str(a, "datePublished") ?? Str(a, "dateCreated"),
                Str(a, "dateModified"), Str(a, "articleBody") ?? Str(a, "text"), Str(a, "inLanguage"));
        }
        finally { foreach (var d in docs) d.Dispose(); }
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement e, int depth)
    {
        if (depth > 4) yield break;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
                foreach (var n in Nodes(x, depth + 1)) yield return n;
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            if (e.TryGetProperty("@graph", out var g))
                foreach (var n in Nodes(g, depth + 1)) yield return n;
            if (e.TryGetProperty("mainEntity", out var me))
                foreach (var n in Nodes(me, depth + 1)) yield return n;
        }
    }

    private static int TypeRank(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t)) return int.MaxValue;
        var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.ToString()).ToList() : [t.ToString()];
        int rank = int.MaxValue;
        foreach (var ty in types)
        {
            int i = Array.IndexOf(ArticleTypes, ty);
            if (i >= 0) rank = Math.Min(rank, ty == "WebPage" ? 100 : i);
        }
        return rank;
    }

    private static void CollectNames(JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: into.Add(e.GetString()!); break;
            case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) CollectNames(x, into); break;
            case JsonValueKind.Object:
                if (Str(e, "name") is { } n) into.Add(n);
                break;
        }
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString() is { Length: > 0 } s ? s : null;
        if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String) return v[0].GetString();
        return null;
    }

    private static string? FirstHeading(IDocument doc) =>
        doc.QuerySelector("h1") is { } h && Clean(h.TextContent) is { Length: > 0 } t ? t : null;

    /// <summary>The calendar date a date string states (its own local date, not converted).</summary>
    public static DateOnly? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        var m = IsoDate().Match(s);
        if (m.Success && DateOnly.TryParseExact(m.Groups[1].Value + "-" + m.Groups[2].Value + "-" + m.Groups[3].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto)) return DateOnly.FromDateTime(dto.DateTime);
        return null;
    }

    /// <summary>A date in a URL path: /2019/11/19/, /2019-11-19/, /20191119/.</summary>
    public static DateOnly? DateFromUrl(string? url)
    {
        if (url is null) return null;
        var m = UrlDate().Match(url);
        if (!m.Success) return null;
        int y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), da = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || da < 1 || da > DateTime.DaysInMonth(y, mo)) return null;
        return new DateOnly(y, mo, da);
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == "http" || abs.Scheme == "https")) return abs.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var r)) return r.ToString();
        return null;
    }

    private static string? Host(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0
            ? (u.Host.StartsWith("www.", StringComparison.Ordinal) ? u.Host[4..] : u.Host) : null;

    private static string TrimSiteSuffix(string title)
    {
        var m = TitleSuffix().Match(title);
        return m.Success && m.Groups[1].Value.Length >= 15 ? m.Groups[1].Value : title;
    }

    internal static string Clean(string s) => Whitespace().Replace(System.Net.WebUtility.HtmlDecode(s), " ").Trim();

    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})")] private static partial Regex IsoDate();
    [GeneratedRegex(@"/((?:19|20)\d{2})[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)")] private static partial Regex UrlDate();
    [GeneratedRegex(@"^(.*?)\s+[|\-–—:·]\s+[^|\-–—]{2,40}$")] private static partial Regex TitleSuffix();
    [GeneratedRegex(@"^(?:by|von|par|por|di)\s+", RegexOptions.IgnoreCase)] private static partial Regex ByPrefix();
    [GeneratedRegex(@"\s*(?:,|;|\|)\s*")] private static partial Regex ListSeparators();
    [GeneratedRegex(@"\s+(?:and|&)\s+", RegexOptions.IgnoreCase)] private static partial Regex AndSeparator();
}
