using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Segment;

public class SegmenterTests
{
    [Fact]
    public void Segments_only_kept_blocks_and_never_merges_a_headline_with_the_next_block()
    {
        const string text = "Headline without period\nShare this\nFirst sentence. Second sentence.";
        var doc = TestDocs.Raw(text);
        var blocks = ImmutableArray.Create(new Block(new TextSpan(0, 23), BlockKind.Title), new Block(new TextSpan(35, text.Length), BlockKind.Paragraph));
        doc = doc with { Clean = new CleanedText(text, blocks, [new RemovedSpan(new TextSpan(24, 34), "share prompt")]) };
        var seg = new Segmenter().Annotate(doc);
        Assert.Equal(["Headline without period", "First sentence.", "Second sentence."], seg.Sentences.Select(s => seg.Slice(s.Span)));
        Assert.Equal([0, 1, 1], seg.Sentences.Select(s => s.BlockIndex));
        Assert.DoesNotContain(seg.Tokens, t => t.Span.Overlaps(new TextSpan(24, 34)));
        Assert.Equal("Headline", seg.Slice(seg.Tokens[0].Span));
        Assert.Equal(seg.Tokens.OrderBy(t => t.Span.Start).Select(t => t.Span), seg.Tokens.Select(t => t.Span));
    }

    [Fact]
    public void Splits_fast_enough()
    {
        var para = "Mr. Chang said on Jan. 5 that the U.S. would add 1,402 items. “It is absurd,” he said. The 6.25 War ended… Others disagreed!\n";
        var text = string.Concat(Enumerable.Repeat(para, 20000)); // ~2.5 MB
        var doc = TestDocs.Raw(text);
        var seg = new Segmenter();
        seg.Annotate(TestDocs.Raw(para));
        // best of three runs: a test machine busy with other tests must not decide the figure
        double best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var result = seg.Annotate(doc);
            sw.Stop();
            Assert.Equal(4 * 20000, result.Sentences.Length);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        double mbPerSecond = text.Length * 2 / 1e6 / best;
        Assert.True(mbPerSecond > 2, $"segmenter too slow: {mbPerSecond:F1} MB/s");
    }
}
