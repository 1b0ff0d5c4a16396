using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Onnx;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Onnx;

public sealed class TinyNerModelFixture : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("crosscheck-onnx-").FullName;
    public string NerDir { get; }
    public OnnxNerTagger Tagger { get; }

    public TinyNerModelFixture()
    {
        NerDir = TinyModels.WriteNer(Path.Combine(Root, "tiny-ner"));
        Tagger = OnnxNerTagger.Load(NerDir, new OnnxOptions { BatchSize = 2 });
    }

    public void Dispose()
    {
        Tagger.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}

public class OnnxNerTaggerTests(TinyNerModelFixture fx) : IClassFixture<TinyNerModelFixture>
{
    private static string Show(string[] words, IEnumerable<NerSpan> spans) =>
        string.Join(" | ", spans.Select(s => $"{s.Type}:{string.Join(' ', words[s.Start..s.End])}"));

    private string Tag(string sentence)
    {
        var words = sentence.Split(' ');
        return Show(words, fx.Tagger.Tag([words])[0]);
    }

    [Fact]
    public void Decodes_person_and_location()
    {
        Assert.Equal("PER:Kim | LOC:Seoul", Tag("Kim lives in Seoul ."));
    }

    [Fact]
    public void Multi_word_name_is_one_span_and_a_new_B_starts_another()
    {
        Assert.Equal("PER:Kim Jong Un | PER:Chang", Tag("Kim Jong Un Chang said"));
        Assert.Equal("ORG:United Nations | MISC:Korean", Tag("the United Nations Korean"));
    }

    [Fact]
    public void A_span_may_open_with_I_as_in_IOB1()
    {
        Assert.Equal("ORG:Kremlin", Tag("the Kremlin said"));
    }

    [Fact]
    public void The_first_subword_labels_the_word()
    {
        // Pyongyang → Pyong (B-LOC) ##yang (B-ORG): the word is a place, and one span
        Assert.Equal("PER:Kim | LOC:Pyongyang", Tag("Kim visited Pyongyang ."));
    }

    [Fact]
    public void Unknown_words_are_outside()
    {
        Assert.Equal("LOC:Moscow", Tag("Zanzibarish visited Moscow"));
    }

    [Fact]
    public void Words_with_no_pieces_or_too_many_are_handled()
    {
        string[] words = ["Kim", "\u200b", new string('x', 300), "Pyongyang" + new string('!', 40), "Seoul"];
        using var small = OnnxNerTagger.Load(fx.NerDir, new OnnxOptions { MaxSequenceLength = 8 });
        Assert.Equal("PER:Kim | LOC:Pyongyang!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!! | LOC:Seoul", Show(words, small.Tag([words])[0]));
    }

    [Fact]
    public void Batches_keep_sentences_in_order_and_empty_sentences_are_fine()
    {
        string[][] sentences = [["Kim", "lives"], [], ["in", "Seoul"], ["Reuters", "said"], ["Moscow"]];
        var result = fx.Tagger.Tag(sentences);
        Assert.Equal(5, result.Length);
        Assert.Equal(["PER:Kim", "", "LOC:Seoul", "ORG:Reuters", "LOC:Moscow"], result.Select((r, i) => Show(sentences[i], r)).ToArray());
    }

    [Fact]
    public void Long_sentences_are_windowed_with_the_same_labels()
    {
        var words = "Kim Jong Un visited Pyongyang and Moscow , the Kremlin said . Reuters and the United Nations said Chang lives in Seoul".Split(' ');
        var full = Show(words, fx.Tagger.Tag([words])[0]);
        using var small = OnnxNerTagger.Load(fx.NerDir, new OnnxOptions { MaxSequenceLength = 6, BatchSize = 3 });
        var windowed = Show(words, small.Tag([words])[0]);
        Assert.Equal("PER:Kim Jong Un | LOC:Pyongyang | LOC:Moscow | ORG:Kremlin | ORG:Reuters | ORG:United Nations | PER:Chang | LOC:Seoul", full);
        Assert.Equal(full, windowed);
    }

    [Fact]
    public void Windows_cover_every_word_within_the_budget_and_overlap()
    {
        int[][] pieces = [[1], [2, 3], [4], [5], [6, 7, 8], [9], [10], [11], [12, 13]];
        var windows = OnnxNerTagger.Windows(pieces, 4);
        Assert.Equal(0, windows[0].Start);
        Assert.Equal(pieces.Length, windows[^1].End);
        for (int i = 0; i < windows.Count; i++)
        {
            Assert.True(pieces[windows[i].Start..windows[i].End].Sum(p => p.Length) <= 4, $"window {i} over budget");
            if (i > 0)
            {
                Assert.True(windows[i].Start > windows[i - 1].Start);
                Assert.True(windows[i].Start <= windows[i - 1].End, "windows leave a gap");
            }
        }
        Assert.Contains(windows.Skip(1), w => windows.Any(p => p.Start < w.Start && w.Start < p.End));
    }

    [Fact]
    public void Concurrent_calls_give_the_same_spans()
    {
        string[][] doc = [.. Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? "Kim Jong Un visited Moscow" : "the Kremlin said Chang lives in Seoul").Split(' '))];
        var expected = fx.Tagger.Tag(doc).Select((r, i) => Show(doc[i], r)).ToArray();
        var results = new string[8][];
        Parallel.For(0, 8, t => results[t] = fx.Tagger.Tag(doc).Select((r, i) => Show(doc[i], r)).ToArray());
        Assert.Equal("PER:Kim Jong Un | LOC:Moscow", expected[0]);
        Assert.Equal("ORG:Kremlin | PER:Chang | LOC:Seoul", expected[1]);
        foreach (var r in results) Assert.Equal(expected, r);
    }

    [Fact]
    public void Name_and_labels_come_from_the_folder()
    {
        Assert.Equal("onnx:tiny-ner", fx.Tagger.Name);
        Assert.Equal(TinyModels.NerLabels, fx.Tagger.Labels);
    }

    [Fact]
    public void Labels_txt_is_read_when_config_has_none_and_models_without_token_type_ids_run()
    {
        var dir = TinyModels.WriteNer(Path.Combine(fx.Root, "labels-txt"), tokenTypeIds: false, writeConfig: false);
        File.WriteAllLines(Path.Combine(dir, "labels.txt"), TinyModels.NerLabels);
        using var tagger = OnnxNerTagger.Load(dir);
        var words = "Kim lives in Seoul".Split(' ');
        Assert.Equal("PER:Kim | LOC:Seoul", Show(words, tagger.Tag([words])[0]));
    }

    [Fact]
    public void Recogniser_over_the_onnx_tagger_gives_entities_with_exact_spans()
    {
        const string text = "Kim lives in Seoul.\nReuters said Kim Jong Un visited Moscow.";
        var doc = TestDocs.AnnotateThrough<Crosscheck.Core.Segment.Segmenter>(text);
        doc = new EntityRecognizer(fx.Tagger).Annotate(doc);
        foreach (var e in doc.Entities) Assert.Equal(e.Text, text.Substring(e.Span.Start, e.Span.Length));
        Assert.Contains(doc.Entities, e => e.Text == "Kim" && e.Type == EntityType.Person);
        Assert.Contains(doc.Entities, e => e.Text == "Kim Jong Un" && e.Type == EntityType.Person);
        Assert.Contains(doc.Entities, e => e.Text == "Reuters" && e.Type == EntityType.Organization);
        Assert.Contains(doc.Entities, e => e.Text == "Seoul");
        Assert.Contains(doc.Entities, e => e.Text == "Moscow");
    }
}
