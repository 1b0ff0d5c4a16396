using System.Collections.Immutable;

namespace Crosscheck.Core.Model;

/// <summary>
/// One article: its original text as read (all spans point into it) and the layers that the stages add.
/// Immutable: a stage returns a new document through <c>with</c>. Layers are empty until their stage runs.
/// </summary>
public sealed record Document
{
    /// <summary>Stable id within a run ("s1", "s2", ... in input order).</summary>
    public required string Id { get; init; }
    public required SourceInfo Source { get; init; }
    /// <summary>The text as read; every span of every layer indexes this string.</summary>
    public required string Text { get; init; }

    public CleanedText? Clean { get; init; }
    /// <summary>The title as found by the cleaner (a span of <see cref="Text"/>) or stated by metadata.</summary>
    public string? Title { get; init; }
    public TextSpan? TitleSpan { get; init; }
    public bool TitleInferred { get; init; }

    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<EntityMention> Entities { get; init; } = [];
    public ImmutableArray<TimeExpression> Times { get; init; } = [];
    public ImmutableArray<Quote> Quotes { get; init; } = [];
    public ImmutableArray<Claim> Claims { get; init; } = [];

    /// <summary>The publication date used as the reference for relative time, and how it was obtained.</summary>
    public PublicationDate? Published { get; init; }

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Index of the sentence containing <paramref name="position"/>, or -1.</summary>
    public int SentenceAt(int position)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = Sentences[mid].Span;
            if (position < s.Start) hi = mid - 1;
            else if (position >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>The tokens inside <paramref name="span"/>, in order.</summary>
    public ReadOnlySpan<Token> TokensIn(TextSpan span)
    {
        var tokens = Tokens.AsSpan();
        int lo = 0, hi = tokens.Length;
        while (lo < hi) { int mid = (lo + hi) / 2; if (tokens[mid].Span.Start < span.Start) lo = mid + 1; else hi = mid; }
        int end = lo;
        while (end < tokens.Length && tokens[end].Span.End <= span.End) end++;
        return tokens[lo..end];
    }
}

/// <summary>A publication date, stated or inferred, with the evidence that fixed it.</summary>
public sealed record PublicationDate(DateOnly Date, bool Inferred)
{
    public double Confidence { get; init; } = 1.0;
    /// <summary>Human-readable reasons ("'Thursday' and 'on the 20th' fit only 2024-06-20").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>The earliest date the article can have been published (its latest past event), when known.</summary>
    public DateOnly? NotBefore { get; init; }
}
