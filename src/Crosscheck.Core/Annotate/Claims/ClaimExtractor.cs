using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Annotate.Claims;

/// <summary>
/// Stage entry point: fills <see cref="Document.Claims"/> with one claim per factual sentence (questions, captions
/// of a few words and headings are skipped), each with its quantities, main verb, actors (entity mentions), time
/// expressions and whether it is attributed.
/// A sentence that still holds several sentences (a paragraph from a coarse segmenter) is split first.
/// </summary>
public sealed class ClaimExtractor : IDocumentAnnotator
{
    /// <summary>Fewest words a claim may have.</summary>
    public int MinWords { get; init; } = 5;

    public string Name => "claims";

    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said","says","say","told","tells","added","stated","states","announced","warned","remarked","insisted","emphasized","emphasised",
        "according","claimed","claims","argued","argues","noted","stressed","insists","mentioned","explained","declared","confirmed",
    };

    public Document Annotate(Document document)
    {
        var text = document.Text;
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var blocks = document.Clean?.Blocks ?? [];
        foreach (var sentence in document.Sentences)
        {
            if (IsHeadingBlock(document, blocks, sentence)) continue;
            foreach (var piece in SentenceSplitter.Split(text, sentence.Span))
            {
                var span = Trim(text, piece);
                if (span.IsEmpty) continue;
                var words = TextWords.Split(text, span);
                int wordCount = words.Count(w => w.IsLetters || w.IsNumber);
                if (wordCount < MinWords) continue;
                if (EndsWithQuestion(text, span)) continue;
                if (!words.Any(w => w.IsLetters && char.IsLower(w.Text[0]) && w.Text.Length > 2)) continue;
                claims.Add(new Claim(span, text.Substring(span.Start, span.Length))
                {
                    Quantities = QuantityParser.Parse(text, span),
                    Predicate = PredicateFinder.Find(words),
                    Attributed = IsAttributed(document, span, words),
                    Actors = [.. document.Entities.Where(e => span.Contains(e.Span) && e.Kind is "name" or "capital" or "demonym").Select(e => e.Span)],
                    Dates = [.. document.Times.Where(t => span.Contains(t.Span)).Select(t => t.Span)],
                });
            }
        }
        return document with { Claims = claims.ToImmutable() };
    }

    private static bool IsHeadingBlock(Document document, ImmutableArray<Block> blocks, Sentence sentence)
    {
        if (sentence.BlockIndex < 0 || sentence.BlockIndex >= blocks.Length) return false;
        var block = blocks[sentence.BlockIndex];
        if (block.Kind is not (BlockKind.Title or BlockKind.Heading or BlockKind.Subtitle)) return false;
        // a coarse cleaner may call a whole first paragraph the title: only short blocks are headings
        return TextWords.Split(document.Text, block.Span).Count < 30;
    }

    private static bool EndsWithQuestion(string text, TextSpan span)
    {
        int e = span.End - 1;
        while (e > span.Start && text[e] is '"' or '”' or '’' or '\'' or ')' or '*' or '_') e--;
        return text[e] == '?';
    }

    /// <summary>A dateline opening the lead: "BRACKWATER, Corvessa (Ferrow Press) — ", "SEOUL, June 20 (Yonhap) -- ", "PARIS (AP) — ".</summary>
    private static readonly System.Text.RegularExpressions.Regex Dateline = new(
        @"\G\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L}\p{M} .'’-]{2,40}?)?(?:,\s*[\p{L}\d .]{2,20})?\s*(?:\([^()\n]{2,40}\))?\s*(?:—|–|--|-|:)\s+(?=\p{Lu})",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        // the claim is the sentence after its dateline: where and by whom it was filed is not what it states
        if (Dateline.Match(text, s, e - s) is { Success: true } d && d.Length < (e - s) / 2
            && text.AsSpan(s, Math.Min(e - s, d.Length)).IndexOfAny(['—', '–', '-', ':']) > 2
            && IsUpperWord(text, s)) s += d.Length;
        while (s < e && (char.IsWhiteSpace(text[s]) || text[s] is '•' or '·' or '-' or '–' or '—' or '*' or '▪')) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        // a Markdown list item led by a bold label ("**17 April**: the attackers log in"): the claim is what follows the label
        int close = text.IndexOf("**", s, Math.Min(e - s, 48), StringComparison.Ordinal);
        if (s > 0 && text[s - 1] == '*' && close > s && close + 2 < e && text[close + 2] == ':')
        {
            s = close + 3;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
        }
        return new TextSpan(s, e);
    }

    /// <summary>The text at <paramref name="at"/> begins with a word in capitals of two letters or more ("BRACKWATER", "PARIS").</summary>
    private static bool IsUpperWord(string text, int at)
    {
        int i = at;
        while (i < text.Length && (char.IsUpper(text[i]) || text[i] is '-' or '\'' or '’' || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
        return i - at >= 2 && (i >= text.Length || !char.IsLower(text[i]));
    }

    private static bool IsAttributed(Document document, TextSpan span, List<Word> words)
    {
        foreach (var q in document.Quotes) if (q.Span.Overlaps(span)) return true;
        for (int i = span.Start; i < span.End; i++) if (document.Text[i] is '“' or '”' or '"') return true;
        return words.Any(w => ReportingVerbs.Contains(w.Text));
    }
}
