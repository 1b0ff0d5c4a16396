using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Onnx;

namespace Crosscheck.Tests.Onnx;

public class NerLabelDecoderTests
{
    private static List<NerSpan> Decode(params string[] labels) => NerLabelDecoder.Decode(labels.Select(NerLabelDecoder.Parse).ToArray());

    [Fact]
    public void Bio_spans()
    {
        Assert.Equal([new NerSpan(0, 2, "PER"), new NerSpan(3, 4, "LOC")], Decode("B-PER", "I-PER", "O", "B-LOC"));
    }

    [Fact]
    public void B_after_same_type_starts_a_new_span_and_type_change_closes()
    {
        Assert.Equal([new NerSpan(0, 1, "PER"), new NerSpan(1, 2, "PER"), new NerSpan(2, 3, "ORG")], Decode("B-PER", "B-PER", "I-ORG"));
    }

    [Fact]
    public void Bioes_and_bilou_close_on_end_and_single()
    {
        Assert.Equal([new NerSpan(0, 2, "ORG"), new NerSpan(2, 3, "ORG"), new NerSpan(3, 4, "LOC")], Decode("B-ORG", "E-ORG", "S-ORG", "U-LOC"));
        Assert.Equal([new NerSpan(0, 3, "PER"), new NerSpan(3, 4, "PER")], Decode("B-PER", "I-PER", "L-PER", "I-PER"));
    }

    [Fact]
    public void Ontonotes_types_map_and_others_are_outside()
    {
        Assert.Equal([new NerSpan(0, 1, "PER"), new NerSpan(1, 2, "LOC"), new NerSpan(2, 3, "MISC")], Decode("B-PERSON", "B-GPE", "B-NORP", "B-DATE", "I-CARDINAL"));
        Assert.Equal([new NerSpan(1, 2, "ORG")], Decode("O", "ORG", "0"));
        Assert.Equal(new NerLabelDecoder.Label('B', "LOC"), NerLabelDecoder.Parse("b_location"));
    }
}
