using System.CommandLine;
using System.Text;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Cli.Commands;

/// <summary><c>crosscheck quotes</c>: the quote table (who said what, where, and the same statement elsewhere) as text or CSV.</summary>
public static class QuotesCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article files (.txt .md .html .htm .json .jsonl), folders holding them, or http(s) URLs of article pages.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format: table (default) or csv.", DefaultValueFactory = _ => "table" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display, only errors." };
        var embedModel = EmbedModelOption.Create();
        var command = new Command("quotes", "Print who said what: the quotes of the given articles, grouped by speaker and statement.") { inputs, format, quiet, embedModel };
        command.SetAction(parse =>
        {
            var fmt = (parse.GetValue(format) ?? "table").Trim().ToLowerInvariant();
            if (fmt is not ("table" or "csv")) throw new CliException($"unknown format '{fmt}' (use table or csv)");
            var result = PipelineRunner.Run(parse.GetValue(inputs)!, EmbedModelOption.Apply(new PipelineBuilder { Ingest = new IngestOptions() }.UseDefaults(), parse.GetValue(embedModel)), quiet: parse.GetValue(quiet));
            var rows = Rows(result.Stories).ToList();
            Console.Out.Write(fmt == "csv" ? ToCsv(rows) : ToTable(rows));
            if (result.Stories.Length == 0 && result.AnySkipped) return ExitCodes.Failure;
            return result.AnySkipped ? ExitCodes.SomeInputsSkipped : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line of the quote table.</summary>
    public sealed record QuoteRow(string Story, string Id, string Source, string File, int Start, int End, bool Direct,
        string Speaker, string? SpeakerEntity, string? Cue, string? Group, string SameAs, string Text);

    public static IEnumerable<QuoteRow> Rows(IEnumerable<Story> stories)
    {
        foreach (var story in stories)
            foreach (var sq in story.Quotes)
            {
                var doc = story.Doc(sq.DocId);
                var q = doc.Quotes[sq.Index];
                string speaker = q.SpeakerName ?? (q.SpeakerDescription is { } d ? $"({d})" : "(undetermined)");
                yield return new QuoteRow(story.Id, sq.Id, doc.Id, doc.Source.File, q.Span.Start, q.Span.End, q.Direct, speaker,
                    sq.SpeakerEntityId, q.Cue, sq.StatementGroup, string.Join(' ', sq.SameStatementAs), q.Text);
            }
    }

    /// <summary>
    /// Speakers with their statements; the quotes of one statement (same group) stand together under the speaker most of
    /// them name, a member naming another speaker marked "attributed to".
    /// </summary>
    private static string ToTable(List<QuoteRow> rows)
    {
        var sb = new StringBuilder();
        foreach (var story in rows.GroupBy(r => r.Story))
        {
            sb.Append("story ").AppendLine(story.Key);
            var statements = story.GroupBy(r => r.Group ?? "#" + r.Id).Select(g => g.ToList()).ToList();
            static string Owner(List<QuoteRow> st) => st.GroupBy(r => r.Speaker).OrderByDescending(g => g.Count()).ThenBy(g => st.IndexOf(g.First())).First().Key;
            foreach (var speaker in statements.GroupBy(Owner).OrderByDescending(g => g.Sum(st => st.Count)).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                int count = speaker.Sum(st => st.Count);
                sb.Append("  ").Append(speaker.Key).Append(" (").Append(count).AppendLine(count == 1 ? " quote)" : " quotes)");
                foreach (var st in speaker)
                    foreach (var r in st)
                    {
                        var text = r.Text.ReplaceLineEndings(" ");
                        if (text.Length > 110) text = text[..107] + "...";
                        sb.Append(r == st[0] ? "    " : "      = ").Append(r.Id).Append(' ').Append(r.Source).Append(" [").Append(r.Start).Append("..").Append(r.End).Append(") ")
                          .Append(r.Direct ? "direct" : "indirect").Append(r.Cue is null ? "" : $" ({r.Cue})")
                          .Append(r.Group is null ? "" : $" {r.Group}").Append(": ").Append(r.Direct ? $"\u201C{text}\u201D" : text)
                          .Append(r.Speaker != speaker.Key ? $" [attributed to {r.Speaker}]" : "").AppendLine();
                    }
            }
        }
        return sb.ToString();
    }

    private static string ToCsv(List<QuoteRow> rows)
    {
        var sb = new StringBuilder("story,id,source,file,start,end,direct,speaker,speaker_entity,cue,group,same_statement_as,text\n");
        foreach (var r in rows)
            sb.AppendJoin(',', new[] { r.Story, r.Id, r.Source, r.File, r.Start.ToString(), r.End.ToString(), r.Direct ? "true" : "false",
                r.Speaker, r.SpeakerEntity ?? "", r.Cue ?? "", r.Group ?? "", r.SameAs, r.Text }.Select(Csv)).Append('\n');
        return sb.ToString();
    }

    private static string Csv(string v) => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
