using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Ingest;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds (System.ServiceModel.Syndication): each item becomes one record, with the feed's title as
/// the outlet, the item's link, title, author and date, and its full content (or else its summary) as the text; HTML
/// content goes through the article extractor, or, for a short fragment the extractor finds no article in, is read as
/// its text. DTDs and external entities are refused, so a feed cannot reach outside the file.
/// </summary>
public static class FeedReader
{
    public static void Read(string file, string xml, SourceInfo source, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        SyndicationFeed feed;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException)
        {
            diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"not an RSS or Atom feed ({FirstLine(e.Message)})"));
            return;
        }
        var outlet = Clean(feed.Title?.Text);
        int index = 0, before = output.Count;
        foreach (var item in feed.Items)
        {
            var where = $"item {index + 1}: ";
            var (text, html) = Body(item);
            var record = new ArticleRecord
            {
                Url = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString() ?? item.Id,
                Outlet = outlet,
                Title = Clean(item.Title?.Text),
                Author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)),
                Published = (item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : (DateTimeOffset?)null)?.ToString("yyyy-MM-dd"),
                Text = text,
                Html = html,
            };
            if (html is not null && text is null && !ExtractorFindsText(html)) record = record with { Html = null, Text = FragmentText(html) };
            ArticleReader.AddRecord(file, record, index, where, source with { Format = "feed" }, output, diagnostics);
            index++;
        }
        if (index == 0) diagnostics.Add(new InputDiagnostic(file, Severity.Warning, "the feed has no items"));
        else if (output.Count == before) diagnostics.Add(new InputDiagnostic(file, Severity.Warning, "no item of the feed holds any text"));
    }

    /// <summary>The item's full content when it has one, else its summary; (text, null) for plain text, (null, html) for markup.</summary>
    private static (string? Text, string? Html) Body(SyndicationItem item)
    {
        string? encoded = null;
        foreach (var ext in item.ElementExtensions)
            if (ext.OuterName == "encoded" && ext.OuterNamespace == "http://purl.org/rss/1.0/modules/content/")
                encoded = ext.GetObject<string>();
        if (!string.IsNullOrWhiteSpace(encoded)) return (null, encoded);
        var content = item.Content as TextSyndicationContent ?? item.Summary;
        if (content is null || string.IsNullOrWhiteSpace(content.Text)) return (null, null);
        return content.Type is "html" or "xhtml" || LooksLikeMarkup(content.Text) ? (null, content.Text) : (content.Text, null);
    }

    private static bool LooksLikeMarkup(string s) => s.Contains("</p>", StringComparison.OrdinalIgnoreCase) || s.Contains("<br", StringComparison.OrdinalIgnoreCase);

    private static bool ExtractorFindsText(string html)
    {
        try { return !string.IsNullOrWhiteSpace(Html.HtmlArticleExtractor.Extract(html, null).Text); }
        catch (Html.HtmlExtractionException) { return false; }
    }

    /// <summary>The text of a short HTML fragment, one line per block.</summary>
    private static string FragmentText(string html)
    {
        using var doc = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
        var blocks = doc.Body!.QuerySelectorAll("p, li, h1, h2, h3, blockquote").Select(e => Clean(e.TextContent)).Where(t => t.Length > 0).ToList();
        return blocks.Count > 0 ? string.Join("\n\n", blocks) : Clean(doc.Body.TextContent);
    }

    private static string Clean(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
