namespace Crosscheck.Core.Model;

public enum BlockKind { Title, Subtitle, Paragraph, ListItem, Heading, Quote }

/// <summary>A run of kept text (a line or paragraph of the original) that survived cleaning.</summary>
public sealed record Block(TextSpan Span, BlockKind Kind);

/// <summary>A piece of the original text that the cleaner removed, with the reason, for the report's audit trail.</summary>
public sealed record RemovedSpan(TextSpan Span, string Reason);

public sealed record Sentence(TextSpan Span, int BlockIndex);

public enum TokenKind { Word, Number, Punctuation, Symbol }

public readonly record struct Token(TextSpan Span, TokenKind Kind);
