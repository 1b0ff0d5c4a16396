namespace Crosscheck.Core.Ingest.Html;

/// <summary>
/// The main text of a web page and its metadata. <see cref="Text"/> becomes the document's text as read:
/// blocks (headline, paragraphs, headings, list items, quotes, table rows) separated by blank lines, whitespace
/// inside a block collapsed to single spaces. When the page has a headline it is the first block and
/// <see cref="BodyStart"/> is the offset where the body after it begins.
/// </summary>
public sealed record HtmlArticle(string Text)
{
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    /// <summary>The authors joined with ", " (see <see cref="Authors"/>).</summary>
    public string? Author { get; init; }
    public DateOnly? Published { get; init; }
    public DateOnly? Modified { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Language { get; init; }
    /// <summary>The character encoding the bytes were decoded with (when extracted from bytes).</summary>
    public string? Encoding { get; init; }

    /// <summary>True when no BOM, header or meta tag named the encoding and it was guessed (UTF-8, else Windows-1252).</summary>
    public bool EncodingFallback { get; init; }
    /// <summary>Each author named by the page, in page order, without duplicates.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>UTF-16 offset in <see cref="Text"/> where the body starts (0 when the text has no headline block).</summary>
    public int BodyStart { get; init; }
    /// <summary>The body without the headline block: <see cref="Text"/> from <see cref="BodyStart"/>.</summary>
    public string Body => Text[BodyStart..];
    /// <summary>How the main text was chosen: "dom" (scored container) or "json-ld" (the page's articleBody).</summary>
    public string Method { get; init; } = "dom";
}

/// <summary>A page that cannot be read (too large, not HTML, nothing extractable): the message names the problem.</summary>
public sealed class HtmlExtractionException(string message) : Exception(message);
