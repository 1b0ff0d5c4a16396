using System.Text;
using Crosscheck.Cli;
using Crosscheck.Core.Render;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Cli;

/// <summary>Runs the command line in-process. Console redirection is global, so these tests do not run in parallel.</summary>
[Collection("Console")]
public class BriefCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => Crosscheck.Tests.Support.CliHarness.Run(args);

    [Fact]
    public void Brief_writes_all_three_formats()
    {
        var outDir = Path.Combine(_dir, "out");
        var (code, _, err) = Run("brief", Path.Combine(SharedData.SamplesDir, "refinery-strike"), "--out", outDir);
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var report = JsonReportRenderer.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")))!;
        Assert.Equal(4, report.Stories.Sum(s => s.Sources.Count));
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.StartsWith("# Crosscheck report", File.ReadAllText(Path.Combine(outDir, "report.md")));
    }

    [Fact]
    public void Out_dash_prints_json_only_to_stdout()
    {
        var (code, stdout, _) = Run("brief", Path.Combine(SharedData.SamplesDir, "ferry-capsize"), "--out", "-");
        Assert.Equal(0, code);
        var report = JsonReportRenderer.Parse(stdout)!;
        Assert.Equal("1", report.SchemaVersion);
    }

    [Fact]
    public void Format_option_limits_the_outputs()
    {
        var outDir = Path.Combine(_dir, "md");
        var (code, _, _) = Run("brief", Path.Combine(SharedData.SamplesDir, "ferry-capsize"), "--out", outDir, "--format", "md");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
        Assert.False(File.Exists(Path.Combine(outDir, "report.json")));
    }

    [Fact]
    public void Unknown_format_is_a_one_line_error()
    {
        var (code, _, err) = Run("brief", SharedData.SamplesDir, "--out", Path.Combine(_dir, "x"), "--format", "pdf");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("crosscheck: unknown format 'pdf' (use json, md or html)", err.Trim());
    }

    [Fact]
    public void Bad_inputs_are_named_skipped_and_signalled_by_the_exit_code()
    {
        var good = Path.Combine(_dir, "good.txt");
        File.Copy(Path.Combine(SharedData.SamplesDir, "ferry-capsize", "02-coastline-wire.txt"), good);
        File.WriteAllBytes(Path.Combine(_dir, "empty.txt"), []);
        var missing = Path.Combine(_dir, "missing.txt");
        var (code, stdout, err) = Run("brief", good, Path.Combine(_dir, "empty.txt"), missing, "--out", "-");
        Assert.Equal(ExitCodes.SomeInputsSkipped, code);
        Assert.Contains("empty.txt", err);
        Assert.Contains("missing.txt", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        var report = JsonReportRenderer.Parse(stdout)!;
        Assert.Equal(1, report.Stories.Sum(s => s.Sources.Count));
        Assert.Equal(2, report.Diagnostics.Count(d => d.Severity == "error"));
    }

    [Fact]
    public void Help_explains_the_brief_options()
    {
        var (code, stdout, _) = Run("brief", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--out", "--format", "--max-file-size", "--quiet" }) Assert.Contains(option, stdout);
    }
}
