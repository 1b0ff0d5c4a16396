namespace Crosscheck.Core.Model;

public enum EntityType { Person, Organization, Location, Country, Other }

/// <summary>A named mention found by a recogniser. <see cref="Role"/> is a title next to it ("national security adviser").</summary>
public sealed record EntityMention(TextSpan Span, string Text, EntityType Type)
{
    public double Confidence { get; init; } = 1.0;
    /// <summary>A title or role phrase attached to this mention in its context, with its span.</summary>
    public string? Role { get; init; }
    public TextSpan? RoleSpan { get; init; }
    /// <summary>For capitals, demonyms and nationality adjectives: the country they point to ("Seoul" → "South Korea").</summary>
    public string? Country { get; init; }
    /// <summary>Kind of mention: "name", "demonym", "capital", "title" (a title-only reference), "pronoun".</summary>
    public string Kind { get; init; } = "name";
}

public enum DatePrecision { Day, Month, Year, Week, Unknown }

/// <summary>A temporal expression and its TIMEX3-style value resolved against a reference date.</summary>
public sealed record TimeExpression(TextSpan Span, string Text, string TimexType, string Value)
{
    /// <summary>The first day the value covers, when it is a calendar date, month or year.</summary>
    public DateOnly? Date { get; init; }
    public DatePrecision Precision { get; init; } = DatePrecision.Unknown;
    /// <summary>True when the value depended on the reference date ("Thursday", "last month").</summary>
    public bool Relative { get; init; }
    /// <summary>A modifier such as "END", "START", "MID" ("at the end of this month").</summary>
    public string? Modifier { get; init; }
}

/// <summary>A reported statement: a direct quotation or indirect speech, with its attribution.</summary>
public sealed record Quote(TextSpan Span, string Text, bool Direct)
{
    /// <summary>The reporting verb ("said", "added", "according to").</summary>
    public string? Cue { get; init; }
    public TextSpan? CueSpan { get; init; }
    /// <summary>Where the speaker is named or referred to in this document (may be a pronoun or a description).</summary>
    public TextSpan? SpeakerSpan { get; init; }
    /// <summary>The speaker as a name, after pronoun/title resolution; null when the speaker cannot be determined.</summary>
    public string? SpeakerName { get; init; }
    /// <summary>Where the resolved name itself occurs (the antecedent of a pronoun, for instance).</summary>
    public TextSpan? SpeakerNameSpan { get; init; }
    /// <summary>For an unnamed speaker: how the text describes them ("a presidential official").</summary>
    public string? SpeakerDescription { get; init; }
}

/// <summary>A quantity stated in a claim: 234 items, four vessels, a quarter-century.</summary>
public sealed record Quantity(decimal Value, string Unit)
{
    /// <summary>The words of the text that gave the value ("243", "four", "1,402").</summary>
    public string? Surface { get; init; }
    public TextSpan? Span { get; init; }
    /// <summary>What is counted or measured, normalised ("items", "vessels"), and the qualifiers around it.</summary>
    public string? What { get; init; }
    /// <summary>"total", "added", "delta" or null: the role the number plays ("bringing the total to").</summary>
    public string? Role { get; init; }
    public bool Approximate { get; init; }
}

/// <summary>A factual statement of one document, usually one sentence, with its quantities.</summary>
public sealed record Claim(TextSpan Span, string Text)
{
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
    /// <summary>The main action verb or phrase, lemmatised where possible.</summary>
    public string? Predicate { get; init; }
    /// <summary>Is it the reporter's statement, or attributed to someone (then see the quote)?</summary>
    public bool Attributed { get; init; }
    /// <summary>The people, organisations and places named in the claim (spans of the document's entity mentions).</summary>
    public IReadOnlyList<TextSpan> Actors { get; init; } = [];
    /// <summary>The time expressions of the claim (spans of the document's time layer).</summary>
    public IReadOnlyList<TextSpan> Dates { get; init; } = [];
}
