using System.Text;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Tests.Ingest;

public sealed class FeedReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Velmora Times</title><link>https://times.example/</link><description>News</description>
            <item>
              <title>Harbour fire damages boats</title>
              <link>https://times.example/news/harbour-fire</link>
              <pubDate>Wed, 12 Mar 2025 08:30:00 GMT</pubDate>
              <description>A short teaser.</description>
              <content:encoded><![CDATA[<p>A fire at the harbour in Velmora damaged twelve boats on Monday, the fire service said.</p><p>Nobody was hurt, the harbour master said.</p>]]></content:encoded>
            </item>
            <item>
              <title>Council backs new bridge</title>
              <link>https://times.example/news/bridge</link>
              <pubDate>Thu, 13 Mar 2025 10:00:00 GMT</pubDate>
              <description>The council voted nine to two on Thursday to build a new bridge over the Alder river.</description>
            </item>
            <item><title>Empty item</title><link>https://times.example/news/empty</link></item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Coastline Wire</title><id>urn:wire</id><updated>2025-03-12T09:00:00Z</updated>
          <entry>
            <title>Ferry toll rises to 19</title><id>urn:wire:1</id>
            <link rel="alternate" href="https://wire.example/ferry-toll"/>
            <updated>2025-03-12T09:00:00Z</updated><author><name>Dario Lenz</name></author>
            <content type="html">&lt;p&gt;The death toll from the capsizing of a ferry on Lake Orvanne rose to 19 on Wednesday, the coast guard said.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    [Fact]
    public void Rss_items_become_documents_with_outlet_link_title_and_date()
    {
        var file = _folder.Write("times.rss", Encoding.UTF8.GetBytes(Rss));
        var result = new ArticleReader().Read([file]);
        Assert.Equal(2, result.Documents.Length);
        var fire = result.Documents[0];
        Assert.Equal("Velmora Times", fire.Source.Outlet);
        Assert.Equal("https://times.example/news/harbour-fire", fire.Source.Url);
        Assert.Equal("Harbour fire damages boats", fire.Source.StatedTitle);
        Assert.Equal(new DateOnly(2025, 3, 12), fire.Source.StatedPublished);
        Assert.Contains("damaged twelve boats", fire.Text);
        Assert.DoesNotContain("teaser", fire.Text); // the full content wins over the description
        Assert.DoesNotContain("<p>", fire.Text);
        Assert.Equal("The council voted nine to two on Thursday to build a new bridge over the Alder river.", result.Documents[1].Text);
        Assert.Equal([0, 1], result.Documents.Select(d => d.Source.Record!.Value));
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("item 3: ", StringComparison.Ordinal) && d.Severity == Severity.Error);
    }

    [Fact]
    public void Atom_entries_are_read_with_their_author()
    {
        var file = _folder.Write("wire.atom", Encoding.UTF8.GetBytes(Atom));
        var doc = Assert.Single(new ArticleReader().Read([file]).Documents);
        Assert.Equal("Coastline Wire", doc.Source.Outlet);
        Assert.Equal("Dario Lenz", doc.Source.Author);
        Assert.Equal("https://wire.example/ferry-toll", doc.Source.Url);
        Assert.Contains("rose to 19 on Wednesday", doc.Text);
    }

    [Fact]
    public void A_broken_feed_or_one_with_a_dtd_is_one_error_naming_the_file()
    {
        var broken = _folder.Write("broken.rss", Encoding.UTF8.GetBytes(Rss[..(Rss.Length / 2)]));
        var dtd = _folder.Write("entity.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>"));
        var ok = _folder.Write("wire.atom", Encoding.UTF8.GetBytes(Atom));
        var result = new ArticleReader().Read([broken, dtd, ok]);
        Assert.Single(result.Documents);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Contains(errors, d => d.File == broken && d.Message.StartsWith("not an RSS or Atom feed", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.File == dtd && d.Message.StartsWith("not an RSS or Atom feed", StringComparison.Ordinal));
    }
}
