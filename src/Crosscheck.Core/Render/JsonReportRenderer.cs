using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crosscheck.Core.Report;

namespace Crosscheck.Core.Render;

public sealed class JsonReportRenderer : IReportRenderer
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Readable Unicode in the file; JSON is not HTML, and the HTML renderer escapes on its own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string Format => "json";
    public string FileName => "report.json";

    public void Render(CrosscheckReport report, TextWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(report, Options));
        writer.WriteLine();
    }

    public static CrosscheckReport? Parse(string json) => JsonSerializer.Deserialize<CrosscheckReport>(json, Options);
}
