using Crosscheck.Core.Pipeline;
using Spectre.Console;

namespace Crosscheck.Cli.Commands;

/// <summary>Runs the pipeline for a command: progress on a terminal, one line per skipped input on standard error.</summary>
public static class PipelineRunner
{
    public static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    public static PipelineResult Run(IReadOnlyList<string> paths, PipelineBuilder builder, bool quiet = false)
    {
        var pipeline = builder.Build();
        PipelineResult result;
        if (Interactive && !quiet)
        {
            result = null!;
            AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .Start(ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    pipeline.Progress += (stage, done, total) =>
                    {
                        lock (tasks)
                        {
                            if (!tasks.TryGetValue(stage, out var t)) tasks[stage] = t = ctx.AddTask(stage, maxValue: Math.Max(total, 1));
                            t.Value = done;
                        }
                    };
                    result = pipeline.Run(paths);
                });
        }
        else result = pipeline.Run(paths);
        foreach (var d in result.Diagnostics) Console.Error.WriteLine(d.ToString());
        return result;
    }
}
