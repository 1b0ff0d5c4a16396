using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Clean;

/// <summary>
/// Names the outlet of a document whose metadata gives none, from its dateline: the opening of the first paragraph
/// in the wire form "PLACE, Region (Outlet) —" ("KESTRAVA, Veldoria (Ostrel Press) — Election officials ...").
/// The outlet is marked inferred and carries the span it was read from; a stated outlet is never replaced.
/// </summary>
public sealed partial class OutletInference : IDocumentAnnotator
{
    public string Name => "outlet";

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L}\p{M} .'’-]{1,40})?\s*\((?<outlet>\p{Lu}[\p{L}\p{M}&.'’ -]{1,40})\)\s*[—–-]{1,2}\s")]
    private static partial Regex Dateline();

    public Document Annotate(Document document)
    {
        if (!string.IsNullOrWhiteSpace(document.Source.Outlet) || document.Clean is not { } clean) return document;
        foreach (var block in clean.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Take(2))
        {
            var text = document.Slice(block.Span);
            var m = Dateline().Match(text);
            if (!m.Success) continue;
            var g = m.Groups["outlet"];
            var outlet = g.Value.Trim();
            if (outlet.Length < 2 || outlet.Any(char.IsDigit)) continue;
            var span = new TextSpan(block.Span.Start + g.Index, block.Span.Start + g.Index + g.Length);
            return document with { Source = document.Source with { Outlet = outlet, OutletInferred = true, OutletSpan = span } };
        }
        return document;
    }
}
