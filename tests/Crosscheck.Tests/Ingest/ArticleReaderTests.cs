using System.Text;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Ingest;

public class ArticleReaderTests
{
    private static IngestResult Read(params string[] paths) => new ArticleReader(new IngestOptions()).Read(paths);

    [Fact]
    public void Reads_a_folder_recursively_in_ordinal_order_with_stable_ids()
    {
        using var tmp = new TempFolder();
        tmp.Write("b.txt", "Second file.");
        tmp.Write("a.md", "# First\n\nFirst file.");
        tmp.Write("sub/c.txt", "Third file.");
        tmp.Write("ignored.csv", "x,y");
        var r = Read(tmp.Path);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["a.md", "b.txt", "c.txt"], r.Documents.Select(d => Path.GetFileName(d.Source.File)));
        Assert.Equal(["s1", "s2", "s3"], r.Documents.Select(d => d.Id));
        Assert.Equal("# First\n\nFirst file.", r.Documents[0].Text);
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }

    [Fact]
    public void Gzipped_files_are_read_as_the_file_inside_and_a_broken_archive_is_named()
    {
        using var tmp = new TempFolder();
        tmp.Write("page.html.gz", Gzip("<html><head><title>Pier closes</title></head><body><article><p>The old pier at Halden closed on Monday after inspectors found cracks in three of its piles, the council said.</p><p>Repairs are expected to take until the summer, officials said on Tuesday.</p></article></body></html>"));
        tmp.Write("note.txt.gz", Gzip("The harbour board met on Friday."));
        tmp.Write("broken.txt.gz", Encoding.UTF8.GetBytes("not gzip at all"));
        tmp.Write("archive.zip.gz", Gzip("ignored: not a known inner type"));
        var r = Read(tmp.Path);
        Assert.Equal(["note.txt.gz", "page.html.gz"], r.Documents.Select(d => Path.GetFileName(d.Source.File)));
        Assert.Equal("The harbour board met on Friday.", r.Documents[0].Text);
        Assert.Contains("The old pier at Halden closed on Monday", r.Documents[1].Text);
        Assert.DoesNotContain("<p>", r.Documents[1].Text);
        var d = Assert.Single(r.Diagnostics);
        Assert.EndsWith("broken.txt.gz", d.File);
        Assert.Contains("gzip", d.Message);
    }

    [Fact]
    public void A_gzip_archive_whose_content_is_over_the_limit_is_refused()
    {
        using var tmp = new TempFolder();
        var f = tmp.Write("big.txt.gz", Gzip(new string('a', 5000) + " end."));
        var r = new ArticleReader(new IngestOptions { MaxFileBytes = 1000 }).Read([f]);
        Assert.Empty(r.Documents);
        Assert.Contains("limit", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void A_path_given_twice_is_read_once()
    {
        using var tmp = new TempFolder();
        var f = tmp.Write("a.txt", "Only once.");
        var r = Read(f, f, tmp.Path);
        Assert.Single(r.Documents);
    }

    [Fact]
    public void Encodings_are_detected_and_the_bom_is_not_part_of_the_text()
    {
        using var tmp = new TempFolder();
        tmp.Write("1.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Bom text.")]);
        tmp.Write("2.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Little “endian”.")]);
        tmp.Write("3.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Big endian.")]);
        tmp.Write("4.txt", [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x2E]); // "München." in Latin-1
        var r = Read(tmp.Path);
        Assert.Equal(["Bom text.", "Little “endian”.", "Big endian.", "München."], r.Documents.Select(d => d.Text));
        Assert.Equal(["utf-8", "utf-16le", "utf-16be", "windows-1252"], r.Documents.Select(d => d.Source.Encoding));
        Assert.True(r.Documents[3].Source.EncodingFallback);
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("4.txt", warning.File);
        Assert.Contains("not valid UTF-8; read as Windows-1252", warning.Message);
    }

    [Fact]
    public void Bad_files_give_one_error_each_and_the_rest_is_read()
    {
        using var tmp = new TempFolder();
        tmp.Write("empty.txt", []);
        tmp.Write("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x12, 0x00]);
        tmp.Write("big.txt", new string('x', 2000));
        tmp.Write("good.txt", "A good article.");
        var reader = new ArticleReader(new IngestOptions { MaxFileBytes = 1000 });
        var r = reader.Read([tmp.Path, Path.Combine(tmp.Path, "missing.txt")]);
        Assert.Equal("A good article.", Assert.Single(r.Documents).Text);
        Assert.Equal(4, r.Diagnostics.Length);
        Assert.All(r.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Contains(r.Diagnostics, d => d.File.EndsWith("empty.txt") && d.Message.Contains("empty"));
        Assert.Contains(r.Diagnostics, d => d.File.EndsWith("binary.txt") && d.Message.Contains("binary"));
        Assert.Contains(r.Diagnostics, d => d.File.EndsWith("big.txt") && d.Message.Contains("too large"));
        Assert.Contains(r.Diagnostics, d => d.File.EndsWith("missing.txt") && d.Message.Contains("no such file"));
    }

    [Fact]
    public void Unreadable_file_is_reported()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return; // permissions do not bind root
        using var tmp = new TempFolder();
        var f = tmp.Write("locked.txt", "secret");
        File.SetUnixFileMode(f, UnixFileMode.None);
        var r = Read(f);
        Assert.Empty(r.Documents);
        Assert.Contains("cannot read", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void Json_lines_with_a_broken_line_name_the_line_and_read_the_others()
    {
        using var tmp = new TempFolder();
        var f = tmp.Write("feed.jsonl",
            "{\"url\":\"https://example.org/a\",\"outlet\":\"Example\",\"title\":\"A\",\"published\":\"2024-06-20T22:15:00+09:00\",\"text\":\"First \\\"quoted\\\" text.\"}\n" +
            "{\"text\": broken\n" +
            "\n" +
            "{\"title\":\"no body\"}\n" +
            "{\"published\":\"next Tuesday\",\"text\":\"Third record.\"}\n");
        var r = Read(f);
        Assert.Equal(["First \"quoted\" text.", "Third record."], r.Documents.Select(d => d.Text));
        var first = r.Documents[0];
        Assert.Equal(0, first.Source.Record);
        Assert.Equal(f, first.Source.File);
        Assert.Equal("Example", first.Source.Outlet);
        Assert.Equal("A", first.Source.StatedTitle);
        Assert.Equal("https://example.org/a", first.Source.Url);
        Assert.Equal(new DateOnly(2024, 6, 20), first.Published!.Date);
        Assert.False(first.Published.Inferred);
        Assert.Contains("stated by metadata", first.Published.Evidence);
        Assert.Equal(3, r.Documents[1].Source.Record);
        Assert.Null(r.Documents[1].Published);
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Error && d.Message.StartsWith("line 2: not valid JSON"));
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Error && d.Message.StartsWith("line 4:") && d.Message.Contains("no \"text\" or \"html\""));
        Assert.Contains(r.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("next Tuesday"));
    }

    [Fact]
    public void Json_file_holds_an_object_or_an_array_of_records()
    {
        using var tmp = new TempFolder();
        var one = tmp.Write("one.json", "{\"title\":\"T\",\"published\":\"2024-06-21\",\"text\":\"Body one.\"}");
        var many = tmp.Write("many.json", "[{\"text\":\"Body two.\"}, {\"html\":\"<html><body><p>Body three.</p></body></html>\"}, 5]");
        var bad = tmp.Write("bad.json", "{\"text\": ");
        var r = Read(one, many, bad);
        Assert.Equal(["Body one.", "Body two.", "Body three."], r.Documents.Select(d => d.Text));
        Assert.Equal(new DateOnly(2024, 6, 21), r.Documents[0].Source.StatedPublished);
        Assert.Equal([0, 0, 1], r.Documents.Select(d => d.Source.Record ?? -1));
        Assert.Equal(["json", "json", "html"], r.Documents.Select(d => d.Source.Format));
        Assert.Contains(r.Diagnostics, d => d.File == many && d.Message.Contains("record 2: not a JSON object"));
        Assert.Contains(r.Diagnostics, d => d.File == bad && d.Message.StartsWith("not valid JSON"));
    }

    [Fact]
    public void Html_files_go_through_the_extractor()
    {
        using var tmp = new TempFolder();
        var f = tmp.Write("page.html", "<html><head><title>Page title</title></head><body><p>The first paragraph.</p><p>The second.</p></body></html>");
        var d = Assert.Single(Read(f).Documents);
        Assert.Equal("html", d.Source.Format);
        Assert.Contains("The first paragraph.", d.Text);
        Assert.Equal("Page title", d.Source.StatedTitle);
    }

    [SharedFact]
    public void Seeds_are_read_without_diagnostics()
    {
        var r = Read(Crosscheck.Tests.Support.SharedData.SeedsDir);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(5, r.Documents.Length);
        Assert.All(r.Documents, d => Assert.Equal("utf-8", d.Source.Encoding));
    }
}
