using System.Text;
using Crosscheck.Core.Ingest.Html;

namespace Crosscheck.Tests.Html;

public class HtmlArticleExtractorTests
{
    private const string Body1 = "The harbour council of Velmora voted on Tuesday to close the old ferry pier, citing cracks found in the pilings during a spring inspection, and promised a replacement within two years.";
    private const string Body2 = "Mayor Ilse Brandvik said the decision had not been easy, but that the safety of passengers and crews, who use the pier every day, had to come first.";
    private const string Body3 = "Ferry services will move to the northern quay from next month, the operator said, adding that timetables would stay largely the same for commuters.";

    private static string NewsPage(string extraHead = "") => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Velmora closes ferry pier | The Velmora Tide</title>
          <meta property="og:site_name" content="The Velmora Tide">
          <meta property="og:title" content="Velmora closes ferry pier">
          <meta property="article:published_time" content="2031-04-08T09:30:00+02:00">
          <meta name="author" content="Jonas Quell">
          <link rel="canonical" href="https://tide.example/news/velmora-pier">
          {{extraHead}}
        </head>
        <body>
          <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <article class="story">
            <h1>Velmora closes ferry pier</h1>
            <div class="byline">By Jonas Quell</div>
            <figure><img src="pier.jpg"><figcaption>The old pier at dusk. Photo: Tide archive</figcaption></figure>
            <div class="story-body">
              <p>{{Body1}}</p>
              <p>{{Body2}}</p>
              <h2>What changes for passengers</h2>
              <p>{{Body3}}</p>
              <ul><li>Morning boats leave from the northern quay.</li><li>Evening boats keep their times.</li></ul>
              <blockquote>We will keep everyone moving, the operator's spokesperson, Ada Rinn, said.</blockquote>
            </div>
          </article>
          <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">New bus lanes open</a></li></ul></aside>
          <section class="comments"><p>Reader1: About time they fixed that pier, it has been falling apart for years and years.</p></section>
          <footer>© 2031 The Velmora Tide. All rights reserved.</footer>
        </body>
        </html>
        """;

    [Fact]
    public void Keeps_the_article_and_drops_page_furniture()
    {
        var a = HtmlArticleExtractor.Extract(NewsPage(), "https://tide.example/news/velmora-pier");
        Assert.StartsWith("Velmora closes ferry pier\n\n", a.Text);
        Assert.Equal("Velmora closes ferry pier\n\n".Length, a.BodyStart);
        Assert.Contains(Body1, a.Text);
        Assert.Contains(Body2 + "\n\nWhat changes for passengers\n\n" + Body3, a.Text);
        Assert.Contains("Morning boats leave from the northern quay.\n\nEvening boats keep their times.", a.Text);
        Assert.Contains("We will keep everyone moving", a.Text);
        foreach (var clutter in new[] { "cookies", "Share on Facebook", "Home", "Related stories", "Bridge repairs", "Reader1", "All rights reserved", "Photo: Tide archive", "By Jonas Quell" })
            Assert.DoesNotContain(clutter, a.Text);
    }

    [Fact]
    public void Reads_metadata_from_meta_tags()
    {
        var a = HtmlArticleExtractor.Extract(NewsPage(), "https://tide.example/news/velmora-pier?utm=1");
        Assert.Equal("Velmora closes ferry pier", a.Title);
        Assert.Equal("The Velmora Tide", a.Outlet);
        Assert.Equal("Jonas Quell", a.Author);
        Assert.Equal(new DateOnly(2031, 4, 8), a.Published);
        Assert.Equal("https://tide.example/news/velmora-pier", a.CanonicalUrl);
        Assert.Equal("en-GB", a.Language);
    }

    [Fact]
    public void Reads_metadata_from_json_ld_time_and_url()
    {
        const string page = """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
             {"@type":"NewsArticle","headline":"Lantern festival returns to Orsk Vale","datePublished":"2030-10-02T18:00:00Z",
              "dateModified":"2030-10-03T07:15:00Z","author":[{"@type":"Person","name":"Mira Tollan"},{"@type":"Person","name":"Per Ostig"}],
              "publisher":{"@type":"Organization","name":"Orsk Vale Courier"}}]}
            </script></head><body><article>
            <p>The lantern festival returns to Orsk Vale this weekend after a three-year pause, organisers said on Wednesday, with forty stalls.</p>
            <p>Volunteers have repaired the old paper lanterns, and the town band, which had been disbanded, will play again on the square.</p>
            </article></body></html>
            """;
        var a = HtmlArticleExtractor.Extract(page, "https://courier.example/local/lanterns");
        Assert.Equal("Lantern festival returns to Orsk Vale", a.Title);
        Assert.Equal(["Mira Tollan", "Per Ostig"], a.Authors);
        Assert.Equal("Orsk Vale Courier", a.Outlet);
        Assert.Equal(new DateOnly(2030, 10, 2), a.Published);
        Assert.Equal(new DateOnly(2030, 10, 3), a.Modified);
        Assert.Equal(0, a.BodyStart); // no h1: no headline block

        var withTime = "<html><body><article><time datetime=\"2029-01-15\">15 January</time><p>" + Body1 + "</p><p>" + Body2 + "</p></article></body></html>";
        Assert.Equal(new DateOnly(2029, 1, 15), HtmlArticleExtractor.Extract(withTime).Published);

        var bare = "<html><body><article><p>" + Body1 + "</p><p>" + Body2 + "</p></article></body></html>";
        Assert.Equal(new DateOnly(2028, 6, 30), HtmlArticleExtractor.Extract(bare, "https://paper.example/2028/06/30/pier-story").Published);
        Assert.Equal("paper.example", HtmlArticleExtractor.Extract(bare, "https://www.paper.example/x").Outlet);
    }

    [Fact]
    public void Decodes_windows_1252_declared_in_a_meta_tag()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Café owners in Lérin said the new rules, which start in May, would cost them “a fortune” every single year.</p></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);
        var a = HtmlArticleExtractor.ExtractFromBytes(bytes);
        Assert.Equal("windows-1252", a.Encoding);
        Assert.False(a.EncodingFallback);
        Assert.Contains("Café owners in Lérin", a.Text);
        Assert.Contains("“a fortune”", a.Text);
    }

    [Fact]
    public void Honours_a_bom_and_falls_back_to_windows_1252_for_undeclared_invalid_utf8()
    {
        var html = "<html><body><p>Ærø ferry times changed on Monday, the harbour office said, after weeks of complaints.</p></body></html>";
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(html)).ToArray();
        var a = HtmlArticleExtractor.ExtractFromBytes(bom);
        Assert.Equal("utf-8", a.Encoding);
        Assert.StartsWith("Ærø ferry", a.Text);

        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(html)).ToArray();
        Assert.StartsWith("Ærø ferry", HtmlArticleExtractor.ExtractFromBytes(utf16).Text);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = HtmlArticleExtractor.ExtractFromBytes(Encoding.GetEncoding(1252).GetBytes(html));
        Assert.True(latin.EncodingFallback);
        Assert.Equal("windows-1252", latin.Encoding);
        Assert.StartsWith("Ærø ferry", latin.Text);
    }

    [Fact]
    public void Reads_truncated_html()
    {
        var page = NewsPage();
        var cut = page[..(page.IndexOf(Body2, StringComparison.Ordinal) + 40)];
        var a = HtmlArticleExtractor.Extract(cut);
        Assert.Contains(Body1, a.Text);
        Assert.Contains(Body2[..40], a.Text);
    }

    [Fact]
    public void Oversize_pages_throw_a_message_naming_the_limit()
    {
        var options = new HtmlExtractionOptions { MaxBytes = 1000 };
        var e = Assert.Throws<HtmlExtractionException>(() => HtmlArticleExtractor.ExtractFromBytes(Encoding.UTF8.GetBytes(NewsPage()), null, null, options));
        Assert.Contains("page too large", e.Message);
        Assert.Contains("1,000", e.Message);

        var many = "<html><body>" + string.Concat(Enumerable.Repeat("<span>x</span>", 2000)) + "<p>" + Body1 + "</p></body></html>";
        var e2 = Assert.Throws<HtmlExtractionException>(() => HtmlArticleExtractor.Extract(many, null, new HtmlExtractionOptions { MaxElements = 500 }));
        Assert.Contains("elements", e2.Message);
    }

    [Fact]
    public void A_page_without_text_throws()
    {
        var e = Assert.Throws<HtmlExtractionException>(() => HtmlArticleExtractor.Extract("<html><body><nav><a href='/'>Home</a></nav></body></html>"));
        Assert.Contains("no main text", e.Message);
    }

    [Fact]
    public void Deeply_nested_pages_do_not_overflow()
    {
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5000)) + "<p>" + Body1 + "</p></body></html>";
        var ex = Record.Exception(() => HtmlArticleExtractor.Extract(deep));
        Assert.True(ex is null or HtmlExtractionException);
    }
}
