using Crosscheck.Cli;

namespace Crosscheck.Tests.Support;

/// <summary>
/// Runs the command line in-process and captures what it prints. Console redirection is global, so every test class
/// that uses it belongs to the "Console" collection (xunit runs a collection's tests one at a time).
/// </summary>
public static class CliHarness
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o); Console.SetError(e);
        try { return (CrosscheckCli.Run(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
