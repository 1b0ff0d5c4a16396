using System.Text;
using Crosscheck.Core.Report;

namespace Crosscheck.Core.Render;

/// <summary>The report for a person, as Markdown. Article text is escaped so that it cannot inject markup or HTML.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    public string Format => "md";
    public string FileName => "report.md";

    public void Render(CrosscheckReport report, TextWriter w)
    {
        w.WriteLine("# Crosscheck report");
        w.WriteLine();
        w.WriteLine($"{report.Stories.Count} stor{(report.Stories.Count == 1 ? "y" : "ies")} from {report.Stories.Sum(s => s.Sources.Count)} sources.");
        if (report.Diagnostics.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("**Inputs skipped or read with a warning**");
            w.WriteLine();
            foreach (var d in report.Diagnostics) w.WriteLine($"- {Esc(d.File)}: {d.Severity}: {Esc(d.Message)}");
        }
        foreach (var story in report.Stories) RenderStory(new StoryView(story), w);
    }

    /// <summary>" (and its copies s2, s3)" for a source whose story other sources re-publish; else empty.</summary>
    internal static string CopiesOf(Crosscheck.Core.Report.StoryReport s, string source)
    {
        var group = s.SharedOrigins.FirstOrDefault(g => g.Contains(source));
        if (group is null) return "";
        var others = group.Where(x => x != source).ToList();
        return others.Count == 0 ? "" : $" (and its {(others.Count == 1 ? "copy" : "copies")} {string.Join(", ", others)})";
    }

    private static void RenderStory(StoryView v, TextWriter w)
    {
        var s = v.Story;
        w.WriteLine();
        w.WriteLine($"## {Esc(s.Title)}");
        w.WriteLine();
        w.WriteLine($"*{s.Sources.Count} sources · {s.Entities.Count} entities · {s.Quotes.Count} quotes · {s.Claims.Count} claims · {s.Discrepancies.Count} discrepancies · {s.Timeline.Count} timeline entries*");

        w.WriteLine();
        w.WriteLine("### Summary");
        w.WriteLine();
        if (s.Summary.Count == 0) w.WriteLine("No claim is supported by enough sources for a summary.");
        foreach (var b in s.Summary)
            w.WriteLine($"- {(b.Disputed ? "**Disputed:** " : "")}{Esc(b.Text)} [{string.Join(", ", b.Sources.Select(v.SourceLabel).Select(Esc))}]");

        w.WriteLine();
        w.WriteLine("### Discrepancies");
        w.WriteLine();
        if (s.Discrepancies.Count == 0) w.WriteLine("None found.");
        foreach (var d in s.Discrepancies)
        {
            var label = d.IsUpdate ? "update" : d.Kind;
            w.WriteLine($"- **{Esc(d.About)}** ({label}{(d.SameDocument ? ", one source states more than one value" : "")})");
            foreach (var val in d.Values)
            {
                var evidence = val.Evidence.Count > 0 ? $" — \u201c{Esc(Trim(val.Evidence[0].Text ?? "", 120))}\u201d" : "";
                w.WriteLine($"  - `{Esc(val.Value)}` in {string.Join(", ", val.Sources.Select(v.SourceLabel).Select(Esc))}{evidence}");
            }
            w.WriteLine(d.Resolution is { } r ? $"  - Resolution: {Esc(r)}" : "  - Unresolved.");
        }

        w.WriteLine();
        w.WriteLine("### Timeline");
        w.WriteLine();
        if (s.Timeline.Count == 0) w.WriteLine("No dated events found.");
        foreach (var t in s.Timeline)
            w.WriteLine($"- **{t.Date}**{(t.Modifier is { } m ? $" ({m.ToLowerInvariant()})" : "")} — {Esc(t.What)} (\u201c{Esc(t.Phrase)}\u201d; {string.Join(", ", t.Sources.Select(v.SourceLabel).Select(Esc))})");

        w.WriteLine();
        w.WriteLine("### Quotes by speaker");
        if (s.Quotes.Count == 0) { w.WriteLine(); w.WriteLine("No quotes found."); }
        foreach (var (speaker, statements) in v.QuotesBySpeaker())
        {
            w.WriteLine();
            w.WriteLine($"**{Esc(speaker)}**");
            w.WriteLine();
            foreach (var statement in statements)
            {
                var first = statement[0];
                w.WriteLine($"- {(first.Direct ? "\u201c" + Esc(first.Text) + "\u201d" : "(paraphrase) " + Esc(first.Text))} — {Esc(v.SourceLabel(first.Source))}");
                foreach (var other in statement.Skip(1))
                    w.WriteLine($"  - same statement: {(other.Direct ? "\u201c" + Esc(other.Text) + "\u201d" : "(paraphrase) " + Esc(other.Text))} — {Esc(v.SourceLabel(other.Source))}" +
                        (v.SpeakerLabel(other) != speaker ? $" (attributed to {Esc(v.SpeakerLabel(other))})" : ""));
            }
        }

        w.WriteLine();
        w.WriteLine("### Entities");
        w.WriteLine();
        if (s.Entities.Count == 0) w.WriteLine("No entities found.");
        else
        {
            w.WriteLine("| entity | type | also written | roles | mentions | sources |");
            w.WriteLine("|---|---|---|---|---|---|");
            foreach (var e in s.Entities.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Id, IdComparer.Instance))
                w.WriteLine($"| {Cell(e.Name)} | {e.Type} | {Cell(string.Join("; ", e.Aliases))} | {Cell(string.Join("; ", e.Roles))} | {e.Mentions.Count} | {string.Join(" ", e.Mentions.Select(m => m.Source).Distinct().Order(IdComparer.Instance))} |");
        }

        w.WriteLine();
        w.WriteLine("### Coverage: which source carries which claim");
        w.WriteLine();
        var rows = v.Coverage();
        if (rows.Count == 0) w.WriteLine("No claims found.");
        else
        {
            w.WriteLine("✔ carries · ✘ contradicts · blank: silent");
            w.WriteLine();
            w.WriteLine($"| claim | {string.Join(" | ", s.Sources.Select(x => x.Id))} |");
            w.WriteLine($"|---|{string.Concat(s.Sources.Select(_ => "---|"))}");
            foreach (var row in rows)
                w.WriteLine($"| {Cell(Trim(row.Representative.Text, 140))} | {string.Join(" | ", s.Sources.Select(x => row.Cells[x.Id] switch { StoryView.Coverage_.Carries => "✔", StoryView.Coverage_.Contradicts => "✘", _ => "" }))} |");
        }

        if (s.Framing.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Framing and what only one source reports");
            foreach (var f in s.Framing)
            {
                w.WriteLine();
                w.WriteLine($"**{Esc(v.SourceLabel(f.Source))}**{(f.HeadlineVerb is { } hv ? $" — headline verb: *{Esc(hv)}*" : "")}");
                if (f.LoadedWords.Count > 0) w.WriteLine($"- loaded words: {Esc(string.Join(", ", f.LoadedWords))}");
                if (f.HedgingWords.Count > 0) w.WriteLine($"- hedging: {Esc(string.Join(", ", f.HedgingWords))}");
                var copies = CopiesOf(s, f.Source);
                foreach (var c in f.ExclusiveClaims.Where(v.Claims.ContainsKey))
                    w.WriteLine($"- only here{copies}: {Esc(Trim(v.Claims[c].Text, 200))}");
            }
        }

        w.WriteLine();
        w.WriteLine("### Sources");
        w.WriteLine();
        foreach (var src in s.Sources)
        {
            var date = src.Published is null ? "date unknown" : src.PublishedInferred ? $"{src.Published} (inferred{(src.PublishedConfidence is { } c ? $", confidence {c:0.00}" : "")})" : src.Published;
            w.WriteLine($"- **{src.Id}** {Esc(src.Title ?? "(untitled)")}{(src.TitleInferred ? " *(title inferred)*" : "")} — {Esc(src.Outlet ?? "outlet unknown")}, {date}; file `{Esc(src.File)}`");
            foreach (var ev in src.PublishedEvidence.Take(3)) w.WriteLine($"  - date evidence: {Esc(ev)}");
        }
    }

    private static string Trim(string s, int max) => RenderText.Shorten(s, max);

    /// <summary>Escapes Markdown and HTML syntax in untrusted text.</summary>
    public static string Esc(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 8);
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~':
                    sb.Append('\\').Append(ch); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    private static string Cell(string s) => Esc(s);
}
