using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Quotes;

/// <summary>A word of the text: letters, digits, inner hyphens and apostrophes; a possessive "’s" is split off.</summary>
internal readonly record struct Word(TextSpan Span, string Text)
{
    public bool Capitalized => Text.Length > 0 && char.IsUpper(Text[0]);
    public string Lower => Text.ToLowerInvariant();
    public bool Possessive { get; init; }
}

/// <summary>A run of quoted text: the marks at <see cref="Open"/> and <see cref="Close"/> and the words between them.</summary>
internal sealed record QuotedRegion(int Open, int Close, TextSpan Inner, int Paragraph)
{
    /// <summary>True when the quotation runs on into the next paragraph (which opens with a mark but this one never closes).</summary>
    public bool RunsOn { get; init; }
}

/// <summary>Text helpers for quote extraction: words, paragraphs, quotation marks and quote-aware sentences.</summary>
internal static class QuoteText
{
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    public static List<Word> Words(string text, TextSpan span)
    {
        var words = new List<Word>();
        int i = span.Start;
        while (i < span.End)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < span.End && (char.IsLetterOrDigit(text[i]) ||
                   ((text[i] == '-' || IsApostrophe(text[i]) || text[i] == '.' && i + 1 < span.End && char.IsUpper(text[i + 1]) && i - s == 1)
                    && i + 1 < span.End && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            // "U.S." style abbreviations keep their final dot out of the word
            int e = i;
            bool possessive = false;
            if (e - s > 2 && IsApostrophe(text[e - 2]) && text[e - 1] is 's' or 'S') { e -= 2; possessive = true; }
            words.Add(new Word(new TextSpan(s, e), text[s..e]) { Possessive = possessive });
        }
        return words;
    }

    /// <summary>The paragraphs to read: the cleaner's kept blocks when present, else the non-blank lines.</summary>
    public static List<TextSpan> Paragraphs(Document doc)
    {
        if (doc.Clean is { Blocks.Length: > 0 } clean) return clean.Blocks.Select(b => b.Span).OrderBy(s => s.Start).ToList();
        var result = new List<TextSpan>();
        var text = doc.Text;
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            int s = pos, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) result.Add(new TextSpan(s, e));
            pos = end + 1;
        }
        return result;
    }

    private static bool IsOpening(char c) => c is '\u201C' or '\u201E' or '\u00AB' or '\u201F';
    private static bool IsClosing(char c) => c is '\u201D' or '\u00BB';

    /// <summary>Finds the quotations of the paragraphs: straight and curly double marks, guillemets; single marks are left alone (apostrophes).</summary>
    public static List<QuotedRegion> Regions(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        var regions = new List<QuotedRegion>();
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            int open = -1;
            for (int i = para.Start; i < para.End; i++)
            {
                char c = text[i];
                bool opening = IsOpening(c), closing = IsClosing(c);
                if (c == '"')
                {
                    bool before = i == para.Start || char.IsWhiteSpace(text[i - 1]) || "([{—–-/".Contains(text[i - 1]);
                    if (open < 0 && before) opening = true;
                    else if (open >= 0) closing = true;
                }
                if (opening)
                {
                    if (open >= 0) AddRegion(text, regions, open, i, p, cutAtNextOpen: true);
                    open = i;
                }
                else if (closing && open >= 0)
                {
                    AddRegion(text, regions, open, i, p, cutAtNextOpen: false);
                    open = -1;
                }
            }
            if (open >= 0)
            {
                bool nextOpens = p + 1 < paragraphs.Count && IsOpenMark(text, paragraphs[p + 1].Start);
                int before = regions.Count;
                if (nextOpens) AddRegion(text, regions, open, para.End, p, cutAtNextOpen: false);
                if (regions.Count > before) regions[^1] = regions[^1] with { RunsOn = true };
            }
        }
        return regions;
    }

    private static bool IsOpenMark(string text, int i) => i < text.Length && (IsOpening(text[i]) || text[i] == '"');

    private static void AddRegion(string text, List<QuotedRegion> regions, int open, int close, int paragraph, bool cutAtNextOpen)
    {
        int s = open + 1, e = close;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (cutAtNextOpen)
        {
            // an unclosed fragment before another opening mark: drop an editorial "[...]" insertion at its end
            if (e > s && text[e - 1] == ']') { int b = text.LastIndexOf('[', e - 1, e - s); if (b > s) e = b; }
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        }
        if (e <= s) return;
        bool hasLetter = false;
        for (int i = s; i < e && !hasLetter; i++) hasLetter = char.IsLetterOrDigit(text[i]);
        if (!hasLetter) return;
        regions.Add(new QuotedRegion(open, close, new TextSpan(s, e), paragraph));
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    { "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sen", "rep", "gov", "prof", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "jan", "feb", "aug", "sept", "oct", "nov", "dec" };

    /// <summary>Splits a paragraph into sentences, never inside a quotation.</summary>
    public static List<TextSpan> Sentences(string text, TextSpan para, IReadOnlyList<QuotedRegion> regions)
    {
        var result = new List<TextSpan>();
        int start = para.Start;
        for (int i = para.Start; i < para.End; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?')) continue;
            int j = i + 1;
            while (j < para.End && (IsClosing(text[j]) || text[j] is '"' or ')' or '\'' or '\u2019')) j++;
            if (regions.Any(r => r.Open < i && i < r.Close && j <= r.Close)) continue;
            if (j >= para.End) break;
            if (!char.IsWhiteSpace(text[j])) continue;
            int k = j;
            while (k < para.End && char.IsWhiteSpace(text[k])) k++;
            if (k >= para.End || !(char.IsUpper(text[k]) || IsOpenMark(text, k) || char.IsDigit(text[k]))) continue;
            if (c == '.')
            {
                int w = i;
                while (w > para.Start && char.IsLetter(text[w - 1])) w--;
                var word = text[w..i];
                if (Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]))) continue;
            }
            result.Add(new TextSpan(start, j));
            start = k;
            i = k - 1;
        }
        if (start < para.End) result.Add(new TextSpan(start, para.End));
        return result;
    }
}
