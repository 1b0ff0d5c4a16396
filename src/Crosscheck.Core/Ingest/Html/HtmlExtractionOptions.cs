namespace Crosscheck.Core.Ingest.Html;

/// <summary>Bounds that keep extraction time and memory predictable; a page past one throws <see cref="HtmlExtractionException"/>.</summary>
public sealed record HtmlExtractionOptions
{
    /// <summary>Largest page accepted, in bytes (or UTF-16 characters for text input).</summary>
    public long MaxBytes { get; init; } = 16 * 1024 * 1024;
    /// <summary>Largest number of elements accepted after parsing.</summary>
    public int MaxElements { get; init; } = 400_000;
    /// <summary>Elements nested deeper than this are ignored (malformed pages can nest thousands deep).</summary>
    public int MaxDepth { get; init; } = 400;

    public static HtmlExtractionOptions Default { get; } = new();
}
