namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// Name lists from outside the training data (data/gazetteers/outside.tsv.gz, embedded; built by build_outside.py from
/// GeoNames cities and regions and WordNet 3.0 proper nouns). The tagger marks, for each list separately, the longest
/// listed phrase starting at each capitalised word (left to right, without overlap) and uses the marks as features;
/// the lists decide nothing by themselves.
/// </summary>
public sealed class OutsideGazetteer
{
    /// <summary>Bits a list's position takes in a token's packed code: 0 none, 1 B, 2 I, 3 L, 4 U.</summary>
    public const int Bits = 3;

    private readonly Dictionary<string, List<(string[] Tokens, int Mask)>> _byFirst = new(StringComparer.Ordinal);
    private readonly List<string> _lists = [];

    /// <summary>The list names in the order of their bits ("city", "wn.org", ...).</summary>
    public IReadOnlyList<string> Lists => _lists;

    public int Count { get; private set; }

    private static readonly Lazy<OutsideGazetteer> _default = new(() =>
    {
        using var s = EmbeddedData.Open(DefaultFile);
        using var r = new StreamReader(s);
        return new OutsideGazetteer(r);
    });

    public const string DefaultFile = "outside.tsv.gz";

    /// <summary>The lists shipped in Crosscheck.Core.</summary>
    public static OutsideGazetteer Default => _default.Value;

    /// <summary>Reads "list TAB phrase" lines (phrase tokens separated by spaces; '#' lines are comments). At most 10 lists.</summary>
    public OutsideGazetteer(TextReader tsv)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        string? line;
        while ((line = tsv.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var list = line[..tab];
            int k = _lists.IndexOf(list);
            if (k < 0)
            {
                if (_lists.Count == 10) throw new InvalidDataException("outside gazetteer: more than 10 lists");
                k = _lists.Count; _lists.Add(list);
            }
            var phrase = line[(tab + 1)..].ToLowerInvariant();
            masks[phrase] = masks.GetValueOrDefault(phrase) | (1 << k);
        }
        foreach (var (phrase, mask) in masks)
        {
            var tokens = phrase.Split(' ');
            if (!_byFirst.TryGetValue(tokens[0], out var l)) _byFirst[tokens[0]] = l = [];
            l.Add((tokens, mask));
            Count++;
        }
        foreach (var l in _byFirst.Values) l.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
    }

    private static bool Capitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>Packed marks per token: for list k, bits [k*3, k*3+3) hold 0 (none), 1 (B), 2 (I), 3 (L) or 4 (U).
    /// <paramref name="lower"/> holds the words in lower case; a phrase must begin and end at capitalised words.</summary>
    public int[] Mark(string[] words, string[] lower)
    {
        int n = words.Length;
        var codes = new int[n];
        Span<int> free = stackalloc int[10];
        for (int i = 0; i < n; i++)
        {
            if (!Capitalised(words[i]) || !_byFirst.TryGetValue(lower[i], out var list)) continue;
            int found = 0;
            foreach (var (tokens, mask) in list)
            {
                int len = tokens.Length;
                int fresh = mask & ~found;
                if (fresh == 0 || i + len > n || !Capitalised(words[i + len - 1])) continue;
                bool ok = true;
                for (int k = 1; k < len && ok; k++) ok = lower[i + k] == tokens[k];
                if (!ok) continue;
                found |= mask;
                for (int b = 0; b < _lists.Count; b++)
                {
                    if ((fresh & (1 << b)) == 0 || i < free[b]) continue;
                    for (int k = 0; k < len; k++)
                        codes[i + k] |= (len == 1 ? 4 : k == 0 ? 1 : k == len - 1 ? 3 : 2) << (b * Bits);
                    free[b] = i + len;
                }
            }
        }
        return codes;
    }
}
