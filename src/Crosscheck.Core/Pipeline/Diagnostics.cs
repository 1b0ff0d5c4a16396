namespace Crosscheck.Core.Pipeline;

public enum Severity { Info, Warning, Error }

/// <summary>A message for the user about one input: what is wrong with which file. Never a stack trace.</summary>
public sealed record InputDiagnostic(string File, Severity Severity, string Message)
{
    public override string ToString() => $"{File}: {(Severity == Severity.Error ? "error" : Severity == Severity.Warning ? "warning" : "note")}: {Message}";
}
