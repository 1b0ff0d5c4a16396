using Crosscheck.Core.Render;
using Crosscheck.Core.Report;
using Crosscheck.Tests.Support;
using Microsoft.Playwright;

namespace Crosscheck.Tests.Browser;

/// <summary>
/// The HTML report as a reader meets it: opened from disk in headless Chromium (no server). A click on a citation must
/// highlight exactly the characters the report cites, and article text must stay inert text.
/// </summary>
public class HtmlReportBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Headless Debian Chromium with the report opened from disk (no server); dispose to close both.</summary>
    private sealed class OpenReport(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page => page;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<OpenReport> Open(CrosscheckReport report)
    {
        var path = Path.Combine(_dir, "report.html");
        File.WriteAllText(path, new HtmlReportRenderer().RenderToString(report));
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return new OpenReport(playwright, browser, page);
    }

    [BrowserFact]
    public async Task Clicking_a_citation_highlights_exactly_the_cited_characters()
    {
        var (report, _) = ReportChecks.Brief(Path.Combine(SharedData.SamplesDir, "refinery-strike"));
        var story = Assert.Single(report.Stories);
        await using (var open = await Open(report))
        {
            var page = open.Page;
            var cites = page.Locator("a.cite");
            int count = await cites.CountAsync();
            Assert.True(count > 10, $"only {count} citations");
            // Check a spread of citations: the highlight is the exact text of the source between the cited offsets.
            for (int i = 0; i < count; i += Math.Max(1, count / 12))
            {
                var cite = cites.Nth(i);
                var src = await cite.GetAttributeAsync("data-src");
                int start = int.Parse((await cite.GetAttributeAsync("data-start"))!), end = int.Parse((await cite.GetAttributeAsync("data-end"))!);
                var source = story.Sources.Single(s => $"{story.Id}-{s.Id}" == src);
                var paragraph = source.Paragraphs.FirstOrDefault(p => p.Start <= start && end <= p.End);
                if (paragraph is null) continue; // a citation spanning paragraphs highlights each part
                await cite.ClickAsync();
                var marks = page.Locator("mark.cc");
                Assert.Equal(1, await marks.CountAsync());
                Assert.Equal(paragraph.Text[(start - paragraph.Start)..(end - paragraph.Start)], await marks.First.TextContentAsync());
            }
        }
    }

    [BrowserFact]
    public async Task Article_text_that_looks_like_markup_is_shown_as_text_and_never_runs()
    {
        var story = Path.Combine(_dir, "story");
        Directory.CreateDirectory(story);
        const string hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        File.WriteAllText(Path.Combine(story, "a.txt"), $"Harbour fire damages 12 boats\n\nA fire at the harbour in Velmora damaged 12 boats on Monday, the fire service said. {hostile}\n\n\"We were lucky,\" harbour master Ana Brel said.\n");
        File.WriteAllText(Path.Combine(story, "b.txt"), "Fire hits Velmora harbour\n\nA fire at the harbour in Velmora damaged 15 boats on Monday, the fire service said.\n\n\"We were lucky,\" harbour master Ana Brel told reporters.\n");
        var (report, _) = ReportChecks.Brief(story);
        await using (var open = await Open(report))
        {
            var page = open.Page;
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
            Assert.Equal(0, await page.Locator("img").CountAsync());
            Assert.Contains("<script>window.pwned = 1</script>", await page.Locator("body").InnerTextAsync());
        }
    }
}
