using System.Collections.Immutable;

namespace Crosscheck.Core.Model;

/// <summary>A pointer to characters of one document: the unit of provenance.</summary>
public readonly record struct DocSpan(string DocId, TextSpan Span);

/// <summary>
/// The cross-document layer: the documents of one story and what the cross-check passes found across them.
/// Its records refer to document spans, never to copies of text they cannot point back to.
/// </summary>
public sealed record Story
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required ImmutableArray<Document> Documents { get; init; }

    public ImmutableArray<StoryEntity> Entities { get; init; } = [];
    public ImmutableArray<StoryQuote> Quotes { get; init; } = [];
    public ImmutableArray<StoryClaim> Claims { get; init; } = [];
    public ImmutableArray<Discrepancy> Discrepancies { get; init; } = [];
    public ImmutableArray<TimelineEntry> Timeline { get; init; } = [];
    public ImmutableArray<SourceFraming> Framing { get; init; } = [];
    public ImmutableArray<BriefSentence> Brief { get; init; } = [];
    /// <summary>Groups of documents that are copies or rewrites of one text (wire copies): each group counts once.</summary>
    public ImmutableArray<ImmutableArray<string>> SharedOrigins { get; init; } = [];

    public Document Doc(string id) => Documents.First(d => d.Id == id);
}

/// <summary>One real-world entity of a story, merged from mentions in several documents.</summary>
public sealed record StoryEntity(string Id, EntityType Type, string Name)
{
    public ImmutableArray<string> Aliases { get; init; } = [];
    public ImmutableArray<string> Roles { get; init; } = [];
    public ImmutableArray<DocSpan> Mentions { get; init; } = [];
    /// <summary>For locations and demonyms: the country entity id they belong to.</summary>
    public string? CountryId { get; init; }
}

/// <summary>A quote of one document, placed in the story: its speaker entity and the same statement elsewhere.</summary>
public sealed record StoryQuote(string Id, string DocId, int Index)
{
    public string? SpeakerEntityId { get; init; }
    public ImmutableArray<string> SameStatementAs { get; init; } = [];
    /// <summary>Id shared by all quotes rendering one statement ("g1"); null when the quote stands alone.</summary>
    public string? StatementGroup { get; init; }
}

/// <summary>A claim of one document, placed in the story: who backs it, who contradicts it.</summary>
public sealed record StoryClaim(string Id, string DocId, int Index)
{
    public ImmutableArray<string> SupportedBy { get; init; } = [];
    public ImmutableArray<string> ContradictedBy { get; init; } = [];
    /// <summary>Claims about the same fact with other details (e.g. the ships described differently).</summary>
    public ImmutableArray<string> SameFactAs { get; init; } = [];
    /// <summary>Id of the fact group ("f1") this claim belongs to; facts are what the coverage table lists.</summary>
    public string? Fact { get; init; }
}

public enum DiscrepancyKind { Number, Date, Attribution, Name, Other }

public sealed record DiscrepancyValue(string Value)
{
    public ImmutableArray<string> Claims { get; init; } = [];
    public ImmutableArray<string> Sources { get; init; } = [];
    /// <summary>Where each occurrence of the value sits (claims, quotes or timeline phrases).</summary>
    public ImmutableArray<DocSpan> Spans { get; init; } = [];
}

public sealed record Discrepancy(string Id, DiscrepancyKind Kind, string About)
{
    public ImmutableArray<DiscrepancyValue> Values { get; init; } = [];
    public bool SameDocument { get; init; }
    /// <summary>How the text settles it, in words, naming the value it supports; null when unresolved.</summary>
    public string? Resolution { get; init; }
    public string? ResolvedValue { get; init; }
    /// <summary>"arithmetic", "update", "majority", or null.</summary>
    public string? ResolutionMethod { get; init; }
    /// <summary>True for an evolving figure reported at different times: an update, not a contradiction.</summary>
    public bool IsUpdate { get; init; }
}

public sealed record TimelineEntry(DateOnly Date, DatePrecision Precision, string What, DocSpan Phrase, string PhraseText)
{
    public ImmutableArray<string> Sources { get; init; } = [];
    /// <summary>The sentence that reports the event, for context.</summary>
    public DocSpan? Sentence { get; init; }
    public string? Modifier { get; init; }
    public ImmutableArray<DocSpan> OtherMentions { get; init; } = [];
}

/// <summary>How one source framed the story, and what it alone reports.</summary>
public sealed record SourceFraming(string DocId)
{
    public string? HeadlineVerb { get; init; }
    public ImmutableArray<string> LoadedWords { get; init; } = [];
    public ImmutableArray<string> HedgingWords { get; init; } = [];
    public ImmutableArray<string> ExclusiveClaims { get; init; } = [];
    public ImmutableArray<string> OmittedFacts { get; init; } = [];
}

/// <summary>One sentence of the opening account, with the claims and sources behind it.</summary>
public sealed record BriefSentence(string Text)
{
    public ImmutableArray<string> Claims { get; init; } = [];
    public ImmutableArray<string> Sources { get; init; } = [];
    public bool Disputed { get; init; }
}
