using Crosscheck.Core.Render;
using Crosscheck.Core.Report;

namespace Crosscheck.Tests.Render;

public class RendererTests
{
    private const string Evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";

    private static CrosscheckReport MakeReport()
    {
        var text = $"Headline {Evil}\n\nThe council said 234 items were added. Later it said 243 items.";
        var story = new StoryReport("story1", "Headline " + Evil)
        {
            Summary = [new BriefSentenceReport("The council added items " + Evil, ["c1"], ["s1"])],
            Sources = [new SourceReport("s1", "a.txt", "Outlet " + Evil, "Headline " + Evil, "2024-06-21", true)
            {
                PublishedConfidence = 0.8, PublishedEvidence = ["'Friday' " + Evil],
                Paragraphs = [new ParagraphReport(0, 9 + Evil.Length, "title", "Headline " + Evil)],
            }],
            Entities = [new EntityReport("e1", "person", "Chang " + Evil, ["Jang"], ["adviser"], [new MentionReport("s1", 0, 8) { Text = "Headline" }])],
            Quotes = [new QuoteReport("q1", "e1", "Chang", "It makes no sense " + Evil, true, "s1", 0, 8, [])],
            Claims = [new ClaimReport("c1", "The council said 234 items " + Evil, "s1", 0, 8, new QuantityReport(234, "items"), [], ["c2"]) { Fact = "f1" },
                      new ClaimReport("c2", "Later it said 243 items.", "s1", 10, 20, new QuantityReport(243, "items"), [], ["c1"]) { Fact = "f2" }],
            Discrepancies = [new DiscrepancyReport("d1", "number", "items added " + Evil,
                [new DiscrepancyValueReport("234", ["c1"], ["s1"]), new DiscrepancyValueReport("243", ["c2"], ["s1"])], true, "243 agrees with the totals")],
            Timeline = [new TimelineReport("2024-06-20", "day", "briefing " + Evil, "Thursday", "s1", 0, 8, ["s1"])],
        };
        return new CrosscheckReport("1", [story]) { Diagnostics = [new DiagnosticReport("bad<file>.txt", "error", "empty file")] };
    }

    [Fact]
    public void Html_escapes_all_article_text()
    {
        var html = new HtmlReportRenderer().RenderToString(MakeReport());
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("bad&lt;file&gt;.txt", html);
        // Exactly one script element: our own.
        Assert.Equal(1, html.Split("<script>").Length - 1);
    }

    [Fact]
    public void Markdown_escapes_html_and_markup_in_article_text()
    {
        var md = new MarkdownReportRenderer().RenderToString(MakeReport());
        Assert.DoesNotContain("<script>", md);
        Assert.DoesNotContain("<img", md);
        Assert.Contains("&lt;script&gt;", md);
    }

    [Fact]
    public void Human_formats_show_the_sections_in_reading_order_with_their_content()
    {
        foreach (var r in new IReportRenderer[] { new MarkdownReportRenderer(), new HtmlReportRenderer() })
        {
            var s = r.RenderToString(MakeReport());
            int summary = s.IndexOf("Summary"), disc = s.IndexOf("Discrepancies"), time = s.IndexOf("Timeline"),
                quotes = s.IndexOf("Quotes by speaker"), ents = s.IndexOf("Entities"), cov = s.IndexOf("Coverage");
            Assert.True(summary > 0 && summary < disc && disc < time && time < quotes && quotes < ents && ents < cov, r.Format);
            Assert.Contains("234", s);
            Assert.Contains("243 agrees with the totals", s);
            Assert.Contains("2024-06-20", s);
            Assert.Contains("It makes no sense", s);
            Assert.Contains("2024-06-21 (inferred, confidence 0.80)", s);
        }
    }

    [Fact]
    public void Html_citations_point_at_the_source_paragraph_and_characters()
    {
        var html = new HtmlReportRenderer().RenderToString(MakeReport());
        Assert.Contains("href=\"#story1-s1-p0\" data-src=\"story1-s1\" data-start=\"0\" data-end=\"8\"", html);
        Assert.Contains("id=\"story1-s1-p0\"", html);
    }

    [Fact]
    public void Json_round_trips()
    {
        var json = new JsonReportRenderer().RenderToString(MakeReport());
        var back = JsonReportRenderer.Parse(json)!;
        Assert.Equal("243", back.Stories[0].Discrepancies[0].Values[1].Value);
        Assert.Equal(new JsonReportRenderer().RenderToString(back), json);
    }
}
