namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// Names seen in the training data with the types they were given (e.g. "partizan belgrade" ORG 3), built by
/// <see cref="PerceptronNerTrainer"/> from the annotated training text and stored with the model. The tagger marks
/// the longest capitalised phrase of a sentence found here (BILU position and type) as a feature. During training
/// each document sees the lexicon built from the other folds only, so that the model learns how far to trust it on
/// names it has not seen.
/// </summary>
public sealed class NerLexicon
{
    private readonly Dictionary<string, List<(string[] Tokens, int[] Counts)>> _byFirst = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public static NerLexicon Build(IEnumerable<NerTrainingDocument> docs)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var d in docs)
            foreach (var (words, labels) in d.Sentences)
                foreach (var (s, e, t) in NerTags.SpansFromIob(labels))
                {
                    if (e - s > 6) continue;
                    var key = string.Join(' ', words[s..e].Select(w => w.ToLowerInvariant()));
                    if (!counts.TryGetValue(key, out var c)) counts[key] = c = new int[4];
                    c[t]++;
                }
        var lex = new NerLexicon();
        foreach (var (k, c) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) lex.Add(k, c);
        lex.Sort();
        return lex;
    }

    private void Add(string phrase, int[] counts)
    {
        var tokens = phrase.Split(' ');
        foreach (var tk in tokens)
        {
            if (tk.Length < 2 || !char.IsLetter(tk[0])) continue;
            if (!_parts.TryGetValue(tk, out var pc)) _parts[tk] = pc = new int[4];
            for (int t = 0; t < 4; t++) pc[t] += counts[t];
        }
        if (!_byFirst.TryGetValue(tokens[0], out var list)) _byFirst[tokens[0]] = list = [];
        list.Add((tokens, counts));
        Count++;
    }

    private void Sort()
    {
        foreach (var l in _byFirst.Values) l.Sort((a, b) => b.Tokens.Length != a.Tokens.Length ? b.Tokens.Length.CompareTo(a.Tokens.Length) : string.CompareOrdinal(string.Join(' ', a.Tokens), string.Join(' ', b.Tokens)));
    }

    private static bool Capitalised(string w) => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]));

    /// <summary>Marks each token of <paramref name="lower"/> (lower-cased words; <paramref name="words"/> as written) covered by the
    /// longest known phrase starting at a capitalised word: "B-ORG", "L-ORG", "U-LOC/ORG" (the runner-up type when it holds a third or more).</summary>
    public void Mark(string[] words, string[] lower, string[] marks)
    {
        for (int i = 0; i < words.Length;)
        {
            if (!Capitalised(words[i]) || !_byFirst.TryGetValue(lower[i], out var list)) { i++; continue; }
            (string[] Tokens, int[] Counts)? hit = null;
            foreach (var e in list)
            {
                int n = e.Tokens.Length;
                if (i + n > words.Length || !Capitalised(words[i + n - 1])) continue;
                bool ok = true;
                for (int k = 1; k < n && ok; k++) ok = lower[i + k] == e.Tokens[k];
                if (ok) { hit = e; break; }
            }
            if (hit is null) { i++; continue; }
            var (tokens, counts) = hit.Value;
            int best = 0, second = -1;
            for (int t = 1; t < 4; t++) if (counts[t] > counts[best]) best = t;
            for (int t = 0; t < 4; t++) if (t != best && counts[t] * 3 >= counts[best] && (second < 0 || counts[t] > counts[second])) second = t;
            string type = NerTags.Types[best] + (second >= 0 ? "/" + NerTags.Types[second] : "");
            for (int k = 0; k < tokens.Length; k++)
                marks[i + k] = (tokens.Length == 1 ? "U-" : k == 0 ? "B-" : k == tokens.Length - 1 ? "L-" : "I-") + type;
            i += tokens.Length;
        }
        // Words not covered by a whole name: the types of the names they were part of ("Bologna" in "Kinder Bologna").
        for (int i = 0; i < words.Length; i++)
        {
            if (marks[i].Length > 0 || !Capitalised(words[i])) continue;
            if (!_parts.TryGetValue(lower[i], out var c)) continue;
            int best = 0; for (int t = 1; t < 4; t++) if (c[t] > c[best]) best = t;
            marks[i] = "p-" + NerTags.Types[best];
        }
    }

    private readonly Dictionary<string, int[]> _parts = new(StringComparer.Ordinal);

    public void Write(BinaryWriter bw)
    {
        var all = _byFirst.Values.SelectMany(l => l).Select(e => (Key: string.Join(' ', e.Tokens), e.Counts)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        bw.Write(all.Count);
        foreach (var (key, counts) in all) { bw.Write(key); foreach (var c in counts) bw.Write7(c); }
    }

    public static NerLexicon Read(BinaryReader br)
    {
        var lex = new NerLexicon();
        int n = br.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            var key = br.ReadString();
            var counts = new int[4];
            for (int t = 0; t < 4; t++) counts[t] = br.Read7();
            lex.Add(key, counts);
        }
        lex.Sort();
        return lex;
    }
}

internal static class BinaryIo
{
    public static void Write7(this BinaryWriter bw, int value) { uint v = (uint)value; while (v >= 0x80) { bw.Write((byte)(v | 0x80)); v >>= 7; } bw.Write((byte)v); }
    public static int Read7(this BinaryReader br) { uint v = 0; int shift = 0; byte b; do { b = br.ReadByte(); v |= (uint)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0); return (int)v; }
}
