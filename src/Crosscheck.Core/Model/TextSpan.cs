namespace Crosscheck.Core.Model;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a document's original text.</summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;
    public static TextSpan FromLength(int start, int length) => new(start, start + length);
    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);
    public override string ToString() => $"[{Start}..{End})";
}
