using Crosscheck.Core.Ingest;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Render;
using Crosscheck.Core.Report;
using NJsonSchema;

namespace Crosscheck.Tests.Support;

/// <summary>Runs the default pipeline on paths and checks a report against the contract: schema and exact spans.</summary>
public static class ReportChecks
{
    public static (CrosscheckReport Report, PipelineResult Result) Brief(params string[] paths)
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run(paths);
        return (ReportBuilder.Build(result.Stories, result.Diagnostics), result);
    }

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "report.schema.json"))).GetAwaiter().GetResult());

    /// <summary>Schema errors of the report's JSON, as readable lines.</summary>
    public static IReadOnlyList<string> SchemaErrors(CrosscheckReport report) =>
        Schema.Value.Validate(new JsonReportRenderer().RenderToString(report)).Select(e => $"{e.Path}: {e.Kind}").ToList();

    /// <summary>Every span of the report that does not select exactly the text its record names.</summary>
    public static IReadOnlyList<string> BadSpans(CrosscheckReport report, PipelineResult result)
    {
        var bad = new List<string>();
        foreach (var (story, checkedStory) in report.Stories.Zip(result.Stories))
        {
            var texts = checkedStory.Documents.ToDictionary(d => d.Id, d => d.Text);
            void Check(string kind, string source, int start, int end, string? want)
            {
                if (!texts.TryGetValue(source, out var t)) { bad.Add($"{kind}: unknown source {source}"); return; }
                if (start < 0 || end > t.Length || start >= end) { bad.Add($"{kind}: {source} {start}-{end} out of range"); return; }
                if (want is not null && t[start..end] != want) bad.Add($"{kind}: {source} {start}-{end} selects '{t[start..end]}', not '{want}'");
            }
            foreach (var q in story.Quotes) Check("quote", q.Source, q.Start, q.End, q.Text);
            foreach (var c in story.Claims) Check("claim", c.Source, c.Start, c.End, c.Text);
            foreach (var t in story.Timeline) Check("timeline", t.Source, t.Start, t.End, t.Phrase);
            foreach (var e in story.Entities) foreach (var m in e.Mentions) Check("mention", m.Source, m.Start, m.End, m.Text);
            foreach (var d in story.Discrepancies) foreach (var v in d.Values) foreach (var m in v.Evidence) Check("evidence", m.Source, m.Start, m.End, m.Text);
            foreach (var s in story.Sources) foreach (var p in s.Paragraphs) Check("paragraph", s.Id, p.Start, p.End, p.Text);
            foreach (var s in story.Sources.Where(s => s.OutletInferred)) Check("outlet", s.Id, s.OutletStart ?? -1, s.OutletEnd ?? -1, s.Outlet);
        }
        return bad;
    }

    /// <summary>Re-reads a source as the ingest stage does, to check spans against the text as read (not the pipeline's copy).</summary>
    public static string TextAsRead(string file) => new ArticleReader(new IngestOptions()).Read([file]).Documents[0].Text;
}
