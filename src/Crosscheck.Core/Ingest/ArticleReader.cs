using System.Collections.Immutable;
using System.Text.Json;
using Crosscheck.Core.Ingest.Html;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Ingest;

public sealed record IngestResult(ImmutableArray<Document> Documents, ImmutableArray<InputDiagnostic> Diagnostics);

/// <summary>
/// Stage entry point: turns paths (files or folders) into documents, and bad inputs into diagnostics.
/// .txt/.md are read as text (a YAML front matter at the top gives the metadata); .html/.htm through <see cref="HtmlArticleExtractor"/>; .json holds one record or an
/// array of records, .jsonl one record per line. Every problem becomes one <see cref="InputDiagnostic"/> naming
/// the file; the other inputs are still read. Documents are numbered "s1", "s2", ... in input order.
/// </summary>
public sealed class ArticleReader(IngestOptions options)
{
    public IngestOptions Options { get; } = options;

    public ArticleReader() : this(new IngestOptions()) { }

    public IngestResult Read(IEnumerable<string> paths)
    {
        var diagnostics = new List<InputDiagnostic>();
        var drafts = new List<Document>();
        foreach (var file in InputFiles.Expand(paths, Options, diagnostics))
        {
            try { ReadFile(file, drafts, diagnostics); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"cannot read the file ({e.Message})"));
            }
        }
        var documents = drafts.Select((d, i) => d with { Id = $"s{i + 1}" }).ToImmutableArray();
        return new IngestResult(documents, [.. diagnostics]);
    }

    private void ReadFile(string file, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        if (WebPages.IsUrl(file)) { ReadUrl(file, output, diagnostics); return; }
        var info = new FileInfo(file);
        if (info.Length > Options.MaxFileBytes)
        {
            diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"file too large ({info.Length:N0} bytes; the limit is {Options.MaxFileBytes:N0})"));
            return;
        }
        var bytes = File.ReadAllBytes(file);
        if (bytes.Length == 0) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, "empty file")); return; }

        var ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext == ".gz")
        {
            // "page.html.gz": read as the file inside, within the same size limit (a small archive may hold a huge file)
            if (Gunzip(bytes, Options.MaxFileBytes) is not { } inner)
            {
                diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"not a valid gzip file, or its content is over the limit of {Options.MaxFileBytes:N0} bytes"));
                return;
            }
            if (inner.Length == 0) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, "empty file inside the gzip archive")); return; }
            bytes = inner;
            ext = Path.GetExtension(Path.GetFileNameWithoutExtension(file)).ToLowerInvariant();
        }
        if (ext is ".html" or ".htm") { ReadHtml(file, bytes, output, diagnostics); return; }

        var decoded = TextDecoder.Decode(bytes);
        if (TextDecoder.WhyNotText(decoded.Text) is { } why) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, why)); return; }
        if (string.IsNullOrWhiteSpace(decoded.Text)) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, "empty file (only whitespace)")); return; }
        if (decoded.Fallback) diagnostics.Add(new InputDiagnostic(file, Severity.Warning, $"not valid UTF-8; read as {Capitalised(decoded.Encoding)}"));

        var source = new SourceInfo { File = file, Encoding = decoded.Encoding, EncodingFallback = decoded.Fallback };
        switch (ext)
        {
            case ".json": ReadJson(file, decoded.Text, source, output, diagnostics); break;
            case ".jsonl": ReadJsonLines(file, decoded.Text, source, output, diagnostics); break;
            case ".rss" or ".atom" or ".xml": FeedReader.Read(file, decoded.Text, source, output, diagnostics); break;
            default: output.Add(FromText(file, source, decoded.Text, diagnostics)); break;
        }
    }

    /// <summary>The content of a gzip archive, or null when it is not one or holds more than <paramref name="limit"/> bytes.</summary>
    internal static byte[]? Gunzip(byte[] bytes, long limit)
    {
        try
        {
            using var gz = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > limit) return null;
                output.Write(buffer, 0, n);
            }
            return output.ToArray();
        }
        catch (InvalidDataException) { return null; }
    }

    /// <summary>A live page: fetched within the size and time limits, then read by its Content-Type like a file.</summary>
    private void ReadUrl(string url, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        var page = WebPages.Fetch(url, Options.MaxFileBytes, Options.FetchTimeout);
        if (page.Error is { } error) { diagnostics.Add(new InputDiagnostic(url, Severity.Error, error)); return; }
        var bytes = page.Body!;
        if (bytes.Length == 0) { diagnostics.Add(new InputDiagnostic(url, Severity.Error, "empty page")); return; }
        var media = page.MediaType ?? "";
        if (media is "text/plain" or "text/markdown")
        {
            var decoded = TextDecoder.Decode(bytes);
            if (TextDecoder.WhyNotText(decoded.Text) is { } why) { diagnostics.Add(new InputDiagnostic(url, Severity.Error, why)); return; }
            output.Add(FromText(url, new SourceInfo { File = url, Url = url, Encoding = decoded.Encoding, EncodingFallback = decoded.Fallback }, decoded.Text, diagnostics));
            return;
        }
        if (media.Contains("rss", StringComparison.Ordinal) || media.Contains("atom", StringComparison.Ordinal) || media is "text/xml" or "application/xml")
        {
            var feedText = TextDecoder.Decode(bytes);
            FeedReader.Read(url, feedText.Text, new SourceInfo { File = url, Url = url, Encoding = feedText.Encoding }, output, diagnostics);
            return;
        }
        if (media.EndsWith("json", StringComparison.Ordinal))
        {
            diagnostics.Add(new InputDiagnostic(url, Severity.Error, $"a {media} answer is not an article page (save it as a .json file to read its records)"));
            return;
        }
        if (media.Length > 0 && !media.Contains("html", StringComparison.Ordinal))
        {
            diagnostics.Add(new InputDiagnostic(url, Severity.Error, $"not a web page ({media})"));
            return;
        }
        HtmlArticle article;
        try { article = HtmlArticleExtractor.ExtractFromBytes(bytes, page.FinalUrl ?? url, page.ContentType, null); }
        catch (HtmlExtractionException e) { diagnostics.Add(new InputDiagnostic(url, Severity.Error, e.Message)); return; }
        if (string.IsNullOrWhiteSpace(article.Text)) { diagnostics.Add(new InputDiagnostic(url, Severity.Error, "no article text found in the page")); return; }
        var source = new SourceInfo { File = url, Encoding = article.Encoding ?? "utf-8", EncodingFallback = article.EncodingFallback };
        var doc = FromHtml(source, article, null);
        output.Add(doc.Source.Url is null ? doc with { Source = doc.Source with { Url = page.FinalUrl ?? url } } : doc);
    }

    private static void ReadHtml(string file, byte[] bytes, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0 && !(bytes.Length > 1 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)))
        {
            diagnostics.Add(new InputDiagnostic(file, Severity.Error, "binary file (contains NUL bytes)"));
            return;
        }
        HtmlArticle article;
        try { article = HtmlArticleExtractor.ExtractFromBytes(bytes, null); }
        catch (HtmlExtractionException e) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, e.Message)); return; }
        catch (Exception e) when (e is not OutOfMemoryException) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"cannot extract the page ({e.Message})")); return; }
        if (string.IsNullOrWhiteSpace(article.Text)) { diagnostics.Add(new InputDiagnostic(file, Severity.Error, "no article text found in the page")); return; }
        output.Add(FromHtml(new SourceInfo { File = file, Encoding = article.Encoding ?? "utf-8" }, article, null));
    }

    /// <summary>
    /// A text or Markdown file: read as is; a YAML front matter at its start states the metadata (title, outlet,
    /// author, date, URL, language) as an HTML page's meta tags or a JSON record's fields do. The block stays in the
    /// text (the cleaner removes its lines as clutter), so every offset still indexes the file as read.
    /// </summary>
    internal static Document FromText(string file, SourceInfo source, string text, List<InputDiagnostic> diagnostics)
    {
        if (FrontMatter.Find(text) is not { } front) return NewDocument(source, text);
        var record = front.ToRecord();
        var published = FrontMatter.ParseDate(record.Published, out bool ambiguous);
        if (record.Published is { Length: > 0 } && published is null)
            diagnostics.Add(new InputDiagnostic(file, Severity.Warning, ambiguous
                ? $"front matter date '{record.Published}' reads as two dates (day and month); ignored"
                : $"front matter date '{record.Published}' is not a date; ignored"));
        return NewDocument(source with
        {
            StatedTitle = record.Title ?? source.StatedTitle,
            Outlet = record.Outlet ?? source.Outlet,
            Author = record.Author ?? source.Author,
            Url = record.Url ?? source.Url,
            Language = record.Language ?? source.Language,
            StatedPublished = published ?? source.StatedPublished,
        }, text);
    }

    internal static Document FromHtml(SourceInfo source, HtmlArticle article, ArticleRecord? record)
    {
        var s = source with
        {
            Format = "html",
            StatedTitle = record?.Title ?? article.Title,
            Outlet = record?.Outlet ?? article.Outlet,
            Author = record?.Author ?? article.Author,
            Url = record?.Url ?? article.CanonicalUrl,
            Language = record?.Language ?? article.Language,
            StatedPublished = ArticleRecord.ParseDate(record?.Published) ?? article.Published,
        };
        return NewDocument(s, article.Text);
    }

    private static void ReadJson(string file, string json, SourceInfo source, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"not valid JSON (line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)})"));
            return;
        }
        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind == JsonValueKind.Object) AddRecord(file, root, 0, "", source, output, diagnostics);
            else if (root.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object) AddRecord(file, item, index, $"record {index}: ", source, output, diagnostics);
                    else diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"record {index}: not a JSON object"));
                    index++;
                }
                if (index == 0) diagnostics.Add(new InputDiagnostic(file, Severity.Error, "the JSON array holds no records"));
            }
            else diagnostics.Add(new InputDiagnostic(file, Severity.Error, "JSON must be an object or an array of objects"));
        }
    }

    private static void ReadJsonLines(string file, string text, SourceInfo source, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        int lineNumber = 0, record = 0, pos = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            lineNumber++;
            var line = text.AsSpan(pos, end - pos).Trim();
            if (line.Length > 0)
            {
                try
                {
                    using var parsed = JsonDocument.Parse(line.ToString());
                    if (parsed.RootElement.ValueKind == JsonValueKind.Object)
                        AddRecord(file, parsed.RootElement, record, $"line {lineNumber}: ", source, output, diagnostics);
                    else diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"line {lineNumber}: not a JSON object"));
                }
                catch (JsonException e)
                {
                    diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"line {lineNumber}: not valid JSON ({FirstSentence(e.Message)})"));
                }
                record++;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (record == 0) diagnostics.Add(new InputDiagnostic(file, Severity.Error, "no records (the file holds only blank lines)"));
    }

    private static void AddRecord(string file, JsonElement element, int index, string where, SourceInfo source, List<Document> output, List<InputDiagnostic> diagnostics) =>
        AddRecord(file, ArticleRecord.FromJson(element), index, where, source with { Format = "json" }, output, diagnostics);

    /// <summary>One record (a JSON object or a feed item): its text is read as is, its html through the extractor.</summary>
    internal static void AddRecord(string file, ArticleRecord record, int index, string where, SourceInfo source, List<Document> output, List<InputDiagnostic> diagnostics)
    {
        DateOnly? published = ArticleRecord.ParseDate(record.Published);
        if (record.Published is { Length: > 0 } && published is null)
            diagnostics.Add(new InputDiagnostic(file, Severity.Warning, $"{where}publication date '{record.Published}' is not an ISO date; ignored"));
        var s = source with { Record = index };

        if (!string.IsNullOrWhiteSpace(record.Text))
        {
            output.Add(NewDocument(s with
            {
                Url = record.Url, Outlet = record.Outlet, Author = record.Author, Language = record.Language,
                StatedTitle = record.Title, StatedPublished = published,
            }, record.Text));
            return;
        }
        if (!string.IsNullOrWhiteSpace(record.Html))
        {
            try
            {
                var article = HtmlArticleExtractor.Extract(record.Html, record.Url);
                if (string.IsNullOrWhiteSpace(article.Text)) diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"{where}no article text found in the record's html"));
                else output.Add(FromHtml(s, article, record with { Published = published is null ? null : record.Published }));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"{where}cannot extract the record's html ({e.Message})"));
            }
            return;
        }
        diagnostics.Add(new InputDiagnostic(file, Severity.Error, $"{where}record has no \"text\" or \"html\""));
    }

    internal static Document NewDocument(SourceInfo source, string text) => new()
    {
        Id = "", Source = source, Text = text,
        Published = source.StatedPublished is { } date ? new PublicationDate(date, Inferred: false) { Evidence = ["stated by metadata"] } : null,
    };

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }

    private static string Capitalised(string encoding) => encoding.StartsWith("windows", StringComparison.Ordinal) ? "W" + encoding[1..] : encoding.ToUpperInvariant();
}
