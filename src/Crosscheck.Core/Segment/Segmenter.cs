using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Segment;

/// <summary>
/// Stage entry point: splits the cleaner's kept blocks into sentences and tokens (spans of the original text).
/// Text outside the kept blocks gets neither; without a cleaned layer every non-blank line is one block.
/// </summary>
public sealed class Segmenter : IDocumentAnnotator
{
    public string Name => "segment";

    public Document Annotate(Document document)
    {
        var text = document.Text;
        var blocks = document.Clean?.Blocks is { } b ? b.Select(x => x.Span).ToList() : Lines(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var tokens = new List<Token>(text.Length / 5);
        var spans = new List<TextSpan>();
        for (int index = 0; index < blocks.Count; index++)
        {
            spans.Clear();
            SentenceSplitter.Split(text, blocks[index].Start, blocks[index].End, spans);
            foreach (var span in spans)
            {
                sentences.Add(new Sentence(span, index));
                Tokenizer.Tokenize(text, span.Start, span.End, tokens);
            }
        }
        return document with { Sentences = sentences.ToImmutable(), Tokens = [.. tokens] };
    }

    private static List<TextSpan> Lines(string text)
    {
        var lines = new List<TextSpan>();
        int pos = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            if (text.AsSpan(pos, end - pos).Trim().Length > 0) lines.Add(new TextSpan(pos, end));
            if (nl < 0) break;
            pos = nl + 1;
        }
        return lines;
    }
}
