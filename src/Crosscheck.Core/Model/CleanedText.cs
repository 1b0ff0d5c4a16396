using System.Collections.Immutable;
using System.Text;

namespace Crosscheck.Core.Model;

/// <summary>
/// The cleaned view of a document: the kept blocks joined by blank lines, with a map back to original offsets.
/// Every character of <see cref="Text"/> that is not a separator comes from exactly one original position.
/// </summary>
public sealed class CleanedText
{
    public const string Separator = "\n\n";
    private readonly int[] _cleanStarts;

    public ImmutableArray<Block> Blocks { get; }
    public ImmutableArray<RemovedSpan> Removed { get; }
    public string Text { get; }

    public CleanedText(string original, ImmutableArray<Block> blocks, ImmutableArray<RemovedSpan> removed)
    {
        Blocks = blocks;
        Removed = removed;
        _cleanStarts = new int[blocks.Length];
        var sb = new StringBuilder();
        for (int i = 0; i < blocks.Length; i++)
        {
            if (i > 0) sb.Append(Separator);
            _cleanStarts[i] = sb.Length;
            sb.Append(original, blocks[i].Span.Start, blocks[i].Span.Length);
        }
        Text = sb.ToString();
    }

    /// <summary>Maps an offset in <see cref="Text"/> to the original text; a separator maps to the end of the block before it.</summary>
    public int ToOriginal(int cleanOffset)
    {
        if (Blocks.Length == 0) return 0;
        int i = Array.BinarySearch(_cleanStarts, cleanOffset);
        if (i < 0) i = ~i - 1;
        i = Math.Max(i, 0);
        var block = Blocks[i].Span;
        return block.Start + Math.Min(cleanOffset - _cleanStarts[i], block.Length);
    }

    public TextSpan ToOriginal(TextSpan clean) => new(ToOriginal(clean.Start), ToOriginal(Math.Max(clean.Start, clean.End - 1)) + (clean.IsEmpty ? 0 : 1));

    /// <summary>Maps an original offset into the cleaned text, or -1 when it falls in removed text.</summary>
    public int FromOriginal(int originalOffset)
    {
        for (int i = 0; i < Blocks.Length; i++)
            if (Blocks[i].Span.Contains(originalOffset) || Blocks[i].Span.End == originalOffset)
                return _cleanStarts[i] + originalOffset - Blocks[i].Span.Start;
        return -1;
    }

    public bool IsKept(TextSpan span) => Blocks.Any(b => b.Span.Contains(span));
}
