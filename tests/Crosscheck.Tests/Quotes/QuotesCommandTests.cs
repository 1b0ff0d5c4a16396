using Crosscheck.Cli;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Quotes;

/// <summary><c>crosscheck quotes</c> in-process (console redirection is global, hence the collection).</summary>
[Collection("Console")]
public class QuotesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Crosscheck.Tests.Support.CliHarness.Run(args);

    /// <summary>Splits one CSV record (quoted fields may hold commas and doubled quotes).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(c);
        }
        fields.Add(cur.ToString());
        return fields;
    }

    [Fact]
    public void Csv_has_one_record_per_quote_whose_offsets_select_its_text_and_groups_variants()
    {
        var dir = Path.Combine(SharedData.SamplesDir, "refinery-strike");
        var (code, output, err) = Run("quotes", dir, "--format", "csv", "-q");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        Assert.Equal(["story", "id", "source", "file", "start", "end", "direct", "speaker", "speaker_entity", "cue", "group", "same_statement_as", "text"], header);
        var rows = lines.Skip(1).Select(Fields).ToList();
        Assert.True(rows.Count >= 15);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        foreach (var r in rows.Where(r => !r[3].EndsWith(".jsonl")))
        {
            var text = File.ReadAllText(Path.Combine(SharedData.RepoRoot, r[3]));
            Assert.Equal(r[12], text[int.Parse(r[4])..int.Parse(r[5])]);
        }
        // the line two outlets give to two different people is one statement group
        var bullied = rows.Where(r => r[12].Contains("bullied back to work")).ToList();
        Assert.Equal(2, bullied.Count);
        Assert.NotEqual("", bullied[0][10]);
        Assert.Equal(bullied[0][10], bullied[1][10]);
        Assert.NotEqual(bullied[0][7], bullied[1][7]);
    }

    [Fact]
    public void Table_puts_a_statement_s_variants_together_and_marks_another_attribution()
    {
        var (code, output, _) = Run("quotes", Path.Combine(SharedData.SamplesDir, "refinery-strike"), "-q");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        int first = Array.FindIndex(lines, l => l.Contains("bullied back to work"));
        Assert.True(first >= 0);
        Assert.Contains("bullied back to work", lines[first + 1]);
        Assert.StartsWith("      = ", lines[first + 1]);
        Assert.Contains("[attributed to", lines[first + 1]);
    }

    [Fact]
    public void Unknown_format_is_an_error()
    {
        var (code, _, err) = Run("quotes", Path.Combine(SharedData.SamplesDir, "refinery-strike"), "--format", "xml");
        Assert.NotEqual(0, code);
        Assert.Contains("xml", err);
    }
}

/// <summary><c>eval quotes --embed-model</c>: the statement matching also scored with an embedding similarity.</summary>
[Collection("Console")]
public class EvalQuotesEmbeddingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-evalq-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => Crosscheck.Tests.Support.CliHarness.Run(args);

    [Fact]
    public void A_model_adds_a_matching_line_and_a_bad_folder_is_an_error()
    {
        var model = Crosscheck.Tests.Onnx.TinyModels.WriteEmbedder(Path.Combine(_dir, "tiny-embed"));
        var (code, output, err) = Run("eval", "quotes", "--data", SharedData.SamplesDir, "--embed-model", model, "--similarity-threshold", "0.99");
        Assert.True(code == 0, err);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("statement matching"));
        var withModel = Assert.Single(lines, l => l.Contains("with onnx:tiny-embed at cosine 0.99"));
        Assert.Contains("P ", withModel);

        var (bad, _, badErr) = Run("eval", "quotes", "--data", SharedData.SamplesDir, "--embed-model", Path.Combine(_dir, "missing"));
        Assert.NotEqual(0, bad);
        Assert.Contains("missing", badErr);
    }
}
