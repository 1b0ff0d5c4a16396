using System.Collections.Immutable;
using Crosscheck.Core.Ingest;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Segment;

namespace Crosscheck.Core.Clean;

/// <summary>
/// Stage entry point: decides which lines of the text are article and which are page clutter, finds the title
/// (or infers one from the lead) and a deck under it. Each line is classified from its own features
/// (<see cref="LineClassifier"/>), then page-level rules use position and repetition: repeated lines, the link
/// box that trails a "related"/"most read" header, a caption above a photo credit, runs of menu items, category
/// labels above the title, a YAML front matter at the top, a wire story's credit line and end marker at the bottom.
/// Every removed line is recorded with its reason; Markdown block-quote and list markers stay outside the kept blocks.
/// </summary>
public sealed class BoilerplateCleaner : IDocumentAnnotator
{
    /// <summary>Longest inferred title, in characters; a longer first sentence is cut at a word boundary.</summary>
    public int MaxInferredTitleLength { get; init; } = 120;

    public string Name => "clean";

    public Document Annotate(Document document)
    {
        var text = document.Text;
        var lines = SplitLines(text);
        var features = lines.Select((span, i) => LineFeatures.Compute(text, span, i)).ToArray();
        var decisions = features.Select(LineClassifier.Classify).ToArray();
        // A YAML front matter states metadata (read by the ingest stage); none of its lines is article text.
        if (FrontMatter.Find(text) is { } front)
            for (int i = 0; i < features.Length && features[i].Span.Start < front.Span.End; i++)
                if (front.Span.Contains(features[i].Span.Start)) decisions[i] = LineDecision.Clutter("front matter");
        ApplyPageRules(features, decisions);

        int title = FindTitle(features, decisions);
        int subtitle = title >= 0 ? FindSubtitle(features, decisions, title) : -1;

        var blocks = ImmutableArray.CreateBuilder<Block>();
        var removed = ImmutableArray.CreateBuilder<RemovedSpan>();
        string? author = null;
        for (int i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var d = decisions[i];
            if (d.Role == LineRole.Clutter)
            {
                removed.Add(new RemovedSpan(f.Span, d.Reason ?? "clutter"));
                if (d.Reason == "byline" && author is null && LineClassifier.IsByline(f, out var name)) author = name;
                continue;
            }
            var kind = i == title ? BlockKind.Title
                : i == subtitle ? BlockKind.Subtitle
                : d.Role == LineRole.ListItem ? BlockKind.ListItem
                : d.Role == LineRole.Headline ? BlockKind.Heading
                : BlockKind.Paragraph;
            var span = f.MarkdownHeadingLevel > 0 ? SkipMarkdownHeading(text, f.Span)
                : f.MarkerLength > 0 && f.MarkerLength < f.Span.Length ? new TextSpan(f.Span.Start + f.MarkerLength, f.Span.End) // "> ", "- ", "1. "
                : f.Span;
            blocks.Add(new Block(span, kind));
        }

        var clean = new CleanedText(text, blocks.ToImmutable(), removed.ToImmutable());
        var result = document with { Clean = clean };
        if (author is not null && document.Source.Author is null) result = result with { Source = document.Source with { Author = author } };
        return WithTitle(result, clean);
    }

    /// <summary>Non-blank lines, trimmed of surrounding whitespace.</summary>
    public static List<TextSpan> SplitLines(string text)
    {
        var lines = new List<TextSpan>();
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int s = pos, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) lines.Add(new TextSpan(s, e));
            if (nl < 0) break;
            pos = nl + 1;
        }
        return lines;
    }

    private static void ApplyPageRules(LineFeatures[] f, LineDecision[] d)
    {
        int n = f.Length;
        // Repeated lines: the first occurrence stays (a repeated title is kept once).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var key = Normalise(f[i].Text);
            if (key.Length > 0 && !seen.Add(key) && d[i].Role != LineRole.Clutter) d[i] = LineDecision.Clutter("repeated");
        }

        // A wire story's tail: its credit line ("(Reporting by ...; editing by ...)") in the second half, and end
        // markers ("ENDS", "-30-") after the last article line.
        for (int i = n / 2; i < n; i++)
            if (d[i].Role != LineRole.Clutter && LineClassifier.IsCreditLine(f[i])) d[i] = LineDecision.Clutter("credit line");
        for (int i = n - 1; i > 0; i--)
        {
            if (d[i].Role == LineRole.Clutter) continue;
            if (!LineClassifier.IsEndMarker(f[i])) break;
            d[i] = LineDecision.Clutter("end marker");
        }

        // A link box at the end: after its header, everything but long prose is other articles' links.
        for (int i = n / 2; i < n; i++)
        {
            if (!LineClassifier.IsLinkBoxHeader(f[i], d[i])) continue;
            for (int j = i + 1; j < n; j++)
            {
                if (f[j].LooksLikeProse && f[j].Words >= 25) break;
                if (d[j].Role != LineRole.Clutter) d[j] = LineDecision.Clutter("related links");
            }
            break;
        }

        // A caption: the line just above a photo credit, or a line with position markers "(L)", "(C)" near the top.
        for (int i = 1; i < n; i++)
        {
            if (d[i].Reason == "photo credit" && d[i - 1].Role != LineRole.Clutter && !IsTitleCandidate(f, d, i - 1) && f[i - 1].Words <= 80)
                d[i - 1] = LineDecision.Clutter("photo caption");
        }
        for (int i = 0; i < Math.Min(n, 6); i++)
            if (f[i].HasCaptionMarker && d[i].Role != LineRole.Clutter && f[i].Words <= 80 && !IsTitleCandidate(f, d, i))
                d[i] = LineDecision.Clutter("photo caption");

        // Runs of three or more very short headline-like lines are menus.
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && IsMenuItem(f[j], d[j])) j++;
            if (j - i >= 3) for (int k = i; k < j; k++) d[k] = LineDecision.Clutter("navigation");
            i = Math.Max(j, i + 1);
        }

        // Short labels (section names, kickers) directly above another headline-like line are navigation.
        while (true)
        {
            int first = Array.FindIndex(d, x => x.Role != LineRole.Clutter);
            if (first < 0 || d[first].Role != LineRole.Headline || f[first].Words >= 4 || f[first].MarkdownHeadingLevel > 0) break;
            int next = Array.FindIndex(d, first + 1, x => x.Role != LineRole.Clutter);
            if (next < 0 || d[next].Role != LineRole.Headline) break;
            d[first] = LineDecision.Clutter("navigation");
        }
    }

    private static bool IsMenuItem(LineFeatures f, LineDecision d) =>
        (d.Role == LineRole.Headline || d.Reason == "navigation") && f.Words <= 3 && !f.EndsLikeSentence && f.MarkdownHeadingLevel == 0;

    /// <summary>The first non-clutter line, when it is headline-like.</summary>
    private static bool IsTitleCandidate(LineFeatures[] f, LineDecision[] d, int index)
    {
        for (int i = 0; i < index; i++) if (d[i].Role != LineRole.Clutter) return false;
        return d[index].Role == LineRole.Headline;
    }

    private static int FindTitle(LineFeatures[] f, LineDecision[] d)
    {
        for (int i = 0; i < f.Length; i++)
        {
            if (d[i].Role == LineRole.Clutter) continue;
            return d[i].Role == LineRole.Headline && f[i].Words is >= 2 and <= 30 ? i : -1;
        }
        return -1;
    }

    /// <summary>A deck: the next kept line after the title, headline-like (no final period) but longer than a label.</summary>
    private static int FindSubtitle(LineFeatures[] f, LineDecision[] d, int title)
    {
        for (int i = title + 1; i < f.Length; i++)
        {
            if (d[i].Role == LineRole.Clutter) continue;
            return d[i].Role == LineRole.Headline && f[i].Words is >= 6 and <= 60 && f[i].MarkdownHeadingLevel == 0 ? i : -1;
        }
        return -1;
    }

    private Document WithTitle(Document doc, CleanedText clean)
    {
        var titleBlock = clean.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title);
        if (doc.Source.StatedTitle is { Length: > 0 } stated)
        {
            var statedSpan = Find(doc.Text, stated.Trim(), clean);
            if (statedSpan is null && titleBlock is not null && stated.Contains(doc.Slice(titleBlock.Span), StringComparison.OrdinalIgnoreCase))
                statedSpan = titleBlock.Span; // metadata title = headline + " | Outlet"
            return doc with { Title = statedSpan is { } s ? doc.Slice(s) : stated.Trim(), TitleSpan = statedSpan, TitleInferred = false };
        }
        if (titleBlock is not null)
            return doc with { Title = doc.Slice(titleBlock.Span), TitleSpan = titleBlock.Span, TitleInferred = false };

        // No headline: the first sentence of the lead, cut at a word boundary.
        var lead = clean.Blocks.FirstOrDefault(b => b.Kind is BlockKind.Paragraph or BlockKind.Heading or BlockKind.ListItem);
        if (lead is null) return doc with { Title = null, TitleSpan = null };
        var sentences = new List<TextSpan>();
        SentenceSplitter.Split(doc.Text, lead.Span.Start, lead.Span.End, sentences);
        var first = sentences.Count > 0 ? sentences[0] : lead.Span;
        var span = TrimTitle(doc.Text, first);
        return doc with { Title = doc.Slice(span), TitleSpan = span, TitleInferred = true };
    }

    private TextSpan TrimTitle(string text, TextSpan sentence)
    {
        int end = sentence.End;
        while (end > sentence.Start && text[end - 1] is '.' or ' ') end--; // a title has no final period
        if (end - sentence.Start > MaxInferredTitleLength)
        {
            int cut = sentence.Start + MaxInferredTitleLength;
            while (cut > sentence.Start && !char.IsWhiteSpace(text[cut])) cut--;
            // Prefer to stop before a comma clause when one ends reasonably late.
            int comma = text.LastIndexOf(',', cut, cut - sentence.Start);
            if (comma > sentence.Start + MaxInferredTitleLength / 2) cut = comma;
            end = cut > sentence.Start ? cut : sentence.Start + MaxInferredTitleLength;
            while (end > sentence.Start && text[end - 1] is ',' or ' ' or ';' or ':') end--;
        }
        return new TextSpan(sentence.Start, end);
    }

    /// <summary>
    /// Where the text states <paramref name="needle"/>: the first occurrence in kept text (exact case first), else the
    /// first anywhere (a title that appears only in removed metadata, such as a front matter's "title:" line).
    /// </summary>
    private static TextSpan? Find(string text, string needle, CleanedText clean)
    {
        if (needle.Length == 0) return null;
        TextSpan? first = null;
        foreach (var comparison in (ReadOnlySpan<StringComparison>)[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            for (int at = text.IndexOf(needle, comparison); at >= 0; at = at + 1 < text.Length ? text.IndexOf(needle, at + 1, comparison) : -1)
            {
                var span = TextSpan.FromLength(at, needle.Length);
                if (clean.IsKept(span)) return span;
                first ??= span;
            }
        }
        return first;
    }

    private static TextSpan SkipMarkdownHeading(string text, TextSpan span)
    {
        int s = span.Start;
        while (s < span.End && text[s] == '#') s++;
        while (s < span.End && char.IsWhiteSpace(text[s])) s++;
        return new TextSpan(s, span.End);
    }

    private static string Normalise(string line)
    {
        var sb = new System.Text.StringBuilder(line.Length);
        foreach (var c in line)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
