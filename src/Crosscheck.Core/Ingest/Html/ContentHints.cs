using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Crosscheck.Core.Ingest.Html;

/// <summary>Class/id and tag hints that say whether an element holds article text or page furniture.</summary>
internal static partial class ContentHints
{
    /// <summary>Elements never holding article text.</summary>
    public static readonly HashSet<string> DroppedTags = new(StringComparer.Ordinal)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "EMBED", "BUTTON", "INPUT", "SELECT",
        "TEXTAREA", "NAV", "ASIDE", "FOOTER", "FIGCAPTION", "DIALOG", "LINK", "META", "MENU", "LABEL", "OPTION", "VIDEO", "AUDIO", "MAP", "HEADER",
    };

    /// <summary>Tags that start a new text block.</summary>
    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGURE", "FOOTER", "FORM",
        "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY",
        "THEAD", "TFOOT", "TR", "UL", "BR", "CAPTION", "SUMMARY", "CENTER",
    };

    public static bool IsHeading(string tag) => tag.Length == 2 && tag[0] == 'H' && tag[1] is >= '1' and <= '6';

    /// <summary>The class and id of an element, lower-cased, space separated.</summary>
    public static string ClassAndId(IElement e)
    {
        var c = e.GetAttribute("class");
        var i = e.GetAttribute("id");
        if (c is null && i is null) return "";
        return ((c ?? "") + " " + (i ?? "")).ToLowerInvariant();
    }

    /// <summary>Furniture named by class/id: share bars, cookie banners, related links, comments, captions, credits, bylines, ads.</summary>
    public static bool IsFurniture(string classAndId) => classAndId.Length > 0 && Furniture().IsMatch(classAndId) && !ArticleBody().IsMatch(classAndId);

    /// <summary>Comment threads: dropped even when they hold many paragraphs.</summary>
    public static bool IsComments(string classAndId) => Comments().IsMatch(classAndId);

    [GeneratedRegex(@"(?:^|[\s_-])(?:comment|comments|disqus|replies|respond)(?:$|[\s_-])")]
    private static partial Regex Comments();

    /// <summary>Readability-style class weight: +25 for article-like names, −25 for furniture-like names.</summary>
    public static int ClassWeight(IElement e)
    {
        int w = 0;
        foreach (var v in new[] { e.GetAttribute("class"), e.GetAttribute("id") })
        {
            if (string.IsNullOrEmpty(v)) continue;
            var s = v.ToLowerInvariant();
            if (Negative().IsMatch(s)) w -= 25;
            if (Positive().IsMatch(s)) w += 25;
        }
        return w;
    }

    public static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        var style = e.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    /// <summary>Short blocks that are page furniture whatever their container (e.g. "Advertisement").</summary>
    public static bool IsBoilerplateLine(string text) => text.Length < 60 && BoilerplateLine().IsMatch(text);

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|sharebar|social|socials|cookie|cookies|consent|gdpr|newsletter|signup|subscribe|subscription|caption|captions|credit|credits|related|recommended|recommendations|comment|comments|disqus|promo|promos|advert|advertisement|ads|ad|adslot|dfp|sponsor|sponsored|breadcrumb|breadcrumbs|sidebar|widget|popup|modal|paywall|outbrain|taboola|byline|bylines|author|authors|tags|tag|footer|navbar|nav|menu|masthead|toolbar|skip|visually-hidden|sr-only|screen-reader-text|trending|popular|most-read|mostread|more-stories|read-more|readmore|dateline|timestamp|meta|date|photo-credit|image-credit|copyright|rail|right-rail|print-only|social-links|follow|pagination|pager|next|prev|previous|next-prev|image|images|img|photo|photos|gallery|slideshow|figure|video|player|bio|author-bio|newsletter-signup|inline-newsletter)(?:$|[\s_-])")]
    private static partial Regex Furniture();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article-?body|articlebody|story-?body|storybody|entry-content|post-content|post-body|article-content|article-text|story-text|body-text|main-content|content-body|page-content|rich-text|text-body|article__body|article__content|story__body|c-entry-content|post__content|articletext)(?:$|[\s_-])")]
    private static partial Regex ArticleBody();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|cookie|newsletter|caption|credit|byline")]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story")]
    private static partial Regex Positive();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^(?:advertisement|advertising|ad|sponsored( content)?|story continues( below)?( advertisement)?|continue reading( below| the main story)?|article continues below( advertisement)?|read more|share( this)?( article| story| page)?|tweet|email|print|comments?|skip advertisement|supported by|listen to this article|related( articles| stories| coverage)?|loading\.*|image|photo|close|you (may|might) also (like|enjoy|be interested in)(\.\.\.|…)?|more (from|on) .{1,30}|recommended( for you)?|most (read|popular|viewed))[.:!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateLine();
}
