namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// The BILOU tag set over the four CoNLL types: tag 0 is O; type k has B=1+4k, I=2+4k, L=3+4k, U=4+4k.
/// </summary>
public static class NerTags
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    public const int Count = 17;
    public const int O = 0;

    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 4;
    public static int PartOf(int tag) => tag == 0 ? -1 : (tag - 1) % 4; // 0 B, 1 I, 2 L, 3 U
    public static int Make(int type, int part) => 1 + type * 4 + part;

    /// <summary>True when <paramref name="cur"/> may follow <paramref name="prev"/> (-1 = sentence start); at the last token only O, L and U close properly.</summary>
    public static bool Allowed(int prev, int cur, bool last)
    {
        int pp = prev <= 0 ? -1 : PartOf(prev);
        int cp = cur == 0 ? -1 : PartOf(cur);
        bool open = pp is 0 or 1; // previous was B or I
        if (open)
        {
            if (cp is not (1 or 2) || TypeOf(cur) != TypeOf(prev)) return false;
        }
        else if (cp is 1 or 2) return false;
        if (last && cp is 0 or 1) return false;
        return true;
    }

    public static string Name(int tag) => tag == 0 ? "O" : "BILU"[PartOf(tag)] + "-" + Types[TypeOf(tag)];

    /// <summary>Converts IOB2 labels of a sentence to BILOU tag ids.</summary>
    public static int[] FromIob(IReadOnlyList<string> labels)
    {
        var tags = new int[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            var l = labels[i];
            if (l == "O" || l.Length < 3) { tags[i] = O; continue; }
            int type = Array.IndexOf(Types, l[2..]);
            if (type < 0) { tags[i] = O; continue; }
            bool begins = l[0] == 'B' || i == 0 || labels[i - 1].Length < 3 || labels[i - 1][2..] != l[2..];
            bool continues = i + 1 < labels.Count && labels[i + 1].StartsWith("I-", StringComparison.Ordinal) && labels[i + 1][2..] == l[2..];
            tags[i] = Make(type, begins ? (continues ? 0 : 3) : (continues ? 1 : 2));
        }
        return tags;
    }

    /// <summary>Entity spans (token start, token end exclusive, type index) of a BILOU sequence.</summary>
    public static List<(int Start, int End, int Type)> Spans(IReadOnlyList<int> tags)
    {
        var spans = new List<(int, int, int)>();
        int start = -1;
        for (int i = 0; i < tags.Count; i++)
        {
            int t = tags[i], part = PartOf(t);
            if (t == 0) { start = -1; continue; }
            if (part == 3) { spans.Add((i, i + 1, TypeOf(t))); start = -1; }
            else if (part == 0) start = i;
            else if (part == 2 && start >= 0) { spans.Add((start, i + 1, TypeOf(t))); start = -1; }
        }
        return spans;
    }

    /// <summary>Entity spans of IOB2 labels (for scoring gold data).</summary>
    public static List<(int Start, int End, int Type)> SpansFromIob(IReadOnlyList<string> labels) => Spans(FromIob(labels));
}
