using Crosscheck.Core.Onnx;

namespace Crosscheck.Tests.Onnx;

public class OnnxModelErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-onnx-err-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Missing_folder_names_the_path()
    {
        var path = Path.Combine(_dir, "no-such-model");
        var e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Missing_model_file_and_vocabulary_are_named()
    {
        var dir = TinyModels.WriteNer(Path.Combine(_dir, "m"));
        File.Delete(Path.Combine(dir, "vocab.txt"));
        var e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(dir));
        Assert.Contains(Path.Combine(dir, "vocab.txt"), e.Message);

        File.Delete(Path.Combine(dir, "model.onnx"));
        e = Assert.Throws<OnnxModelException>(() => OnnxStatementEmbedder.Load(dir));
        Assert.Contains(Path.Combine(dir, "model.onnx"), e.Message);
    }

    [Fact]
    public void No_labels_is_an_error_naming_config_json()
    {
        var dir = TinyModels.WriteNer(Path.Combine(_dir, "nolabels"), writeConfig: false);
        var e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(dir));
        Assert.Contains(Path.Combine(dir, "config.json"), e.Message);
        Assert.Contains("labels", e.Message);
    }

    [Fact]
    public void Label_count_that_does_not_match_the_output_is_an_error()
    {
        var dir = TinyModels.WriteNer(Path.Combine(_dir, "fewlabels"), config: new { id2label = new Dictionary<string, string> { ["0"] = "O", ["1"] = "B-PER" } });
        var e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(dir));
        Assert.Contains("2 labels", e.Message);
    }

    [Fact]
    public void Corrupt_model_and_bad_json_name_the_file()
    {
        var dir = TinyModels.WriteNer(Path.Combine(_dir, "corrupt"));
        File.WriteAllText(Path.Combine(dir, "config.json"), "{ not json");
        var e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(dir));
        Assert.Contains(Path.Combine(dir, "config.json"), e.Message);

        dir = TinyModels.WriteNer(Path.Combine(_dir, "corrupt2"));
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [1, 2, 3, 4, 5]);
        e = Assert.Throws<OnnxModelException>(() => OnnxNerTagger.Load(dir));
        Assert.Contains(Path.Combine(dir, "model.onnx"), e.Message);
    }

    [Fact]
    public void A_path_to_the_onnx_file_itself_is_accepted()
    {
        var dir = TinyModels.WriteNer(Path.Combine(_dir, "byfile"));
        using var tagger = OnnxNerTagger.Load(Path.Combine(dir, "model.onnx"));
        Assert.Equal(9, tagger.Labels.Count);
    }
}
