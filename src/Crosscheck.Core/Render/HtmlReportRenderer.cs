using System.Net;
using Crosscheck.Core.Report;

namespace Crosscheck.Core.Render;

/// <summary>
/// The report as one self-contained HTML file (inline style and script, no server, no network). Every piece of article
/// text is HTML-encoded. Each citation links to the paragraph of the source it came from and, with scripting on,
/// highlights the exact characters.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    public string Format => "html";
    public string FileName => "report.html";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public void Render(CrosscheckReport report, TextWriter w)
    {
        var title = report.Stories.Count == 1 ? report.Stories[0].Title : $"{report.Stories.Count} stories";
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">");
        w.WriteLine($"<title>Crosscheck: {E(title)}</title>");
        w.WriteLine($"<style>{Css}</style></head><body>");
        w.WriteLine($"<header><h1>Crosscheck report</h1><p>{report.Stories.Count} stor{(report.Stories.Count == 1 ? "y" : "ies")} from {report.Stories.Sum(s => s.Sources.Count)} sources.</p>");
        if (report.Diagnostics.Count > 0)
        {
            w.WriteLine("<div class=\"diagnostics\"><strong>Inputs skipped or read with a warning</strong><ul>");
            foreach (var d in report.Diagnostics) w.WriteLine($"<li><code>{E(d.File)}</code>: {E(d.Severity)}: {E(d.Message)}</li>");
            w.WriteLine("</ul></div>");
        }
        w.WriteLine("</header><main>");
        foreach (var story in report.Stories) RenderStory(new StoryView(story), w);
        w.WriteLine("</main>");
        w.WriteLine($"<script>{Script}</script>");
        w.WriteLine("</body></html>");
    }

    private static void RenderStory(StoryView v, TextWriter w)
    {
        var s = v.Story;
        string P(string id) => $"{s.Id}-{id}";
        string Cite(string source, int start, int end, string? label = null)
        {
            var para = v.Sources.TryGetValue(source, out var src) ? src.Paragraphs.ToList().FindIndex(p => start >= p.Start && start < p.End) : -1;
            var href = para >= 0 ? $"{P(source)}-p{para}" : P(source);
            return $"<a class=\"cite\" href=\"#{E(href)}\" data-src=\"{E(P(source))}\" data-start=\"{start}\" data-end=\"{end}\" title=\"{E(v.SourceLabel(source))}, characters {start}–{end}\">{E(label ?? source)}</a>";
        }
        string Sources(IEnumerable<string> ids) => string.Join(" ", ids.Select(id => $"<span class=\"src\" title=\"{E(v.SourceLabel(id))}\">{E(id)}</span>"));

        w.WriteLine($"<section class=\"story\" id=\"{E(s.Id)}\"><h2>{E(s.Title)}</h2>");
        w.WriteLine($"<p class=\"counts\">{s.Sources.Count} sources · {s.Entities.Count} entities · {s.Quotes.Count} quotes · {s.Claims.Count} claims · {s.Discrepancies.Count} discrepancies · {s.Timeline.Count} timeline entries</p>");

        w.WriteLine("<h3>Summary</h3>");
        if (s.Summary.Count == 0) w.WriteLine("<p class=\"none\">No claim is supported by enough sources for a summary.</p>");
        else
        {
            w.WriteLine("<ul class=\"summary\">");
            foreach (var b in s.Summary)
            {
                // a sentence cites the claims of its own sources (an update's earlier reports and a dispute's other values
                // are in the discrepancy it points to)
                var cites = b.Claims.Where(v.Claims.ContainsKey).Select(c => v.Claims[c]).Where(c => b.Sources.Count == 0 || b.Sources.Contains(c.Source))
                    .Select(c => Cite(c.Source, c.Start, c.End));
                w.WriteLine($"<li{(b.Disputed ? " class=\"disputed\"" : "")}>{(b.Disputed ? "<strong>Disputed:</strong> " : "")}{E(b.Text)} {string.Join(" ", cites)}</li>");
            }
            w.WriteLine("</ul>");
        }

        w.WriteLine("<h3>Discrepancies</h3>");
        if (s.Discrepancies.Count == 0) w.WriteLine("<p class=\"none\">None found.</p>");
        foreach (var d in s.Discrepancies)
        {
            w.WriteLine($"<div class=\"discrepancy {(d.IsUpdate ? "update" : E(d.Kind))}\"><h4>{E(d.About)} <span class=\"kind\">{(d.IsUpdate ? "update" : E(d.Kind))}{(d.SameDocument ? " · one source states more than one value" : "")}</span></h4><ul>");
            foreach (var val in d.Values)
            {
                var ev = string.Join(" ", val.Evidence.Select(m => Cite(m.Source, m.Start, m.End)));
                var quote = val.Evidence.FirstOrDefault()?.Text is { } t ? $" <q>{E(RenderText.Shorten(t, 160))}</q>" : "";
                w.WriteLine($"<li><span class=\"value\">{E(val.Value)}</span> in {Sources(val.Sources)}{quote} {ev}</li>");
            }
            w.WriteLine($"</ul><p class=\"resolution\">{(d.Resolution is { } r ? "Resolution: " + E(r) : "Unresolved.")}</p></div>");
        }

        w.WriteLine("<h3>Timeline</h3>");
        if (s.Timeline.Count == 0) w.WriteLine("<p class=\"none\">No dated events found.</p>");
        else
        {
            w.WriteLine("<table class=\"timeline\"><thead><tr><th>date</th><th>what</th><th>as written</th><th>sources</th></tr></thead><tbody>");
            foreach (var t in s.Timeline)
                w.WriteLine($"<tr><td class=\"date\">{E(t.Date)}{(t.Modifier is { } m ? $" <small>({E(m.ToLowerInvariant())})</small>" : "")}</td><td>{E(t.What)}</td><td>{Cite(t.Source, t.Start, t.End, "\u201c" + t.Phrase + "\u201d")}</td><td>{Sources(t.Sources)}</td></tr>");
            w.WriteLine("</tbody></table>");
        }

        w.WriteLine("<h3>Quotes by speaker</h3>");
        if (s.Quotes.Count == 0) w.WriteLine("<p class=\"none\">No quotes found.</p>");
        foreach (var (speaker, statements) in v.QuotesBySpeaker())
        {
            w.WriteLine($"<div class=\"speaker\"><h4>{E(speaker)}</h4>");
            foreach (var statement in statements)
            {
                w.WriteLine("<div class=\"statement\">");
                foreach (var q in statement)
                {
                    var other = v.SpeakerLabel(q) != speaker ? $" <em>(attributed to {E(v.SpeakerLabel(q))})</em>" : "";
                    w.WriteLine($"<blockquote class=\"{(q.Direct ? "direct" : "indirect")}\">{(q.Direct ? "" : "<span class=\"tag\">paraphrase</span> ")}{E(q.Text)} {Cite(q.Source, q.Start, q.End)}{other}</blockquote>");
                }
                w.WriteLine("</div>");
            }
            w.WriteLine("</div>");
        }

        w.WriteLine("<h3>Entities</h3>");
        if (s.Entities.Count == 0) w.WriteLine("<p class=\"none\">No entities found.</p>");
        else
        {
            w.WriteLine("<table class=\"entities\"><thead><tr><th>entity</th><th>type</th><th>also written</th><th>roles</th><th>mentions</th><th>sources</th></tr></thead><tbody>");
            foreach (var e in s.Entities.OrderByDescending(e => e.Mentions.Count).ThenBy(e => e.Id, IdComparer.Instance))
            {
                var first = e.Mentions.FirstOrDefault();
                var name = first is null ? E(e.Name) : Cite(first.Source, first.Start, first.End, e.Name);
                w.WriteLine($"<tr><td>{name}</td><td>{E(e.Type)}</td><td>{E(string.Join("; ", e.Aliases))}</td><td>{E(string.Join("; ", e.Roles))}</td><td>{e.Mentions.Count}</td><td>{Sources(e.Mentions.Select(m => m.Source).Distinct().Order(IdComparer.Instance))}</td></tr>");
            }
            w.WriteLine("</tbody></table>");
        }

        w.WriteLine("<h3>Coverage: which source carries which claim</h3>");
        var rows = v.Coverage();
        if (rows.Count == 0) w.WriteLine("<p class=\"none\">No claims found.</p>");
        else
        {
            w.WriteLine("<table class=\"coverage\"><thead><tr><th>claim</th>");
            foreach (var src in s.Sources) w.WriteLine($"<th title=\"{E(v.SourceLabel(src.Id))}\">{E(src.Id)}</th>");
            w.WriteLine("</tr></thead><tbody>");
            foreach (var row in rows)
            {
                w.Write($"<tr><td>{E(RenderText.Shorten(row.Representative.Text, 180))} {Cite(row.Representative.Source, row.Representative.Start, row.Representative.End)}</td>");
                foreach (var src in s.Sources)
                {
                    var cell = row.Cells[src.Id];
                    var claim = row.Claims.FirstOrDefault(c => c.Source == src.Id);
                    w.Write(cell switch
                    {
                        StoryView.Coverage_.Carries when claim is not null => $"<td class=\"carries\">{Cite(claim.Source, claim.Start, claim.End, "✔")}</td>",
                        StoryView.Coverage_.Contradicts => "<td class=\"contradicts\">✘</td>",
                        _ => "<td class=\"silent\"></td>",
                    });
                }
                w.WriteLine("</tr>");
            }
            w.WriteLine("</tbody></table><p class=\"legend\">✔ carries · ✘ contradicts · blank: silent</p>");
        }

        if (s.Framing.Count > 0)
        {
            w.WriteLine("<h3>Framing and what only one source reports</h3>");
            foreach (var f in s.Framing)
            {
                w.WriteLine($"<div class=\"framing\"><h4>{E(v.SourceLabel(f.Source))}{(f.HeadlineVerb is { } hv ? $" <span class=\"kind\">headline verb: {E(hv)}</span>" : "")}</h4><ul>");
                if (f.LoadedWords.Count > 0) w.WriteLine($"<li>loaded words: {E(string.Join(", ", f.LoadedWords))}</li>");
                if (f.HedgingWords.Count > 0) w.WriteLine($"<li>hedging: {E(string.Join(", ", f.HedgingWords))}</li>");
                var copies = E(MarkdownReportRenderer.CopiesOf(s, f.Source));
                foreach (var c in f.ExclusiveClaims.Where(v.Claims.ContainsKey))
                    w.WriteLine($"<li>only here{copies}: {E(RenderText.Shorten(v.Claims[c].Text, 220))} {Cite(v.Claims[c].Source, v.Claims[c].Start, v.Claims[c].End)}</li>");
                w.WriteLine("</ul></div>");
            }
        }

        w.WriteLine("<h3>Sources</h3>");
        foreach (var src in s.Sources)
        {
            var date = src.Published is null ? "date unknown" : src.PublishedInferred ? $"{src.Published} (inferred{(src.PublishedConfidence is { } c ? $", confidence {c:0.00}" : "")})" : src.Published;
            w.WriteLine($"<article class=\"source\" id=\"{E(P(src.Id))}\"><h4><span class=\"src\">{E(src.Id)}</span> {E(src.Title ?? "(untitled)")}{(src.TitleInferred ? " <small>(title inferred)</small>" : "")}</h4>");
            w.WriteLine($"<p class=\"meta\">{E(src.Outlet ?? "outlet unknown")} · {E(date)} · <code>{E(src.File)}</code>{(src.Url is { } u ? $" · {E(u)}" : "")}</p>");
            if (src.PublishedEvidence.Count > 0)
                w.WriteLine($"<details><summary>date evidence</summary><ul>{string.Concat(src.PublishedEvidence.Select(e => $"<li>{E(e)}</li>"))}</ul></details>");
            for (int i = 0; i < src.Paragraphs.Count; i++)
            {
                var p = src.Paragraphs[i];
                w.WriteLine($"<p class=\"para {E(p.Kind)}\" id=\"{E(P(src.Id))}-p{i}\" data-start=\"{p.Start}\" data-end=\"{p.End}\">{E(p.Text)}</p>");
            }
            if (src.Removed.Count > 0) w.WriteLine($"<p class=\"removed\">{src.Removed.Count} clutter span(s) removed: {E(string.Join(", ", src.Removed.Select(r => r.Reason).Distinct()))}.</p>");
            w.WriteLine("</article>");
        }
        w.WriteLine("</section>");
    }

    private const string Css = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 1.2em 4em;color:#1d1d1f;background:#fff}
h1{font-size:1.5em;margin:.8em 0 .2em}h2{font-size:1.35em;border-bottom:2px solid #333;padding-bottom:.2em;margin-top:1.6em}
h3{font-size:1.1em;margin-top:1.8em;color:#333}h4{margin:.6em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f6}.coverage td.carries,.coverage td.contradicts,.coverage td.silent{text-align:center;width:3em}
.contradicts{background:#fde2e2}.carries{background:#e6f4ea}
.discrepancy{border-left:4px solid #c62828;padding:.2em .8em;margin:.6em 0;background:#fff8f8}.discrepancy.update{border-color:#1565c0;background:#f5f9ff}
.kind{font-weight:normal;font-size:.85em;color:#666;margin-left:.5em}.value{font-weight:bold;font-family:ui-monospace,monospace}
.resolution{margin:.2em 0;color:#2e7d32}.none{color:#777}.counts{color:#555}
blockquote{margin:.3em 0 .3em 1em;padding:.2em .8em;border-left:3px solid #bbb}.statement{margin:.4em 0 .8em;padding-left:.4em;border-left:2px dotted #ccc}
.tag{font-size:.8em;background:#eee;padding:0 .3em;border-radius:3px}
a.cite{font-size:.78em;text-decoration:none;background:#eef;border-radius:3px;padding:0 .25em;margin-left:.15em;white-space:nowrap}
.src{font-size:.8em;background:#f0f0f0;border-radius:3px;padding:0 .3em}
.source{border:1px solid #e3e3e3;border-radius:6px;padding:.2em 1em;margin:1em 0}.meta{color:#666;font-size:.9em}
.para.title{font-weight:bold}.removed{color:#888;font-size:.85em}mark{background:#ffe066}.para:target{outline:2px solid #ffe066}
.diagnostics{background:#fff4e5;border:1px solid #f0c36d;padding:.4em 1em;border-radius:4px}.disputed{color:#8a4b00}
""";

    // Highlights the cited characters inside the target paragraph; built from DOM text nodes, never from markup strings.
    private const string Script = """
document.addEventListener('click',function(ev){var a=ev.target.closest('a.cite');if(!a)return;
var start=+a.dataset.start,end=+a.dataset.end,src=document.getElementById(a.dataset.src);if(!src)return;
document.querySelectorAll('mark.cc').forEach(function(m){var p=m.parentNode;p.replaceChild(document.createTextNode(m.textContent),m);p.normalize();});
var paras=src.querySelectorAll('p.para');for(var i=0;i<paras.length;i++){var p=paras[i],ps=+p.dataset.start,pe=+p.dataset.end;
if(end<=ps||start>=pe)continue;var t=p.textContent,a0=Math.max(0,start-ps),a1=Math.min(t.length,end-ps);
p.textContent='';p.appendChild(document.createTextNode(t.slice(0,a0)));var m=document.createElement('mark');m.className='cc';m.textContent=t.slice(a0,a1);
p.appendChild(m);p.appendChild(document.createTextNode(t.slice(a1)));if(ps<=start)m.scrollIntoView({block:'center'});}
ev.preventDefault();});
""";
}
