using System.Text;
using AngleSharp.Dom;

namespace Crosscheck.Core.Ingest.Html;

/// <summary>One block of extracted text (paragraph, heading, list item, quote, table row).</summary>
internal readonly record struct TextBlock(string Text, string Tag, int LinkChars);

/// <summary>
/// Finds the article container of a parsed page and returns its text blocks. Steps: prune furniture (tags, hidden
/// elements, furniture class/id names), score paragraph-like elements into their ancestors (readability's scheme:
/// commas and length, class weights, discounted by link density), take the best container plus siblings that
/// look like part of it, then emit its block-level text, dropping link-heavy and boilerplate blocks.
/// </summary>
internal sealed class MainContentFinder(HtmlExtractionOptions options)
{
    private readonly Dictionary<IElement, double> _scores = new();
    private readonly Dictionary<IElement, (int Text, int Links)> _stats = new();

    /// <summary>Text and link-text lengths of every element under the root, in one pass (kept in <see cref="_stats"/>).</summary>
    private (int Text, int Links) ComputeStats(IElement e, bool inLink, int depth)
    {
        int text = 0, links = 0;
        bool link = inLink || e.TagName == "A";
        if (depth <= options.MaxDepth)
        {
            foreach (var n in e.ChildNodes)
            {
                if (n is IText t)
                {
                    text += t.Data.Length;
                    if (link) links += t.Data.Length;
                }
                else if (n is IElement c)
                {
                    var (ct, cl) = ComputeStats(c, link, depth + 1);
                    text += ct;
                    links += cl;
                }
            }
        }
        _stats[e] = (text, links);
        return (text, links);
    }

    private int TextLength(IElement e) => _stats.TryGetValue(e, out var s) ? s.Text : e.TextContent.Length;

    public List<TextBlock> Find(IElement body)
    {
        Prune(body);
        var top = TopCandidate(body);
        var parts = WithSiblings(top);
        parts = WithCousins(top, parts, body);
        var blocks = new List<TextBlock>();
        foreach (var p in parts) Emit(p, blocks);
        return blocks.Where(Keep).ToList();
    }

    // ---- pruning -------------------------------------------------------------------------------------------

    private void Prune(IElement body)
    {
        // Pass 1: tags that never hold article text, and hidden elements. Pass 2 (with the page's visible text
        // length known): furniture named by class/id, unless it holds most of the page's text.
        PrunePass(body, e => ContentHints.DroppedTags.Contains(e.TagName) && e.TagName is not ("HEADER" or "FOOTER" or "ASIDE")
                              || ContentHints.IsHidden(e) && e.TagName is not ("BODY" or "HTML"));
        _stats.Clear();
        int total = Math.Max(1, ComputeStats(body, false, 0).Text);
        PrunePass(body, e => ShouldDrop(e, total));
        _stats.Clear();
        ComputeStats(body, false, 0);
    }

    private void PrunePass(IElement body, Func<IElement, bool> drop)
    {
        var doomed = new List<IElement>();
        var stack = new Stack<(IElement, int)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            var (e, depth) = stack.Pop();
            if (depth > options.MaxDepth) { doomed.Add(e); continue; }
            if (e != body && drop(e)) { doomed.Add(e); continue; }
            foreach (var c in e.Children) stack.Push((c, depth + 1));
        }
        foreach (var d in doomed) d.Remove();
    }

    private bool ShouldDrop(IElement e, int totalChars)
    {
        var tag = e.TagName;
        if (tag is "ARTICLE" or "MAIN") return false;
        if (tag is "HEADER" or "FOOTER" or "ASIDE") return TextLength(e) < totalChars / 2;
        if (e.GetAttribute("role") is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alert") return true;
        if (tag is "TD" or "TR" or "TBODY" or "TABLE" or "A") return false;
        var ci = ContentHints.ClassAndId(e);
        if (!ContentHints.IsFurniture(ci) || TextLength(e) >= totalChars / 2) return false;
        // A wrapper with a furniture-like name that holds several real paragraphs is kept (e.g. "content-with-sidebar").
        return ContentHints.IsComments(ci) || LongParagraphs(e) < 3;
    }

    private int LongParagraphs(IElement e)
    {
        int n = 0;
        foreach (var p in e.GetElementsByTagName("p"))
            if (TextLength(p) >= 100 && ++n >= 3) break;
        return n;
    }

    // ---- scoring -------------------------------------------------------------------------------------------

    private IElement TopCandidate(IElement body)
    {
        foreach (var e in body.QuerySelectorAll("p, pre, td, blockquote, div, section, article"))
        {
            var tag = e.TagName;
            string text;
            IElement? parent;
            if (tag is "DIV" or "SECTION" or "ARTICLE" or "BLOCKQUOTE")
            {
                text = DirectText(e);
                parent = e;
            }
            else
            {
                text = e.TextContent;
                parent = e.ParentElement;
            }
            text = text.Trim();
            if (text.Length < 25 || parent is null) continue;
            double score = 1 + CountCommas(text) + Math.Min(text.Length / 100, 3);
            var ancestor = parent;
            for (int level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!_scores.ContainsKey(ancestor)) _scores[ancestor] = InitialScore(ancestor);
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                _scores[ancestor] += score / divider;
                if (ancestor == body) break;
            }
        }
        IElement? best = null;
        double bestScore = double.MinValue;
        var finals = new List<(IElement E, double S)>();
        foreach (var (e, s) in _scores)
        {
            var f = s * (1 - LinkDensity(e));
            finals.Add((e, f));
            if (f > bestScore || (f == bestScore && best is not null && Before(e, best))) { bestScore = f; best = e; }
        }
        if (best is null) return body;
        foreach (var (e, f) in finals) _scores[e] = f;

        // Several strong candidates under one ancestor: the ancestor is the article (split bodies).
        var strong = finals.Where(x => x.E != best && x.S >= bestScore * 0.75).Select(x => x.E).ToList();
        if (strong.Count >= 2)
        {
            for (var anc = best.ParentElement; anc is not null && anc != body; anc = anc.ParentElement)
                if (strong.Count(s => anc.Contains(s)) >= 2) { best = anc; break; }
        }
        while (best.ParentElement is { } p && p != body && p.Children.Length == 1) best = p;
        return best;
    }

    private static bool Before(IElement a, IElement b) =>
        (a.CompareDocumentPosition(b) & DocumentPositions.Following) != 0;

    private static double InitialScore(IElement e)
    {
        double s = e.TagName switch
        {
            "DIV" or "ARTICLE" or "MAIN" or "SECTION" => 5,
            "PRE" or "TD" or "BLOCKQUOTE" => 3,
            "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
            "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
            _ => 0,
        };
        if (e.TagName is "ARTICLE" or "MAIN") s += 10;
        var ip = e.GetAttribute("itemprop");
        if (ip is not null && ip.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) s += 50;
        return s + ContentHints.ClassWeight(e);
    }

    private static int CountCommas(string s)
    {
        int n = 0;
        foreach (var c in s) if (c is ',' or '，' or '、') n++;
        return n;
    }

    private static string DirectText(IElement e)
    {
        var sb = new StringBuilder();
        foreach (var n in e.ChildNodes)
        {
            if (n is IText t) sb.Append(t.Data);
            else if (n is IElement c && !ContentHints.BlockTags.Contains(c.TagName)) sb.Append(c.TextContent);
        }
        return sb.ToString();
    }

    private double LinkDensity(IElement e)
    {
        if (!_stats.TryGetValue(e, out var s) || s.Text == 0) return 0;
        return Math.Min(1, s.Links / (double)s.Text);
    }

    private List<IElement> WithSiblings(IElement top)
    {
        var parent = top.ParentElement;
        if (parent is null || top.TagName is "BODY") return [top];
        double topScore = _scores.GetValueOrDefault(top);
        double threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var parts = new List<IElement>();
        foreach (var s in parent.Children)
        {
            if (s == top) { parts.Add(s); continue; }
            double bonus = !string.IsNullOrEmpty(topClass) && s.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (_scores.TryGetValue(s, out var sc) && sc + bonus >= threshold) { parts.Add(s); continue; }
            if (s.TagName == "P")
            {
                var text = s.TextContent.Trim();
                var ld = LinkDensity(s);
                if (text.Length > 80 && ld < 0.25) parts.Add(s);
                else if (text.Length > 0 && ld == 0 && (text.EndsWith('.') || text.EndsWith('"') || text.EndsWith('”'))) parts.Add(s);
            }
        }
        return parts;
    }

    /// <summary>
    /// Bodies split into several containers of the same class (e.g. chunks between ad slots): other scored elements
    /// with the top candidate's exact class and a fair score join it, in document order.
    /// </summary>
    private List<IElement> WithCousins(IElement top, List<IElement> parts, IElement body)
    {
        var cls = top.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(cls)) return parts;
        double topScore = _scores.GetValueOrDefault(top);
        var cousins = _scores.Where(kv => kv.Key != top && kv.Value >= Math.Max(10, topScore * 0.05) && kv.Key.GetAttribute("class") == cls
                                          && !parts.Any(p => p.Contains(kv.Key) || kv.Key.Contains(p)))
                             .Select(kv => kv.Key).ToList();
        if (cousins.Count == 0) return parts;
        var all = parts.Concat(cousins).ToList();
        var order = new Dictionary<IElement, int>();
        int i = 0;
        foreach (var e in body.GetElementsByTagName("*")) order[e] = i++;
        return all.Where(e => !all.Any(o => o != e && o.Contains(e))).OrderBy(e => order.GetValueOrDefault(e, int.MaxValue)).ToList();
    }

    // ---- emitting ------------------------------------------------------------------------------------------

    private sealed class BlockWriter(List<TextBlock> into)
    {
        private readonly StringBuilder _sb = new();
        private int _links;
        private bool _space;
        public string Tag = "P";

        public void Text(string s, bool inLink)
        {
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B') { _space = _sb.Length > 0; continue; }
                if (_space) { _sb.Append(' '); _space = false; if (inLink) _links++; }
                _sb.Append(c);
                if (inLink) _links++;
            }
        }

        public void Space() => _space = _sb.Length > 0;

        public void Flush()
        {
            if (_sb.Length > 0) into.Add(new TextBlock(_sb.ToString(), Tag, _links));
            _sb.Clear(); _links = 0; _space = false; Tag = "P";
        }
    }

    /// <summary>All block text under an element, without pruning or scoring (used for JSON-LD articleBody HTML).</summary>
    public List<TextBlock> EmitAll(IElement root)
    {
        var blocks = new List<TextBlock>();
        Emit(root, blocks);
        return blocks.Where(b => b.Text.Any(char.IsLetterOrDigit)).ToList();
    }

    private void Emit(IElement root, List<TextBlock> blocks)
    {
        var w = new BlockWriter(blocks);
        Walk(root, w, false, 0);
        w.Flush();
    }

    private void Walk(INode node, BlockWriter w, bool inLink, int depth)
    {
        if (depth > options.MaxDepth) return;
        if (node is IText t) { w.Text(t.Data, inLink); return; }
        if (node is not IElement e) return;
        var tag = e.TagName;
        if (tag == "BR") { w.Flush(); return; }
        bool block = ContentHints.BlockTags.Contains(tag);
        if (block)
        {
            w.Flush();
            w.Tag = tag is "DIV" or "SECTION" or "ARTICLE" or "MAIN" or "TR" or "TBODY" or "TABLE" ? "P" : tag;
        }
        else if (tag is "TD" or "TH") w.Space();
        bool link = inLink || tag == "A";
        foreach (var c in e.ChildNodes) Walk(c, w, link, depth + 1);
        if (block) w.Flush();
        else if (tag is "TD" or "TH") w.Space();
    }

    private static bool Keep(TextBlock b)
    {
        var text = b.Text;
        if (ContentHints.IsBoilerplateLine(text)) return false;
        double ld = b.LinkChars / (double)Math.Max(1, text.Length);
        if (ld > 0.5) return false;
        if (!text.Any(char.IsLetterOrDigit)) return false;
        return true;
    }
}
