using System.Text.Json.Serialization;

namespace Crosscheck.Core.Report;

// The report contract (docs/report-schema.md, docs/report.schema.json). Field names are the JSON names in camelCase.
// Every start/end pair is a UTF-16 offset range into the text of the source named by "source".

public sealed record CrosscheckReport(string SchemaVersion, IReadOnlyList<StoryReport> Stories)
{
    /// <summary>Inputs that were skipped or read with a warning, one line each.</summary>
    public IReadOnlyList<DiagnosticReport> Diagnostics { get; init; } = [];
    public string Generator { get; init; } = "crosscheck";
}

public sealed record DiagnosticReport(string File, string Severity, string Message);

public sealed record StoryReport(string Id, string Title)
{
    public IReadOnlyList<BriefSentenceReport> Summary { get; init; } = [];
    public IReadOnlyList<SourceReport> Sources { get; init; } = [];
    public IReadOnlyList<EntityReport> Entities { get; init; } = [];
    public IReadOnlyList<QuoteReport> Quotes { get; init; } = [];
    public IReadOnlyList<ClaimReport> Claims { get; init; } = [];
    public IReadOnlyList<DiscrepancyReport> Discrepancies { get; init; } = [];
    public IReadOnlyList<TimelineReport> Timeline { get; init; } = [];
    public IReadOnlyList<FramingReport> Framing { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> SharedOrigins { get; init; } = [];
}

public sealed record SourceReport(string Id, string File, string? Outlet, string? Title, string? Published, bool PublishedInferred)
{
    /// <summary>True when the outlet was read from the text (its dateline), with <see cref="OutletStart"/>/<see cref="OutletEnd"/> selecting it.</summary>
    public bool OutletInferred { get; init; }
    public int? OutletStart { get; init; }
    public int? OutletEnd { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public bool TitleInferred { get; init; }
    public int? TitleStart { get; init; }
    public int? TitleEnd { get; init; }
    public double? PublishedConfidence { get; init; }
    public IReadOnlyList<string> PublishedEvidence { get; init; } = [];
    public string Format { get; init; } = "text";
    public string Encoding { get; init; } = "utf-8";
    /// <summary>The kept (cleaned) paragraphs with their offsets into the source's text as read; clutter is not repeated here.</summary>
    public IReadOnlyList<ParagraphReport> Paragraphs { get; init; } = [];
    /// <summary>Spans the cleaner dropped as page clutter, with the reason.</summary>
    public IReadOnlyList<RemovedReport> Removed { get; init; } = [];
}

public sealed record RemovedReport(int Start, int End, string Reason);

public sealed record ParagraphReport(int Start, int End, string Kind, string Text);

public sealed record MentionReport(string Source, int Start, int End)
{
    public string? Text { get; init; }
}

public sealed record EntityReport(string Id, string Type, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, IReadOnlyList<MentionReport> Mentions)
{
    public string? Country { get; init; }
}

public sealed record QuoteReport(string Id, string? Speaker, string? SpeakerName, string Text, bool Direct, string Source, int Start, int End, IReadOnlyList<string> SameStatementAs)
{
    public string? Cue { get; init; }
    public string? SpeakerDescription { get; init; }
    public string? StatementGroup { get; init; }
}

public sealed record QuantityReport(decimal Value, string Unit)
{
    public string? What { get; init; }
    public string? Role { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
}

public sealed record ClaimReport(string Id, string Text, string Source, int Start, int End, QuantityReport? Quantity, IReadOnlyList<string> SupportedBy, IReadOnlyList<string> ContradictedBy)
{
    public IReadOnlyList<QuantityReport> Quantities { get; init; } = [];
    public IReadOnlyList<string> SameFactAs { get; init; } = [];
    public string? Fact { get; init; }
}

public sealed record DiscrepancyValueReport(string Value, IReadOnlyList<string> Claims, IReadOnlyList<string> Sources)
{
    public IReadOnlyList<MentionReport> Evidence { get; init; } = [];
}

public sealed record DiscrepancyReport(string Id, string Kind, string About, IReadOnlyList<DiscrepancyValueReport> Values, bool SameDocument, string? Resolution)
{
    public string? ResolvedValue { get; init; }
    public string? ResolutionMethod { get; init; }
    public bool IsUpdate { get; init; }
}

public sealed record TimelineReport(string Date, string Precision, string What, string Phrase, string Source, int Start, int End, IReadOnlyList<string> Sources)
{
    public string? Modifier { get; init; }
    public int? SentenceStart { get; init; }
    public int? SentenceEnd { get; init; }
}

public sealed record FramingReport(string Source)
{
    public string? HeadlineVerb { get; init; }
    public IReadOnlyList<string> LoadedWords { get; init; } = [];
    public IReadOnlyList<string> HedgingWords { get; init; } = [];
    public IReadOnlyList<string> ExclusiveClaims { get; init; } = [];
    public IReadOnlyList<string> OmittedFacts { get; init; } = [];
}

public sealed record BriefSentenceReport(string Text, IReadOnlyList<string> Claims, IReadOnlyList<string> Sources)
{
    public bool Disputed { get; init; }
}
