namespace Crosscheck.Core.Ingest;

public sealed record IngestOptions
{
    /// <summary>Files larger than this are skipped with an error.</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;
    /// <summary>How long a web page may take to arrive (headers and body) before it is skipped with an error.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>File extensions read when a folder is given.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml"];
}
