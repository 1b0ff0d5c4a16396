using Crosscheck.Cli;
using Crosscheck.Core.Onnx;

namespace Crosscheck.Tests.Onnx;

/// <summary>--ner-model on the command line. Console redirection is global, so these run in the Console collection.</summary>
[Collection("Console")]
public class NerModelCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-onnx-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => Crosscheck.Tests.Support.CliHarness.Run(args);

    private string Article()
    {
        var path = Path.Combine(_dir, "article.txt");
        File.WriteAllText(path, "Talks in Seoul\n\nKim Jong Un visited Moscow on Monday, Reuters said.\n\nMcfoo Bartleby said Kim lives in Seoul.\n");
        return path;
    }

    private static List<string[]> Rows(string tsv) => tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();

    [Fact]
    public void Entities_uses_the_given_model()
    {
        var model = TinyModels.WriteNer(Path.Combine(_dir, "model"));
        var article = Article();
        var (code, stdout, err) = Run("entities", article, "--tsv", "--ner-model", model);
        Assert.True(code == ExitCodes.Ok, err);
        var rows = Rows(stdout);
        Assert.Contains(rows, r => r[1] == "person" && r[2] == "Kim Jong Un");
        Assert.Contains(rows, r => r[1] == "organization" && r[2] == "Reuters");
        // the tiny model does not know these words; the built-in perceptron reads them as a name
        Assert.DoesNotContain(rows, r => r[2].Contains("Bartleby"));
        var (code2, builtin, _) = Run("entities", article, "--tsv");
        Assert.Equal(ExitCodes.Ok, code2);
        Assert.Contains(Rows(builtin), r => r[2].Contains("Bartleby"));
    }

    [Fact]
    public void A_missing_model_folder_is_a_one_line_error_naming_it()
    {
        var missing = Path.Combine(_dir, "nope");
        var (code, _, err) = Run("brief", Article(), "--out", Path.Combine(_dir, "out"), "--ner-model", missing);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith($"crosscheck: {missing}: ONNX model folder not found", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void The_environment_variable_is_the_fallback()
    {
        var missing = Path.Combine(_dir, "from-env");
        var old = Environment.GetEnvironmentVariable(PipelineBuilderOnnxExtensions.NerModelVariable);
        Environment.SetEnvironmentVariable(PipelineBuilderOnnxExtensions.NerModelVariable, missing);
        try
        {
            var (code, _, err) = Run("entities", Article());
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains(missing, err);
        }
        finally { Environment.SetEnvironmentVariable(PipelineBuilderOnnxExtensions.NerModelVariable, old); }
    }

    [Fact]
    public void Brief_runs_with_the_model()
    {
        var model = TinyModels.WriteNer(Path.Combine(_dir, "model"));
        var outDir = Path.Combine(_dir, "report");
        var (code, _, err) = Run("brief", Article(), "--out", outDir, "--format", "json", "--ner-model", model, "--quiet");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("Kim Jong Un", File.ReadAllText(Path.Combine(outDir, "report.json")));
    }

    [Fact]
    public void Eval_onnx_ner_scores_a_conll_file()
    {
        var model = TinyModels.WriteNer(Path.Combine(_dir, "model"));
        var data = Path.Combine(_dir, "conll");
        Directory.CreateDirectory(data);
        // gold: Kim/PER Seoul/LOC Kremlin/ORG Moscow/ORG (the tiny model says LOC) Chang/PER (the model misses nothing else)
        File.WriteAllText(Path.Combine(data, "test.txt"),
            "-DOCSTART- O\n\nKim B-PER\nlives O\nin O\nSeoul B-LOC\n. O\n\nthe O\nKremlin I-ORG\nsaid O\n\n" +
            "-DOCSTART- O\n\nChang B-PER\nvisited O\nMoscow B-ORG\n\n");
        var (code, stdout, err) = Run("eval", "onnx-ner", "--ner-model", model, "--data", data);
        Assert.True(code == ExitCodes.Ok, err);
        var rows = stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(r => r.Length == 6).ToDictionary(r => r[0]);
        Assert.Equal(["2", "2", "1.0000", "1.0000", "1.0000"], rows["PER"][1..]);
        Assert.Equal(["2", "1", "1.0000", "0.5000", "0.6667"], rows["ORG"][1..]);
        Assert.Equal(["1", "2", "0.5000", "1.0000", "0.6667"], rows["LOC"][1..]);
        Assert.Equal(["5", "5", "0.8000", "0.8000", "0.8000"], rows["ALL"][1..]);
        // 11 words in 3 sentences, two tokens more per sentence for [CLS] and [SEP]: 17 tokens
        Assert.Contains("WordPiece tokens/s (1.55 per word", stdout);
    }
}
