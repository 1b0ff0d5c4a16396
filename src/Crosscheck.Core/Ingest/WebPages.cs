using System.Net;
using System.Net.Http.Headers;

namespace Crosscheck.Core.Ingest;

/// <summary>What a fetch gave: the body and its media type, or an error in words (never an exception).</summary>
public sealed record FetchedPage(byte[]? Body, string? ContentType, string? MediaType, string? FinalUrl, string? Error);

/// <summary>
/// Fetches live pages for ingest: plain GET with redirects, a size limit checked before and while reading (so a huge
/// page never fills memory), a time limit for the whole answer, and every failure turned into one line of text.
/// </summary>
public static class WebPages
{
    private static readonly HttpClient Client = CreateClient();

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true, MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Crosscheck", "1.0"));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5");
        return client;
    }

    public static bool IsUrl(string path) =>
        (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(path, UriKind.Absolute, out _);

    public static FetchedPage Fetch(string url, long maxBytes, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
                return Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            var headers = response.Content.Headers;
            if (headers.ContentLength is { } length && length > maxBytes)
                return Failed($"page too large ({length:N0} bytes; the limit is {maxBytes:N0})");
            using var stream = response.Content.ReadAsStream(cts.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.ReadAsync(chunk.AsMemory(), cts.Token).AsTask().GetAwaiter().GetResult()) > 0)
            {
                if (buffer.Length + read > maxBytes) return Failed($"page too large (more than {maxBytes:N0} bytes, the limit)");
                buffer.Write(chunk, 0, read);
            }
            return new FetchedPage(buffer.ToArray(), headers.ContentType?.ToString(), headers.ContentType?.MediaType?.ToLowerInvariant(),
                response.RequestMessage?.RequestUri?.ToString(), null);
        }
        catch (OperationCanceledException) { return Failed($"no complete answer within {timeout.TotalSeconds:0} s"); }
        catch (HttpRequestException e) { return Failed($"cannot fetch the page ({e.Message})"); }
        catch (IOException e) { return Failed($"the connection broke ({e.Message})"); }
    }

    private static FetchedPage Failed(string error) => new(null, null, null, null, error);
}
