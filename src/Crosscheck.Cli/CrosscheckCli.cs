using System.CommandLine;
using Crosscheck.Cli.Commands;
using Crosscheck.Cli.Commands.Eval;

namespace Crosscheck.Cli;

/// <summary>The command tree. Each command lives in its own file under Commands/.</summary>
public static class CrosscheckCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Crosscheck: lines up news reports of one story and returns one cross-checked account, every fact traced to its source characters.");
        root.Add(BriefCommand.Create());
        root.Add(EntitiesCommand.Create());
        root.Add(QuotesCommand.Create());
        root.Add(TrainCommand.Create());
        var eval = new Command("eval", "Measure a stage on real data and print its figures.");
        eval.Add(EvalNerCommand.Create());
        eval.Add(EvalOnnxNerCommand.Create());
        eval.Add(EvalMergesCommand.Create());
        eval.Add(EvalTimeCommand.Create());
        eval.Add(EvalQuotesCommand.Create());
        eval.Add(EvalClaimsCommand.Create());
        eval.Add(EvalExtractCommand.Create());
        eval.Add(EvalCleanCommand.Create());
        root.Add(eval);
        return root;
    }

    public static int Run(string[] args)
    {
        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = Console.Out, Error = Console.Error };
            return CreateRoot().Parse(args).Invoke(config);
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"crosscheck: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    /// <summary>The run finished, but some inputs were skipped (each named on standard error).</summary>
    public const int SomeInputsSkipped = 3;
}

/// <summary>A user's mistake, reported as one line without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
