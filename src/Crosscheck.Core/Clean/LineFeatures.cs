using System.Collections.Frozen;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Clean;

/// <summary>
/// Interpretable features of one line of a page: its size, punctuation, capitalisation, function words, and how
/// many of its words belong to the vocabulary of page furniture (menus, prompts, credits, counters).
/// </summary>
public sealed record LineFeatures
{
    public required TextSpan Span { get; init; }
    /// <summary>Index among the non-blank lines of the document.</summary>
    public required int Index { get; init; }
    public required string Text { get; init; }
    public int Words { get; init; }
    public int Letters { get; init; }
    /// <summary>Ends with '.', '!', '?', ':' or a closing quote after one of them.</summary>
    public bool EndsLikeSentence { get; init; }
    public bool EndsWithPeriod { get; init; }
    /// <summary>Fraction of words that start with a capital letter.</summary>
    public double CapitalisedRatio { get; init; }
    /// <summary>Fraction of words that are English function words ("the", "of", "said").</summary>
    public double StopwordRatio { get; init; }
    /// <summary>Places where a lower-case letter is glued to a capital ("ArmsAsia"): a menu whose spaces were lost.</summary>
    public int GluedCapitals { get; init; }
    /// <summary>Words of the user-interface vocabulary ("share", "related", "comments", "top").</summary>
    public int InterfaceWords { get; init; }
    /// <summary>Common words that are interface words only in company ("back", "top", "read", "more").</summary>
    public int WeakInterfaceWords { get; init; }
    /// <summary>Words of the photo-credit vocabulary ("photo", "getty", "images", "via", "courtesy").</summary>
    public int CreditWords { get; init; }
    public bool HasAgencyInParentheses { get; init; }
    /// <summary>Photo-caption position markers "(L)", "(C)", "(CL)", "(2nd R)".</summary>
    public bool HasCaptionMarker { get; init; }
    /// <summary>A list marker ("- ", "* ", "• ") opens the line (after any block-quote markers).</summary>
    public bool StartsWithBullet { get; init; }
    /// <summary>An ordered-list marker ("1. ", "12) ") opens the line (after any block-quote markers).</summary>
    public bool StartsWithNumber { get; init; }
    /// <summary>Markdown block-quote markers ("> ", "> > ") that open the line.</summary>
    public int BlockQuoteDepth { get; init; }
    /// <summary>Characters of block-quote and list markers (with their spaces) before the line's content; not text of a block.</summary>
    public int MarkerLength { get; init; }
    public int MarkdownHeadingLevel { get; init; }
    /// <summary>Separators of menus and tag lists: '|', '·', '»', '/' between words.</summary>
    public int MenuSeparators { get; init; }
    public int Commas { get; init; }
    public IReadOnlyList<string> WordList { get; init; } = [];

    /// <summary>Interface words per word, a weak word counting half; meaningful when <see cref="HasInterfaceEvidence"/>.</summary>
    public double InterfaceRatio => Words == 0 ? 0 : (InterfaceWords + 0.5 * WeakInterfaceWords) / Words;
    public bool HasInterfaceEvidence => InterfaceWords >= 1 || WeakInterfaceWords >= 2;
    public double CreditRatio => Words == 0 ? 0 : (double)CreditWords / Words;
    /// <summary>A line of running prose: long enough, with function words, ending like a sentence.</summary>
    public bool LooksLikeProse => Words >= 12 && StopwordRatio >= 0.15 && EndsLikeSentence;

    public static LineFeatures Compute(string text, TextSpan span, int index)
    {
        var line = text.AsSpan(span.Start, span.Length);
        var words = new List<string>();
        int letters = 0, weak = 0, glued = 0, caps = 0, stop = 0, ui = 0, credit = 0, menu = 0, commas = 0;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsLetter(c))
            {
                int s = i;
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] is '\'' or '’' or '-'))
                {
                    if (char.IsLetter(line[i])) letters++;
                    if (i > s && char.IsUpper(line[i]) && char.IsLower(line[i - 1])) glued++;
                    i++;
                }
                var w = line[s..i].ToString();
                words.Add(w);
                if (char.IsUpper(w[0])) caps++;
                if (StopwordLookup.Contains(w)) stop++;
                if (InterfaceLookup.Contains(w)) ui++;
                else if (WeakInterfaceLookup.Contains(w)) weak++;
                if (CreditLookup.Contains(w)) credit++;
                continue;
            }
            if (c is '|' or '·' or '»' or '›' or '/' && i > 0 && i + 1 < line.Length && line[i - 1] == ' ') menu++;
            if (c == ',') commas++;
            if (char.IsDigit(c)) { int s = i; while (i < line.Length && char.IsLetterOrDigit(line[i])) i++; words.Add(line[s..i].ToString()); continue; }
            i++;
        }
        int n = words.Count;
        var trimmed = line.TrimEnd("\"'”’)]»".AsSpan());
        char last = trimmed.Length > 0 ? trimmed[^1] : ' ';
        int marker = 0, quoteDepth = 0;
        while (marker < line.Length && line[marker] == '>')
        {
            quoteDepth++;
            marker++;
            while (marker < line.Length && line[marker] is ' ' or '\t') marker++;
        }
        bool bullet = marker + 1 < line.Length && Segment.SentenceSplitter.IsBullet(line[marker]) && line[marker + 1] == ' ';
        int digits = 0;
        while (marker + digits < line.Length && digits < 3 && char.IsAsciiDigit(line[marker + digits])) digits++;
        bool ordered = !bullet && digits is 1 or 2 && marker + digits + 1 < line.Length && line[marker + digits] is '.' or ')' && line[marker + digits + 1] == ' ';
        if (bullet || ordered)
        {
            marker += bullet ? 1 : digits + 1;
            while (marker < line.Length && line[marker] is ' ' or '\t') marker++;
        }
        int heading = 0;
        while (heading < line.Length && line[heading] == '#') heading++;
        if (heading >= line.Length || line[heading] != ' ') heading = 0;
        return new LineFeatures
        {
            Span = span, Index = index, Text = line.ToString(), Words = n, Letters = letters,
            EndsLikeSentence = last is '.' or '!' or '?' or ':' or '…',
            EndsWithPeriod = last is '.' or '…',
            CapitalisedRatio = n == 0 ? 0 : (double)caps / n,
            StopwordRatio = n == 0 ? 0 : (double)stop / n,
            GluedCapitals = glued, InterfaceWords = ui, WeakInterfaceWords = weak, CreditWords = credit,
            HasAgencyInParentheses = HasParenthesisedAgency(line),
            HasCaptionMarker = HasCaptionMarkerIn(line),
            StartsWithBullet = bullet, StartsWithNumber = ordered, BlockQuoteDepth = quoteDepth, MarkerLength = marker,
            MarkdownHeadingLevel = heading,
            MenuSeparators = menu, Commas = commas, WordList = words,
        };
    }

    private static bool HasParenthesisedAgency(ReadOnlySpan<char> line)
    {
        int open = line.IndexOf('(');
        while (open >= 0)
        {
            int close = line[open..].IndexOf(')');
            if (close < 0) return false;
            var inner = line.Slice(open + 1, close - 1).Trim();
            if (Agencies.GetAlternateLookup<ReadOnlySpan<char>>().Contains(inner)) return true;
            int next = line[(open + close)..].IndexOf('(');
            if (next < 0) return false;
            open = open + close + next;
        }
        return false;
    }

    private static bool HasCaptionMarkerIn(ReadOnlySpan<char> line)
    {
        for (int i = line.IndexOf('('); i >= 0 && i < line.Length;)
        {
            int close = line[i..].IndexOf(')');
            if (close < 0) return false;
            var inner = line.Slice(i + 1, close - 1);
            if (inner.Length is >= 1 and <= 7)
            {
                bool marker = true;
                foreach (var ch in inner) if (!(ch is 'L' or 'R' or 'C' or ' ' || char.IsDigit(ch) || ch is 'n' or 'd' or 's' or 't' or 'r')) marker = false;
                if (marker && (inner.Contains('L') || inner.Contains('R') || inner.Contains('C')) && !inner.ContainsAny("abefghijkmopquvwxyz".AsSpan())) return true;
            }
            int next = line[(i + close)..].IndexOf('(');
            if (next < 0) return false;
            i = i + close + next;
        }
        return false;
    }

    /// <summary>English function words; prose has many, menus and credits few.</summary>
    public static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but", "as", "is",
        "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he",
        "she", "they", "we", "i", "you", "his", "her", "their", "our", "not", "no", "said", "says", "will", "would",
        "could", "can", "may", "which", "who", "whom", "what", "when", "where", "after", "before", "than", "into",
        "over", "about", "also", "there", "if", "do", "does", "did", "so", "such", "some", "any", "all", "more",
        "most", "other", "since", "while", "during", "between", "against", "under", "up", "out", "him", "them",
    ], StringComparer.Ordinal);

    /// <summary>Words that on their own mark web page furniture: link boxes, share and comment prompts, footers.</summary>
    public static readonly FrozenSet<string> InterfaceVocabulary = FrozenSet.ToFrozenSet(
    [
        "related", "popular", "commented", "comments", "comment", "share", "shares", "tweet", "subscribe",
        "subscription", "newsletter", "newsletters", "login", "advertisement", "advertising", "sponsored", "cookie",
        "cookies", "privacy", "copyright", "trending", "recommended", "reply", "replies", "views", "facebook",
        "twitter", "whatsapp", "linkedin", "telegram", "reddit", "pinterest", "instagram", "youtube", "bookmark",
        "emailed", "viewed", "podcast", "articles", "stories",
    ], StringComparer.Ordinal);

    /// <summary>Common words that mark page furniture only when two or more come together ("Back to top", "Read more").</summary>
    public static readonly FrozenSet<string> WeakInterfaceVocabulary = FrozenSet.ToFrozenSet(
    [
        "read", "more", "most", "top", "back", "button", "menu", "home", "search", "skip", "navigation", "tags", "tag",
        "topics", "latest", "closed", "leave", "view", "loading", "click", "next", "previous", "prev", "like", "likes",
        "email", "print", "sign", "log", "register", "account", "download", "app", "watch", "listen", "save",
        "continue", "reading", "also", "see", "you", "may", "might", "follow", "us", "terms", "policy", "rights",
        "reserved", "here", "page", "x", "shared", "article", "story", "content",
    ], StringComparer.Ordinal);

    /// <summary>Words that mark photo credits and captions.</summary>
    public static readonly FrozenSet<string> CreditVocabulary = FrozenSet.ToFrozenSet(
    [
        "photo", "photos", "photograph", "photographer", "image", "images", "picture", "pictures", "credit",
        "credits", "getty", "shutterstock", "alamy", "via", "courtesy", "handout", "pool", "file", "contributor",
        "reuters", "afp", "ap", "epa", "xinhua", "yonhap", "efe", "anadolu", "imago", "sipa", "bloomberg", "illustration",
        "caption", "video", "screenshot", "grab",
    ], StringComparer.Ordinal);

    /// <summary>News and photo agencies that appear as "(Agency)" credit lines.</summary>
    public static readonly FrozenSet<string> Agencies = FrozenSet.ToFrozenSet(
    [
        "Reuters", "AFP", "AP", "EPA", "Xinhua", "Yonhap", "EFE", "Anadolu", "Getty Images", "Getty", "Bloomberg",
        "AFP/Getty Images", "AP Photo", "Reuters/File", "AFP via Getty Images", "dpa", "ANSA", "Kyodo", "TASS", "PA",
    ], StringComparer.OrdinalIgnoreCase);

    // Case-insensitive copies for lookups without lower-casing (declared after the lists: initialisers run in order).
    private static readonly FrozenSet<string> StopwordLookup = Stopwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> InterfaceLookup = InterfaceVocabulary.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> WeakInterfaceLookup = WeakInterfaceVocabulary.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> CreditLookup = CreditVocabulary.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

}
