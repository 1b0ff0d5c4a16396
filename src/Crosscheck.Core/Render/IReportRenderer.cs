using Crosscheck.Core.Report;

namespace Crosscheck.Core.Render;

/// <summary>Writes a report in one format. Renderers read the report contract only, so all formats say the same.</summary>
public interface IReportRenderer
{
    /// <summary>"json", "md" or "html".</summary>
    string Format { get; }
    string FileName { get; }
    void Render(CrosscheckReport report, TextWriter writer);
}

public static class ReportRenderers
{
    public static IReadOnlyList<IReportRenderer> All { get; } = [new JsonReportRenderer(), new MarkdownReportRenderer(), new HtmlReportRenderer()];

    public static IReportRenderer? For(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    public static string RenderToString(this IReportRenderer renderer, CrosscheckReport report)
    {
        using var sw = new StringWriter();
        renderer.Render(report, sw);
        return sw.ToString();
    }
}
