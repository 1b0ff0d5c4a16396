using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>
/// Stage entry point: finds the time expressions of the kept sentences (<see cref="TimexGrammar"/>), infers a
/// publication date when the document has none (<see cref="PublicationDateInference"/>), and resolves every
/// expression against it into <see cref="Document.Times"/>.
/// </summary>
public sealed class TimeAnnotator : IDocumentAnnotator
{
    public string Name => "time";

    public Document Annotate(Document document)
    {
        var placed = Place(document);
        var published = document.Published;
        if (published is null && document.Source.StatedPublished is { } stated)
            published = new PublicationDate(stated, Inferred: false) { Evidence = ["stated by the page's metadata"] };
        published ??= FromName(document.Source.Url, document.Source.File, PlaceForInference(document, placed));
        return document with { Published = published, Times = Resolve(placed, published?.Date) };
    }

    /// <summary>
    /// The publication date of a page that states none: the date its URL or file name carries when there is one
    /// (publishers date their paths), else the date its own text implies (<see cref="PublicationDateInference"/>).
    /// </summary>
    public static PublicationDate? FromName(string? url, string? file, IReadOnlyList<PlacedMention> mentions)
    {
        var fromText = PublicationDateInference.Infer(mentions);
        if (SourceNameDates.Find(url, file) is not { } named) return fromText;
        var evidence = new List<string> { named.Evidence };
        if (fromText is { } t)
            evidence.Add(t.Date == named.Date ? "the text's own dates agree" : $"the text alone would point to {t.Date:yyyy-MM-dd}");
        return new PublicationDate(named.Date, Inferred: true)
        {
            Confidence = 0.9,
            Evidence = evidence,
            NotBefore = fromText?.NotBefore is { } nb && nb <= named.Date ? nb : null,
        };
    }

    /// <summary>Re-resolves the document's expressions against a new reference date (used once other sources fix it).</summary>
    public static Document Reresolve(Document document, PublicationDate published) =>
        document with { Published = published, Times = Resolve(Place(document), published.Date) };

    /// <summary>The expressions of the document's kept sentences, each with its clause direction.</summary>
    public static IReadOnlyList<PlacedMention> Place(Document document)
    {
        var ranges = document.Sentences.Length > 0 ? document.Sentences.Select(s => s.Span).ToList()
            : document.Clean is { } clean ? clean.Blocks.Select(b => b.Span).ToList()
            : [new TextSpan(0, document.Text.Length)];
        var mentions = TimexGrammar.Find(document.Text, ranges);
        var placed = new List<PlacedMention>(mentions.Count);
        foreach (var m in mentions)
        {
            int si = document.SentenceAt(m.Span.Start);
            var sentence = si >= 0 ? document.Sentences[si].Span : ranges.FirstOrDefault(r => r.Contains(m.Span.Start));
            var cue = TenseCues.Cue(document.Text, sentence, m.Span);
            placed.Add(new PlacedMention(m, cue > 0 ? 1 : -1, sentence, document.Slice(m.Span)) { Cued = cue != 0, Dateline = IsDateline(document.Text, m) });
        }
        return placed;
    }

    private static readonly System.Text.RegularExpressions.Regex DatelineBefore = new(
        @"^[ \t]*\p{Lu}[\p{Lu} .'-]{1,40},(?:[ \t]+\p{Lu}[\p{L}.]+,?)?[ \t]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex DatelineAfter = new(
        @"^,?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|—|–|-|_)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A month and day that opens a line after a place in capitals and is followed by the agency and a dash: a dateline.</summary>
    public static bool IsDateline(string text, TimexMention m)
    {
        if (m.Kind is not (TimexKind.MonthDay or TimexKind.FullDate)) return false;
        int lineStart = m.Span.Start == 0 ? 0 : text.LastIndexOf('\n', m.Span.Start - 1) + 1;
        if (m.Span.Start - lineStart > 60 || !DatelineBefore.IsMatch(text[lineStart..m.Span.Start])) return false;
        var after = text.Substring(m.Span.End, Math.Min(60, text.Length - m.Span.End));
        return DatelineAfter.IsMatch(after);
    }

    /// <summary>Reasons a removed line may still date the story: photo captions usually name the day the picture was taken.</summary>
    private static bool IsDatingClutter(string reason) => reason.Contains("caption", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The mentions that may date the document: those of its kept sentences, plus the full dates of removed photo
    /// captions ("... attend a ceremony June 19, 2024 in Pyongyang"). Caption dates only anchor the inference; they
    /// never become time expressions of the document's text.
    /// </summary>
    public static IReadOnlyList<PlacedMention> PlaceForInference(Document document, IReadOnlyList<PlacedMention>? placed = null)
    {
        placed ??= Place(document);
        if (document.Clean is not { } clean) return placed;
        var captions = clean.Removed.Where(r => IsDatingClutter(r.Reason)).Select(r => r.Span).ToList();
        // a removed line above the body ("*The Observer · Politics · Thursday 15 October 2026*"): the page's own date line
        int body = clean.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Span.Start).DefaultIfEmpty(int.MaxValue).Min();
        var header = clean.Removed.Where(r => r.Span.End <= body && !IsDatingClutter(r.Reason) && r.Span.Length <= 160).Select(r => r.Span).ToList();
        if (captions.Count == 0 && header.Count == 0) return placed;
        var result = placed.ToList();
        foreach (var m in TimexGrammar.Find(document.Text, captions))
            if (m.Kind == TimexKind.FullDate)
            {
                var line = captions.First(c => c.Contains(m.Span.Start));
                result.Add(new PlacedMention(m, -1, line, document.Slice(m.Span)));
            }
        // only the first full date of the header counts, and only when the header holds exactly one
        var headerDates = TimexGrammar.Find(document.Text, header).Where(m => m.Kind == TimexKind.FullDate).ToList();
        if (headerDates.Count == 1)
        {
            var m = headerDates[0];
            result.Add(new PlacedMention(m, -1, header.First(c => c.Contains(m.Span.Start)), document.Slice(m.Span)) { Dateline = true });
        }
        return result;
    }

    /// <summary>Recognises and resolves the expressions of a plain text against <paramref name="reference"/>; sentences are lines.</summary>
    public static ImmutableArray<TimeExpression> Tag(string text, DateOnly? reference)
    {
        var lines = Paragraphs(text);
        var placed = TimexGrammar.Find(text, lines).Select(m =>
        {
            var line = lines.First(l => l.Contains(m.Span.Start));
            var cue = TenseCues.Cue(text, line, m.Span);
            return new PlacedMention(m, cue > 0 ? 1 : -1, line, text.Substring(m.Span.Start, m.Span.Length)) { Cued = cue != 0, Dateline = IsDateline(text, m) };
        }).ToList();
        return Resolve(placed, reference);
    }

    /// <summary>Infers a publication date for a plain text (no stated date), as the annotator would, optionally with the page's URL or file name.</summary>
    public static PublicationDate? InferPublished(string text, string? url = null, string? file = null)
    {
        var doc = new Document { Id = "x", Text = text, Source = new SourceInfo { File = file ?? "x", Url = url } };
        var lines = Paragraphs(text).Select((p, i) => new Sentence(p, i)).ToList();
        return FromName(url, file, Place(doc with { Sentences = [.. lines] }));
    }

    /// <summary>Paragraphs of a plain text: runs of lines between blank lines (wire texts wrap sentences across lines).</summary>
    private static List<TextSpan> Paragraphs(string text)
    {
        var result = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool blank = i == text.Length || (text[i] == '\n' && IsBlankLineAfter(text, i));
            if (!blank) continue;
            if (text.AsSpan(start, i - start).Trim().Length > 0) result.Add(new TextSpan(start, i));
            start = i + 1;
        }
        return result;
    }

    private static bool IsBlankLineAfter(string text, int newline)
    {
        int j = newline + 1;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r') j++;
        return j >= text.Length || text[j] == '\n';
    }

    public static ImmutableArray<TimeExpression> Resolve(IReadOnlyList<PlacedMention> placed, DateOnly? reference)
    {
        var context = new ResolveContext();
        var times = ImmutableArray.CreateBuilder<TimeExpression>(placed.Count);
        foreach (var p in placed)
        {
            if (TimexResolver.Resolve(p.Mention, reference, p.Cued ? p.Direction : 0, context) is not { } r) continue;
            times.Add(new TimeExpression(p.Mention.Span, p.Text, r.Type, r.Value)
            {
                Date = r.Date, Precision = r.Precision, Relative = r.Relative, Modifier = r.Modifier,
            });
        }
        return times.ToImmutable();
    }
}
