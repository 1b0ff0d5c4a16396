namespace Crosscheck.Tests.Browser;

/// <summary>Where the browser tests find Chromium: $CROSSCHECK_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
public static class Chromium
{
    public static string? Path { get; } = Locate();

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("CROSSCHECK_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    public const string SkipReason = "Chromium is not installed (apt-get install -y chromium, or set CROSSCHECK_CHROMIUM); .ci/run installs it";
}

/// <summary>A fact that drives a real browser: skipped with a clear message when Chromium is absent.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() { if (Chromium.Path is null) Skip = Chromium.SkipReason; }
}
