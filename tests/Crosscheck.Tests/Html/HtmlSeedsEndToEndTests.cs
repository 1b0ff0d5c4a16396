using System.Net;
using System.Text;
using Crosscheck.Core.Report;
using Crosscheck.Tests.Ingest;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Html;

/// <summary>
/// Issue 7: `brief` on a folder of .html pages gives the same quality of report as on the .txt files. Each seed is
/// wrapped in a typical news page (menu, share bar, related links, footer, JSON-LD without a date) and the report is
/// checked against the same criteria as the text run.
/// </summary>
public class HtmlSeedsEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Page(string text, int n)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
          .Append(WebUtility.HtmlEncode(lines[0])).Append(" | Outlet ").Append(n).Append("</title>")
          .Append("<meta property=\"og:site_name\" content=\"Outlet ").Append(n).Append("\"></head><body>")
          .Append("<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/politics\">Politics</a></li><li><a href=\"/business\">Business</a></li></ul></nav></header>")
          .Append("<main><article><h1>").Append(WebUtility.HtmlEncode(lines[0])).Append("</h1>")
          .Append("<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div>");
        foreach (var line in lines.Skip(1))
            sb.Append(line.StartsWith('•') ? "<ul><li>" + WebUtility.HtmlEncode(line.TrimStart('•', ' ')) + "</li></ul>" : "<p>" + WebUtility.HtmlEncode(line) + "</p>");
        sb.Append("</article><aside class=\"related\"><h2>Related Articles</h2><ul><li><a href=\"/a\">Markets rally as oil slips</a></li><li><a href=\"/b\">Ten things to know this week</a></li></ul></aside></main>")
          .Append("<footer><p>© Outlet ").Append(n).Append(". All rights reserved.</p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer></body></html>");
        return sb.ToString();
    }

    private StoryReport BriefOfHtmlSeeds()
    {
        int n = 0;
        foreach (var file in Directory.GetFiles(SharedData.SeedsDir, "*.txt").Order(StringComparer.Ordinal))
            File.WriteAllText(Path.Combine(_folder.Path, Path.GetFileNameWithoutExtension(file) + ".html"), Page(File.ReadAllText(file), ++n));
        var (report, result) = ReportChecks.Brief(_folder.Path);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Core.Pipeline.Severity.Error));
        Assert.Empty(ReportChecks.BadSpans(report, result));
        return Assert.Single(report.Stories);
    }

    [SharedFact]
    public void Html_pages_of_the_seeds_give_the_same_story_as_the_text_files()
    {
        var story = BriefOfHtmlSeeds();
        Assert.Equal(5, story.Sources.Count);
        Assert.All(story.Sources, s => Assert.StartsWith("Outlet ", s.Outlet));
        Assert.All(story.Sources, s => Assert.DoesNotContain(s.Paragraphs, p => p.Text.Contains("Related Articles") || p.Text.Contains("Share on") || p.Text.Contains("All rights reserved") || p.Text.Contains("Getty Images") || p.Text.Contains("Back to top")));

        static IEnumerable<string> Names(EntityReport e) => e.Aliases.Prepend(e.Name);
        Assert.Contains(story.Entities, e => e.Type == "person" && Names(e).Contains("Chang Ho Jin") && Names(e).Contains("Chang Ho-jin"));
        Assert.Contains(story.Entities, e => e.Type == "person" && Names(e).Contains("Kim Jong Un") && Names(e).Contains("Kim Jong-un"));
        foreach (var country in new[] { "South Korea", "North Korea", "Russia", "Ukraine" })
            Assert.Contains(story.Entities, e => e.Type == "country" && Names(e).Contains(country));

        var d = Assert.Single(story.Discrepancies, d => d.Kind == "number" && d.Values.Any(v => v.Value == "234") && d.Values.Any(v => v.Value == "243"));
        Assert.True(d.SameDocument);
        Assert.Equal("243", d.ResolvedValue);

        var dates = story.Timeline.Select(t => t.Date).ToHashSet();
        foreach (var date in new[] { "2024-06-19", "2024-06-20", "2024-06-23" }) Assert.Contains(date, dates);
        Assert.Contains(story.Quotes, q => q.Text.Contains("big mistake") && (q.SpeakerName ?? "").Contains("Putin"));
    }
}
