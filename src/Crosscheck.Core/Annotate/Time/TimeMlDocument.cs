using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Time;

/// <summary>A gold time expression of a TimeML file: its span in the plain text, type and value.</summary>
public sealed record GoldTimex(TextSpan Span, string Text, string Type, string Value);

/// <summary>A TimeML (.tml) article read for evaluation: the plain text of its TEXT element, the gold expressions in it, and its creation time.</summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? CreationTime, IReadOnlyList<GoldTimex> Timexes)
{
    private static readonly Regex Tag = new(@"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", RegexOptions.Compiled);
    private static readonly Regex Attr = new(@"(\w+)=""([^""]*)""", RegexOptions.Compiled);
    private static readonly Regex Dct = new(@"<DCT>\s*<TIMEX3[^>]*value=""(\d{4})-(\d\d)-(\d\d)", RegexOptions.Compiled);

    /// <summary>Reads a .tml file; throws <see cref="FormatException"/> with a one-line reason when it is not TimeML.</summary>
    public static TimeMlDocument Load(string path)
    {
        var xml = File.ReadAllText(path);
        int open = xml.IndexOf("<TEXT>", StringComparison.Ordinal), close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open) throw new FormatException($"{path}: no <TEXT> element, not a TimeML file");
        DateOnly? dct = null;
        var dm = Dct.Match(xml);
        if (dm.Success) dct = new DateOnly(int.Parse(dm.Groups[1].Value), int.Parse(dm.Groups[2].Value), int.Parse(dm.Groups[3].Value));

        var body = xml.AsSpan(open + 6, close - open - 6).ToString();
        var text = new StringBuilder();
        var gold = new List<GoldTimex>();
        (int Start, string Type, string Value)? current = null;
        int pos = 0;
        foreach (Match t in Tag.Matches(body))
        {
            text.Append(WebUtility.HtmlDecode(body[pos..t.Index]));
            pos = t.Index + t.Length;
            if (t.Groups[2].Value != "TIMEX3") continue;
            if (t.Groups[1].Value == "")
            {
                var attrs = Attr.Matches(t.Groups[3].Value).ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value);
                current = (text.Length, attrs.GetValueOrDefault("type", ""), attrs.GetValueOrDefault("value", ""));
            }
            else if (current is { } c)
            {
                var s = text.ToString(c.Start, text.Length - c.Start);
                gold.Add(new GoldTimex(new TextSpan(c.Start, text.Length), s, c.Type, c.Value));
                current = null;
            }
        }
        text.Append(WebUtility.HtmlDecode(body[pos..]));
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), dct, gold);
    }
}
