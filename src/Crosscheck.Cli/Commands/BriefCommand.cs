using System.CommandLine;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Render;
using Crosscheck.Core.Report;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck brief</c>: the main job, articles in, one cross-checked report out.</summary>
public static class BriefCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article files (.txt .md .html .htm .json .jsonl), folders holding them, or http(s) URLs of article pages.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder for report.json, report.md and report.html; '-' prints JSON to standard output.",
            DefaultValueFactory = _ => "crosscheck-report",
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats to write: json, md, html (repeat or comma-separate; default all three).",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxSize = new Option<long>("--max-file-size")
        {
            Description = "Skip input files larger than this many bytes (with an error naming them).",
            DefaultValueFactory = _ => new IngestOptions().MaxFileBytes,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display, only errors." };
        var nerModel = NerModelOption.Create();
        var embedModel = EmbedModelOption.Create();

        var command = new Command("brief", "Cross-check the given articles and write the story report (JSON, Markdown, self-contained HTML).")
        {
            inputs, output, format, maxSize, quiet, nerModel, embedModel,
        };
        command.SetAction(parse =>
        {
            var formats = (parse.GetValue(format) ?? [])
                .SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(f => f.ToLowerInvariant()).Distinct().ToList();
            var renderers = new List<IReportRenderer>();
            foreach (var f in formats)
                renderers.Add(ReportRenderers.For(f) ?? throw new CliException($"unknown format '{f}' (use json, md or html)"));
            if (renderers.Count == 0) renderers.AddRange(ReportRenderers.All);

            var outDir = parse.GetValue(output)!;
            var builder = new PipelineBuilder { Ingest = new IngestOptions { MaxFileBytes = parse.GetValue(maxSize) } }.UseDefaults();
            builder = NerModelOption.Apply(builder, parse.GetValue(nerModel));
            builder = EmbedModelOption.Apply(builder, parse.GetValue(embedModel));
            var toStdout = outDir == "-";
            var result = PipelineRunner.Run(parse.GetValue(inputs)!, builder, quiet: parse.GetValue(quiet) || toStdout);
            var report = ReportBuilder.Build(result.Stories, result.Diagnostics);

            if (toStdout)
            {
                new JsonReportRenderer().Render(report, Console.Out);
            }
            else
            {
                try { Directory.CreateDirectory(outDir); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"{outDir}: cannot create the output folder: {e.Message}"); }
                foreach (var r in renderers)
                {
                    var path = Path.Combine(outDir, r.FileName);
                    var tmp = path + ".tmp";
                    using (var w = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false))) r.Render(report, w);
                    File.Move(tmp, path, overwrite: true);
                    if (!PipelineRunner.Interactive || parse.GetValue(quiet)) continue;
                    Console.WriteLine($"wrote {path}");
                }
                if (PipelineRunner.Interactive && !parse.GetValue(quiet))
                    Console.WriteLine($"{report.Stories.Count} stor{(report.Stories.Count == 1 ? "y" : "ies")} from {report.Stories.Sum(s => s.Sources.Count)} sources" +
                        (result.AnySkipped ? $"; {result.Diagnostics.Count(d => d.Severity == Severity.Error)} input(s) skipped" : ""));
            }
            if (report.Stories.Count == 0 && !result.AnySkipped) Console.Error.WriteLine("crosscheck: no articles found in the given inputs");
            return result.AnySkipped ? ExitCodes.SomeInputsSkipped : report.Stories.Count == 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
