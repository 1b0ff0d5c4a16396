using System.Net;
using System.Net.Sockets;
using System.Text;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Tests.Ingest;

/// <summary>Live URLs as inputs, served by a real local HTTP server (HttpListener on a free loopback port).</summary>
public sealed class WebPageIngestTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _base;
    private readonly Dictionary<string, (int Status, string ContentType, byte[] Body, int DelayMs)> _routes = new();
    private readonly Task _loop;

    public WebPageIngestTests()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); } catch { return; }
            _ = Task.Run(async () =>
            {
                try
                {
                    var path = ctx.Request.Url!.AbsolutePath;
                    if (path == "/moved") { ctx.Response.Redirect(_base + "news/2025/03/12/harbour-fire"); ctx.Response.Close(); return; }
                    if (!_routes.TryGetValue(path, out var r)) { ctx.Response.StatusCode = 404; ctx.Response.Close(); return; }
                    if (r.DelayMs > 0) await Task.Delay(r.DelayMs);
                    ctx.Response.StatusCode = r.Status;
                    ctx.Response.ContentType = r.ContentType;
                    ctx.Response.ContentLength64 = r.Body.Length;
                    await ctx.Response.OutputStream.WriteAsync(r.Body);
                    ctx.Response.Close();
                }
                catch (Exception) { /* the client gave up */ }
            });
        }
    }

    public void Dispose() { _listener.Stop(); _listener.Close(); }

    private static readonly string Page = """
        <html><head><title>Harbour fire damages boats | Velmora Times</title>
        <meta property="og:site_name" content="Velmora Times"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article><h1>Harbour fire damages boats</h1>
        <p>A fire at the harbour in Velmora damaged twelve boats on Monday, the fire service said. Nobody was hurt, and the
        cause of the fire is not yet known, according to the harbour master, Ana Brel, who called it “a lucky escape”.</p>
        <p>Crews from three stations fought the blaze for four hours before it was under control late in the evening.</p>
        </article><footer>© Velmora Times</footer></body></html>
        """;

    [Fact]
    public void A_url_is_fetched_read_as_html_and_dated_from_its_path_after_redirects()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _routes["/news/2025/03/12/harbour-fire"] = (200, "text/html; charset=windows-1252", Encoding.GetEncoding(1252).GetBytes(Page), 0);
        var result = new ArticleReader().Read([_base + "moved"]);
        Assert.Empty(result.Diagnostics);
        var doc = Assert.Single(result.Documents);
        Assert.Equal(_base + "moved", doc.Source.File);
        Assert.Equal("Velmora Times", doc.Source.Outlet);
        Assert.Contains("“a lucky escape”", doc.Text); // windows-1252 curly quotes decoded by the header's charset
        Assert.DoesNotContain("Sport", doc.Text);
        Assert.StartsWith(_base + "news/2025/03/12/", doc.Source.Url);

        var story = Assert.Single(new PipelineBuilder().UseDefaults().Build().Run([_base + "moved"]).Stories);
        var published = Assert.Single(story.Documents).Published;
        Assert.NotNull(published);
        Assert.Equal(new DateOnly(2025, 3, 12), published!.Date);
        Assert.NotEmpty(published.Evidence);
    }

    [Fact]
    public void Failures_are_one_line_each_naming_the_url_and_the_rest_is_read()
    {
        _routes["/ok"] = (200, "text/html", Encoding.UTF8.GetBytes(Page), 0);
        _routes["/big"] = (200, "text/html", new byte[4096], 0);
        _routes["/slow"] = (200, "text/html", Encoding.UTF8.GetBytes(Page), 6000);
        _routes["/data"] = (200, "application/json", "{\"a\":1}"u8.ToArray(), 0);
        var reader = new ArticleReader(new IngestOptions { MaxFileBytes = 2048, FetchTimeout = TimeSpan.FromSeconds(30) });
        var result = reader.Read([_base + "missing", _base + "big", _base + "data", _base + "ok"]);
        Assert.Single(result.Documents);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToDictionary(d => d.File[_base.Length..], d => d.Message);
        Assert.StartsWith("HTTP 404", errors["missing"]);
        Assert.Contains("too large", errors["big"]);
        Assert.Contains("application/json", errors["data"]);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain('\n', d.ToString()));

        var impatient = new ArticleReader(new IngestOptions { FetchTimeout = TimeSpan.FromSeconds(1) });
        var slow = impatient.Read([_base + "slow"]);
        Assert.Empty(slow.Documents);
        Assert.Contains("within 1 s", Assert.Single(slow.Diagnostics).Message);
    }

    [Fact]
    public void A_url_that_cannot_be_reached_is_an_error_not_an_exception()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var result = new ArticleReader().Read([$"http://127.0.0.1:{port}/gone"]);
        Assert.Empty(result.Documents);
        Assert.Contains("cannot fetch the page", Assert.Single(result.Diagnostics).Message);
    }
}
