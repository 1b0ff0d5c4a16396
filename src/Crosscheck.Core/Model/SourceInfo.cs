namespace Crosscheck.Core.Model;

/// <summary>What is known about where a document came from. Inferred values carry their evidence.</summary>
public sealed record SourceInfo
{
    /// <summary>The path or URL given by the user; records of a .json/.jsonl file or items of a feed share it and differ by <see cref="Record"/>.</summary>
    public required string File { get; init; }
    /// <summary>0-based record index inside a .json/.jsonl file; null for single-document files.</summary>
    public int? Record { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    /// <summary>True when the outlet was read from the text (a dateline) rather than stated by metadata; see <see cref="OutletSpan"/>.</summary>
    public bool OutletInferred { get; init; }
    /// <summary>Where in the text an inferred outlet was read.</summary>
    public TextSpan? OutletSpan { get; init; }
    public string? Author { get; init; }
    public string? Language { get; init; }
    /// <summary>How the text was obtained: "text", "html", "json", "feed".</summary>
    public string Format { get; init; } = "text";
    /// <summary>Encoding the bytes were decoded with, and whether that was a fallback guess.</summary>
    public string Encoding { get; init; } = "utf-8";
    public bool EncodingFallback { get; init; }
    /// <summary>Title given by metadata (HTML/JSON); the cleaner may find one in the text instead.</summary>
    public string? StatedTitle { get; init; }
    /// <summary>Publication date given by metadata; null when the page states none.</summary>
    public DateOnly? StatedPublished { get; init; }
}
