using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Crosscheck.Core.Ingest.Html;

/// <summary>
/// Entry point for reading web pages: main text (blocks separated by blank lines, the headline first when the
/// page has an h1) and metadata (title, authors, outlet, dates, canonical URL, language).
/// </summary>
public static class HtmlArticleExtractor
{
    /// <summary>Decodes the bytes (BOM, HTTP-equiv/meta charset, else UTF-8 with Windows-1252 fallback) and extracts.</summary>
    public static HtmlArticle ExtractFromBytes(byte[] bytes, string? url = null) => ExtractFromBytes(bytes, url, null, null);

    /// <summary>As <see cref="ExtractFromBytes(byte[], string?)"/>, with the HTTP Content-Type header (its charset wins over meta tags) and limits.</summary>
    public static HtmlArticle ExtractFromBytes(byte[] bytes, string? url, string? contentType, HtmlExtractionOptions? options)
    {
        options ??= HtmlExtractionOptions.Default;
        if (bytes.Length > options.MaxBytes)
            throw new HtmlExtractionException($"page too large: {bytes.Length:N0} bytes, the limit is {options.MaxBytes:N0}");
        var (text, encoding, fallback) = HtmlDecoder.Decode(bytes, contentType);
        return Extract(text, url, options) with { Encoding = encoding, EncodingFallback = fallback };
    }

    public static HtmlArticle Extract(string html, string? url = null) => Extract(html, url, null);

    /// <summary>Extracts from decoded HTML within the given limits; throws <see cref="HtmlExtractionException"/> naming the problem.</summary>
    public static HtmlArticle Extract(string html, string? url, HtmlExtractionOptions? options)
    {
        options ??= HtmlExtractionOptions.Default;
        if (html.Length > options.MaxBytes)
            throw new HtmlExtractionException($"page too large: {html.Length:N0} characters, the limit is {options.MaxBytes:N0}");
        if (LooksBinary(html)) throw new HtmlExtractionException("not HTML: the content looks binary");

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument(html);
        int elements = doc.All.Length;
        if (elements > options.MaxElements)
            throw new HtmlExtractionException($"page too complex: {elements:N0} elements, the limit is {options.MaxElements:N0}");

        var meta = HtmlMetadataReader.Read(doc, url);
        var body = doc.Body ?? doc.DocumentElement;
        var headline = Headline(body, meta.Title);

        var blocks = new MainContentFinder(options).Find(body);
        var method = "dom";
        var bodyTexts = blocks.Select(b => b.Text).Where(t => headline is null || !string.Equals(t, headline, StringComparison.Ordinal)).ToList();

        if (meta.JsonLdBody is { } ld && JsonLdParagraphs(ld) is { Count: > 0 } ldParas)
        {
            // The page's own articleBody is a strong hint, checked against the DOM: use it when the DOM
            // extraction misses most of it (wrong container) but keep the DOM text when it covers it.
            var ldText = string.Join("\n\n", ldParas);
            var ldTokens = ExtractionScorer.Tokenize(ldText).Count;
            if (ldTokens >= 40)
            {
                var m = ExtractionScorer.Match(ldText, string.Join("\n\n", bodyTexts));
                double recall = m.Tp + m.Fn > 0 ? m.Tp / (m.Tp + m.Fn) : 0;
                if (recall < 0.5) { bodyTexts = ldParas; method = "json-ld"; }
            }
        }

        var sb = new StringBuilder();
        int bodyStart = 0;
        if (headline is not null)
        {
            sb.Append(headline);
            if (bodyTexts.Count > 0) sb.Append("\n\n");
            bodyStart = sb.Length;
        }
        sb.AppendJoin("\n\n", bodyTexts);
        if (bodyTexts.Count == 0)
            throw new HtmlExtractionException("no main text found in the page");

        return new HtmlArticle(sb.ToString())
        {
            Title = meta.Title ?? headline,
            Outlet = meta.Outlet,
            Authors = meta.Authors,
            Author = meta.Authors.Count > 0 ? string.Join(", ", meta.Authors) : null,
            Published = meta.Published,
            Modified = meta.Modified,
            CanonicalUrl = meta.CanonicalUrl,
            Language = meta.Language,
            BodyStart = bodyStart,
            Method = method,
        };
    }

    /// <summary>The page's h1 that names the article: the one closest to the stated title, else the first.</summary>
    private static string? Headline(IElement body, string? title)
    {
        string? first = null;
        foreach (var h in body.QuerySelectorAll("h1").Take(8))
        {
            var t = HtmlMetadataReader.Clean(h.TextContent);
            if (t.Length is 0 or > 300) continue;
            first ??= t;
            if (title is not null && (title.Contains(t, StringComparison.OrdinalIgnoreCase) || t.Contains(title, StringComparison.OrdinalIgnoreCase))) return t;
        }
        return first;
    }

    private static List<string> JsonLdParagraphs(string body)
    {
        if (body.Contains('<') && body.Contains('>'))
        {
            var frag = new HtmlParser().ParseDocument("<html><body>" + body + "</body></html>");
            var blocks = new MainContentFinder(HtmlExtractionOptions.Default).EmitAll(frag.Body!);
            return blocks.Select(b => b.Text).ToList();
        }
        return body.Split('\n').Select(HtmlMetadataReader.Clean).Where(p => p.Length > 0).ToList();
    }

    private static bool LooksBinary(string s)
    {
        int n = Math.Min(s.Length, 2048), bad = 0;
        for (int i = 0; i < n; i++) if (s[i] == '\0') bad++;
        return bad > 8;
    }
}
