namespace Crosscheck.Core.Clean;

/// <summary>What the classifier decided for one line: kept (as a block kind) or removed with a reason.</summary>
public enum LineRole { Prose, Headline, ListItem, Clutter }

/// <summary>The decision for one line and, for clutter, the reason recorded in the audit trail.</summary>
public sealed record LineDecision(LineRole Role, string? Reason = null)
{
    public static readonly LineDecision Prose = new(LineRole.Prose);
    public static readonly LineDecision Headline = new(LineRole.Headline);
    public static readonly LineDecision ListItem = new(LineRole.ListItem);
    public static LineDecision Clutter(string reason) => new(LineRole.Clutter, reason);
}

/// <summary>
/// Classifies one line from its own features (no document context): page furniture (menus, link-box headers,
/// prompts, credits, counters, tag lists), prose, headline-like lines and list items. Each rule reads a few
/// interpretable features; the first that fires names the reason.
/// </summary>
public static class LineClassifier
{
    /// <summary>Headers of trailing link boxes ("Related Articles", "Most Read"): everything short after them is links.</summary>
    private static readonly HashSet<string> LinkBoxWords = ["related", "popular", "commented", "recommended", "trending", "latest", "viewed", "shared", "emailed", "read", "more", "also", "see", "might", "may"];

    public static LineDecision Classify(LineFeatures f)
    {
        if (f.Words == 0) return LineDecision.Clutter("no words");

        // A wire service's slug line at the top: "AGENCY NAME — NATIONAL NEWS — PRIORITY"; the headline follows it.
        if (f.Index <= 2 && IsAgencySlug(f)) return LineDecision.Clutter("agency slug");
        // Menus whose spaces were lost in extraction: "WorldAsia PacificEurope".
        if (f.GluedCapitals >= 2 && f.Words <= 8 && f.StopwordRatio < 0.2) return LineDecision.Clutter("navigation");
        // Menu and tag runs separated by pipes or bullets.
        if (f.MenuSeparators >= 2 && !f.EndsWithPeriod && f.StopwordRatio < 0.25) return LineDecision.Clutter("navigation");
        if (IsTagList(f)) return LineDecision.Clutter("tags");

        if (IsCredit(f)) return LineDecision.Clutter("photo credit");
        if (IsByline(f, out _)) return LineDecision.Clutter("byline");

        // Short lines mostly made of interface words: prompts, link-box headers, "Back to top", footers.
        if (f.Words <= 8 && f.HasInterfaceEvidence && f.InterfaceRatio >= 0.3 && !(f.Words >= 5 && f.EndsWithPeriod && f.InterfaceRatio < 0.5))
            return LineDecision.Clutter(InterfaceReason(f));
        // Longer rows of interface actions separated by bullets or pipes: "Share on social · Print · Subscribe to the newsletter".
        if (f.MenuSeparators >= 2 && !f.EndsWithPeriod && f.Words <= 16 && f.HasInterfaceEvidence && f.InterfaceRatio >= 0.3)
            return LineDecision.Clutter(InterfaceReason(f));
        if (f.Text.StartsWith('©') || f.Text.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase)) return LineDecision.Clutter("footer");
        // Calls to action and link labels: "Sign up for the morning briefing", "Read more: Budget talks stall", "See also: ..."
        if (CallToAction(f) is { } reason) return LineDecision.Clutter(reason);

        // Markdown block quotes ("> \"...\" — Name, role") are body text: a quotation or a quoted passage.
        if (f.BlockQuoteDepth > 0) return f.StartsWithBullet || f.StartsWithNumber ? LineDecision.ListItem : LineDecision.Prose;
        // List items: "- Height: 47 metres", "1. The vote was nine to two." A two-word item needs a "label: value" colon.
        int itemWords = f.Words - (f.StartsWithNumber ? 1 : 0);
        if ((f.StartsWithBullet || f.StartsWithNumber) && (itemWords >= 3 || (itemWords == 2 && f.Text.IndexOf(':', f.MarkerLength) > f.MarkerLength)))
            return LineDecision.ListItem;
        if (f.MarkdownHeadingLevel > 0) return LineDecision.Headline;
        if (f.LooksLikeProse || (f.EndsWithPeriod && f.Words >= 4)) return LineDecision.Prose;
        if (f.Words <= 30 && !f.EndsWithPeriod) return LineDecision.Headline;
        return LineDecision.Prose;
    }

    private static readonly System.Text.RegularExpressions.Regex LinkLabel = new(
        @"^(?:read more|read also|also read|see also|more on this|more on this story|related|related story|related article|watch|listen|recommended|don't miss|most read)\s*[:|»>–—-]\s*\S",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex Prompt = new(
        @"^(?:sign up|subscribe|register|log in|sign in|download|follow us|click here|get the|join our|get our)\b[^.!?]*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A short line that labels a link to another article or asks the reader to sign up, follow or download.</summary>
    private static string? CallToAction(LineFeatures f)
    {
        if (f.Words > 14) return null;
        var text = f.Text.Trim().TrimStart('*', '_', '#', ' ');
        if (LinkLabel.IsMatch(text)) return "related links";
        if (!f.EndsWithPeriod && Prompt.IsMatch(text)) return "subscription prompt";
        return null;
    }

    /// <summary>True for a link-box header: the lines after it (at the end of a page) are other articles' links.</summary>
    public static bool IsLinkBoxHeader(LineFeatures f, LineDecision d) =>
        d.Role == LineRole.Clutter && f.Words <= 5 && f.WordList.Any(w => LinkBoxWords.Contains(w.ToLowerInvariant()))
        && f.WordList.Any(w => w.ToLowerInvariant() is "related" or "popular" or "commented" or "recommended" or "trending" or "latest" or "viewed" or "shared" or "emailed" or "read" or "more" or "stories" or "articles");

    private static string InterfaceReason(LineFeatures f)
    {
        bool Has(params string[] words) => f.WordList.Any(w => words.Contains(w.ToLowerInvariant()));
        if (Has("related", "popular", "commented", "recommended", "trending", "latest", "viewed", "emailed") || (Has("read") && Has("more", "also", "most")))
            return "related links";
        if (Has("comment", "comments", "reply", "replies", "share", "shares", "tweet", "leave", "closed", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit", "email", "print"))
            return "share or comment prompt";
        if (Has("subscribe", "subscription", "newsletter", "newsletters", "sign", "login", "register", "account", "download", "app"))
            return "subscription prompt";
        if (Has("copyright", "rights", "reserved", "privacy", "cookie", "cookies", "terms", "policy"))
            return "footer";
        if (Has("advertisement", "advertising", "sponsored")) return "advertisement";
        if (Has("views", "view", "likes", "like")) return "counter";
        return "navigation";
    }

    /// <summary>A photo credit: a short line of credit words ("X via Getty Images", "Photo: Reuters", "(AFP)").</summary>
    public static bool IsCredit(LineFeatures f)
    {
        if (f.Words > 12 || (f.EndsWithPeriod && f.Words > 6)) return false;
        if (f.HasAgencyInParentheses && f.Words <= 4) return true;
        bool marker = f.WordList.Any(w => w.ToLowerInvariant() is "photo" or "photograph" or "image" or "images" or "getty" or "shutterstock" or "credit" or "courtesy" or "handout" or "alamy" or "pictures");
        return marker && (f.CreditRatio >= 0.25 || f.Text.Contains(':') || f.Text.Contains('/'));
    }

    /// <summary>Words that name a wire service or the priority of a wire story in a slug line.</summary>
    private static readonly HashSet<string> SlugWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "agency", "press", "newswire", "wire", "wires", "service", "desk", "telegraph", "dispatch", "urgent", "priority",
        "flash", "newsflash", "bulletin", "advisory", "routine", "snap", "embargoed", "embargo",
    };

    private static readonly char[] SlugSeparators = ['—', '–', '|', '/', '·', '•', '»', '>'];

    /// <summary>
    /// A wire slug line: all capitals, cut by separators ("—", "|", "/", "·", " - ") into short parts, with a word of the
    /// wire vocabulary ("AGENCY", "PRESS", "URGENT", "PRIORITY") or an agency's name: "AGENCY NAME — NATIONAL NEWS —
    /// PRIORITY", "REUTERS | WORLD | URGENT". A capitalised headline is one part; a breadcrumb has no wire word.
    /// </summary>
    public static bool IsAgencySlug(LineFeatures f)
    {
        if (f.Words is < 2 or > 16 || f.EndsLikeSentence || f.Letters < 4) return false;
        foreach (var c in f.Text) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        var parts = f.Text.Replace(" - ", " | ", StringComparison.Ordinal).Replace("::", "|", StringComparison.Ordinal)
            .Split(SlugSeparators, StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts.Any(p => p.Length == 0 || p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5)) return false;
        return f.WordList.Any(w => SlugWords.Contains(w) || LineFeatures.Agencies.Contains(w));
    }

    private static readonly System.Text.RegularExpressions.Regex CreditPart = new(
        @"^(?:(?:additional|further)\s+)?(?:reporting|writing|editing|edited|written|compiled|compiling|research|photography|graphics|translation|translated|production|produced)(?:\s+and\s+(?:reporting|writing|editing|research|compiling|photography))?\s+by\s+\S",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// A wire story's closing credit: "(Reporting by Name in Place; editing by Name)", "Writing by Name; Editing by Name".
    /// Every part (split at ';') is "&lt;role&gt; by &lt;names&gt;"; without parentheses a single part has no final period.
    /// </summary>
    public static bool IsCreditLine(LineFeatures f)
    {
        if (f.Words is < 3 or > 40) return false;
        var text = f.Text.Trim();
        bool bracketed = text.StartsWith('(') && text.EndsWith(')');
        if (bracketed) text = text[1..^1].Trim();
        var parts = text.TrimEnd('.').Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts.All(p => CreditPart.IsMatch(p))) return false;
        return bracketed || parts.Length >= 2 || !f.EndsWithPeriod;
    }

    /// <summary>A line that marks the end of a wire story: "ENDS", "END", "-30-", "###", "(END)".</summary>
    public static bool IsEndMarker(LineFeatures f)
    {
        var raw = f.Text.Trim();
        if (raw is "###" or "# # #") return true;
        if (raw.Trim('(', ')', '[', ']', '-', ' ') is "END" or "ENDS") return true;
        return raw != "30" && raw.Trim('-', '—', '–', ' ') == "30";
    }

    /// <summary>Counters that follow a byline on news pages ("Name Views", "Name 1,204 views").</summary>
    private static readonly HashSet<string> CounterWords = ["views", "view", "comments", "shares", "likes", "reads", "min", "mins"];

    /// <summary>
    /// A byline: "By Jane Doe", or a short run of capitalised name words followed by a counter word or number
    /// ("Jane Doe Views"). <paramref name="author"/> is the name part when it looks like a person's name.
    /// </summary>
    public static bool IsByline(LineFeatures f, out string? author)
    {
        author = null;
        var w = f.WordList;
        if (w.Count is < 2 or > 8 || f.EndsWithPeriod) return false;
        if (w[0] is "By" or "BY" or "by" && w.Count <= 7 && w.Skip(1).All(x => char.IsUpper(x[0]) || x is "and" or "de" or "van" or "von" or "al"))
        {
            author = NameOf(w.Skip(1).TakeWhile(x => x != "and" && char.IsUpper(x[0])).ToList());
            return true;
        }
        int end = w.Count;
        while (end > 0 && (CounterWords.Contains(w[end - 1].ToLowerInvariant()) || char.IsDigit(w[end - 1][0]))) end--;
        if (end == w.Count || end is < 2 or > 4) return false;
        if (!w.Take(end).All(x => char.IsUpper(x[0]) && x.Skip(1).All(ch => char.IsLower(ch) || ch is '-' or '\'' or '’'))) return false;
        author = NameOf(w.Take(end).ToList());
        return true;
    }

    private static string? NameOf(List<string> words) => words.Count is >= 2 and <= 4 ? string.Join(' ', words) : null;

    /// <summary>A tag list: "Tags: a, b, c" or three or more short capitalised items separated by commas, without function words.</summary>
    private static bool IsTagList(LineFeatures f)
    {
        var first = f.WordList.Count > 0 ? f.WordList[0].ToLowerInvariant() : "";
        if (first is "tags" or "topics" or "tagged" or "filed" && f.Text.Length > first.Length && f.Text.AsSpan(first.Length).TrimStart().StartsWith(":")) return true;
        return f.Commas >= 3 && !f.EndsLikeSentence && f.StopwordRatio < 0.1 && f.CapitalisedRatio > 0.8 && f.Words <= 3 * (f.Commas + 1);
    }
}
