using Crosscheck.Cli;
using Crosscheck.Core.CrossCheck.Quotes;
using Crosscheck.Core.Onnx;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Tests.Onnx;

/// <summary>--embed-model: the ONNX sentence embedder as the quote matcher's optional similarity.</summary>
[Collection("Console")]
public class EmbedModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-embed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => Crosscheck.Tests.Support.CliHarness.Run(args);

    private string Articles()
    {
        var dir = Path.Combine(_dir, "story");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "a.txt"), "Minister rejects claim\n\n\"The claim is preposterous and absurd,\" minister Ana Brel told reporters in Velmora on Monday.\n");
        File.WriteAllText(Path.Combine(dir, "b.txt"), "Brel dismisses claim\n\n\"It makes no sense,\" minister Ana Brel told reporters in Velmora on Monday about the claim.\n");
        return dir;
    }

    [Fact]
    public void The_builder_gives_the_quote_matcher_the_embedding_similarity()
    {
        var model = TinyModels.WriteEmbedder(Path.Combine(_dir, "model"));
        var pipeline = new PipelineBuilder().UseDefaults().UseStatementEmbedder(model, threshold: 0.5).Build();
        var matcher = Assert.Single(pipeline.StoryPasses.OfType<QuoteMatcher>());
        Assert.NotNull(matcher.Similarity);
        Assert.Equal(0.5, matcher.SimilarityThreshold);
        Assert.Equal(1.0, matcher.Similarity!("the talks were useful", "the talks were useful"), 5);
        Assert.True(matcher.Similarity!("the talks were useful", "the cat sat on the mat") < 0.999);
        Assert.Null(Assert.Single(new PipelineBuilder().UseDefaults().Build().StoryPasses.OfType<QuoteMatcher>()).Similarity);
    }

    [Fact]
    public void Quotes_and_brief_accept_the_model_and_a_missing_folder_is_one_line_naming_it()
    {
        var model = TinyModels.WriteEmbedder(Path.Combine(_dir, "model"));
        var story = Articles();
        var (code, csv, err) = Run("quotes", story, "--format", "csv", "--quiet", "--embed-model", model);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("preposterous and absurd", csv);
        Assert.Contains("It makes no sense", csv);
        var (code2, _, err2) = Run("brief", story, "--out", Path.Combine(_dir, "out"), "--quiet", "--embed-model", model);
        Assert.True(code2 == ExitCodes.Ok, err2);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "report.json")));

        var missing = Path.Combine(_dir, "nope");
        var (code3, _, err3) = Run("quotes", story, "--embed-model", missing);
        Assert.Equal(ExitCodes.Failure, code3);
        Assert.Contains(missing, err3);
        Assert.Single(err3.TrimEnd().Split('\n'));
    }
}
