namespace Crosscheck.Tests.Support;

/// <summary>Finds ../shared (seeds and public evaluation data) beside the checkout. Tests that need it skip when it is absent.</summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Dir { get; } = Locate();

    public static bool Available => Dir is not null;

    public static string SeedsDir => Path.Combine(Dir ?? throw new InvalidOperationException("../shared is absent"), "seeds");
    public static string EvalDir => Path.Combine(Dir ?? throw new InvalidOperationException("../shared is absent"), "eval");

    public const string SkipReason = "../shared (seeds and evaluation data) is absent beside the checkout; set CROSSCHECK_SHARED to its path to run this test.";

    public static string SamplesDir => Path.Combine(RepoRoot, "samples");

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "seeds"))) return Path.GetFullPath(env);
        var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(candidate, "seeds")) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Crosscheck.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared: skipped with a clear message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute() { if (!SharedData.Available) Skip = SharedData.SkipReason; }
}

/// <summary>A theory that needs ../shared: skipped with a clear message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute() { if (!SharedData.Available) Skip = SharedData.SkipReason; }
}
