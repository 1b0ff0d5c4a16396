using System.Runtime.CompilerServices;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>What the recogniser knows about one document while it tags it: words seen in lower case, words seen
/// capitalised inside sentences, and the types already given to each word (Ratinov and Roth's non-local features).</summary>
public sealed class NerDocumentContext
{
    internal readonly HashSet<string> LowerSeen = new(StringComparer.Ordinal);
    internal readonly HashSet<string> CapInside = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, int[]> History = new(StringComparer.Ordinal);
    /// <summary>For a second-stage model: the first stage's tags of every sentence, and per word the types it gave that word anywhere in the document.</summary>
    internal int[][]? Stage1;
    internal readonly Dictionary<string, int[]> Stage1Types = new(StringComparer.Ordinal);

    internal void SetStage1(IReadOnlyList<IReadOnlyList<string>> sentences, int[][] tags)
    {
        Stage1 = tags;
        for (int k = 0; k < sentences.Count; k++)
            for (int i = 0; i < tags[k].Length; i++)
            {
                var w = sentences[k][i];
                if (w.Length == 0 || !(char.IsUpper(w[0]))) continue;
                var key = NerFeatures.TitleCase(w);
                if (!Stage1Types.TryGetValue(key, out var c)) Stage1Types[key] = c = new int[5];
                c[tags[k][i] == 0 ? 4 : NerTags.TypeOf(tags[k][i])]++;
            }
    }

    /// <summary>Builds the context from all sentences of the document (token strings).</summary>
    /// <summary>The document's topic word: the first word of its first line when that line is in capitals ("SOCCER - ..."), else empty.</summary>
    internal readonly string Topic = "";
    internal readonly uint TopicHash;

    public NerDocumentContext(IEnumerable<IReadOnlyList<string>> sentences)
    {
        bool firstLine = true;
        foreach (var s in sentences)
        {
            if (firstLine && s.Count > 0)
            {
                firstLine = false;
                if (NerFeatures.IsAllCapsSentence(s) && s[0].Length > 2 && NerFeatures.IsAllCaps(s[0])) Topic = s[0].ToLowerInvariant();
                TopicHash = NerFeatures.Hash(Topic);
            }
            bool caps = NerFeatures.IsAllCapsSentence(s);
            for (int i = 0; i < s.Count; i++)
            {
                var w = s[i];
                if (w.Length == 0 || !char.IsLetter(w[0])) continue;
                if (char.IsLower(w[0])) LowerSeen.Add(w);
                else if (i > 0 && !caps && !NerFeatures.IsAllCaps(w)) CapInside.Add(w);
            }
        }
    }

    internal void Record(string word, int type)
    {
        if (!History.TryGetValue(word, out var counts)) History[word] = counts = new int[4];
        counts[type]++;
    }
}

/// <summary>Feature hashing for the perceptron: each feature is a 32-bit FNV-1a hash of its template and values.</summary>
public static class NerFeatures
{
    private const uint Offset = 2166136261, Prime = 16777619;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Start(int template) => (Offset ^ (uint)template) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint h, ReadOnlySpan<char> s)
    {
        foreach (var c in s) { h = (h ^ c) * Prime; h = (h ^ (uint)(c >> 8)) * Prime; }
        return (h ^ 0xFF) * Prime;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint h, int v) => (((h ^ (uint)v) * Prime) ^ 0xFE) * Prime;

    /// <summary>Adds a value already hashed by <see cref="Hash"/> (strings of a sentence are hashed once, not per template).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint h, uint hashed) => (((((h ^ hashed) * Prime) ^ (hashed >> 16)) * Prime) ^ 0xFD) * Prime;

    public static uint Hash(string s) => Add(Offset, s.AsSpan());

    internal static readonly uint HStart = Hash("<s>"), HEnd = Hash("</s>"), HNone = Hash("-"), HEmpty = Hash("");

    public static bool IsAllCaps(string w)
    {
        bool any = false;
        foreach (var c in w) { if (char.IsLower(c)) return false; if (char.IsLetter(c)) any = true; }
        return any;
    }

    private static bool IsDigitWord(string w) => w.Length > 0 && char.IsDigit(w[0]);

    public static bool IsAllCapsSentence(IReadOnlyList<string> s)
    {
        int letters = 0, caps = 0;
        foreach (var w in s) { if (w.Length > 0 && char.IsLetter(w[0])) { letters++; if (IsAllCaps(w)) caps++; } }
        return letters >= 2 && caps * 10 >= letters * 8;
    }

    /// <summary>Word shape: X for upper, x for lower, d for digits, other characters kept; runs collapsed when <paramref name="brief"/>.</summary>
    public static string Shape(string w, bool brief)
    {
        Span<char> buf = stackalloc char[Math.Min(w.Length, 24)];
        int n = 0; char last = '\0';
        foreach (var c in w)
        {
            char m = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (brief && m == last) continue;
            if (n == buf.Length) break;
            buf[n++] = m; last = m;
        }
        return new string(buf[..n]);
    }

    /// <summary>Normalises quotes and apostrophes the way the training text writes them.</summary>
    public static string Normalize(ReadOnlySpan<char> s)
    {
        Span<char> buf = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        for (int i = 0; i < s.Length; i++)
            buf[i] = s[i] switch { '\u2019' or '\u2018' or '`' => '\'', '\u201C' or '\u201D' => '"', '\u2013' or '\u2014' => '-', _ => s[i] };
        return new string(buf);
    }

    /// <summary>Per-sentence precomputed token views used by the feature templates.</summary>
    public sealed class SentenceView
    {
        public readonly string[] Words, Lower, Shapes, Brief, Gaz;
        public readonly string[]? Lex;
        public readonly uint[] HWord, HLower, HShape, HBrief, HGaz;
        public readonly uint[]? HLex;
        public int[]? Stage1;
        /// <summary>Marks of the outside gazetteer (<see cref="OutsideGazetteer.Mark"/>), when the model uses it.</summary>
        public readonly int[]? Outside;
        public readonly bool AllCaps;
        /// <summary>0: few digits in the sentence, 1: some, 2: a line of figures (results tables).</summary>
        public readonly int Numeric;
        public readonly int Features;

        public SentenceView(IReadOnlyList<string> words, CountryGazetteer gazetteer, NerLexicon? lexicon = null, int features = 0, int[]? stage1 = null)
        {
            Features = features; Stage1 = stage1;
            int n = words.Count;
            Words = new string[n]; Lower = new string[n]; Shapes = new string[n]; Brief = new string[n]; Gaz = new string[n];
            for (int i = 0; i < n; i++)
            {
                Words[i] = words[i];
                Lower[i] = NormalizeDigits(words[i].ToLowerInvariant());
                Shapes[i] = Shape(words[i], false);
                Brief[i] = Shape(words[i], true);
                Gaz[i] = "";
            }
            AllCaps = IsAllCapsSentence(words);
            int digits = 0;
            for (int i = 0; i < n; i++) if (words[i].Length > 0 && char.IsDigit(words[i][0])) digits++;
            Numeric = digits == 0 ? 0 : digits * 4 < n ? 1 : 2;
            if (lexicon is not null)
            {
                Lex = new string[n];
                Array.Fill(Lex, "");
                lexicon.Mark(Words, Lower, Lex);
            }
            if ((features & OutsideFeatures) != 0) Outside = OutsideGazetteer.Default.Mark(Words, Lower);
            HWord = new uint[n]; HLower = new uint[n]; HShape = new uint[n]; HBrief = new uint[n]; HGaz = new uint[n];
            if (Lex is not null) HLex = new uint[n];
            for (int i = 0; i < n; i++)
            {
                HWord[i] = Hash(Words[i]); HLower[i] = Hash(Lower[i]); HShape[i] = Hash(Shapes[i]); HBrief[i] = Hash(Brief[i]);
                HGaz[i] = Hash(Gaz[i]);
                if (HLex is not null) HLex[i] = Hash(Lex![i]);
            }
            for (int i = 0; i < n;)
            {
                var e = gazetteer.LongestAt(Words, i);
                if (e is null) { i++; continue; }
                string k = e.Kind.ToString();
                if (e.Tokens.Length == 1) Gaz[i] = "U" + k;
                else for (int j = 0; j < e.Tokens.Length; j++) Gaz[i + j] = (j == 0 ? "B" : j == e.Tokens.Length - 1 ? "L" : "I") + k;
                i += e.Tokens.Length;
            }
        }

        private static string NormalizeDigits(string s)
        {
            if (!s.Any(char.IsDigit)) return s;
            return string.Create(s.Length, s, (span, src) => { for (int i = 0; i < src.Length; i++) span[i] = char.IsDigit(src[i]) ? '0' : src[i]; });
        }
    }

    /// <summary>Writes the tag-independent features of token <paramref name="i"/> into <paramref name="f"/> and returns their count.</summary>
    public static int Static(SentenceView v, int i, NerDocumentContext doc, Span<uint> f)
    {
        int n = 0;
        var lws = v.Lower[i]; var w = v.Words[i];
        uint lw = v.HLower[i], br = v.HBrief[i];
        uint Lo(int k) => k < 0 ? HStart : k >= v.Words.Length ? HEnd : v.HLower[k];
        uint Sh(int k) => k < 0 ? HStart : k >= v.Words.Length ? HEnd : v.HBrief[k];
        uint Gz(int k) => k < 0 || k >= v.Words.Length ? HNone : v.HGaz[k];
        f[n++] = Start(1);
        f[n++] = Add(Start(2), v.HWord[i]);
        f[n++] = Add(Start(3), lw);
        f[n++] = Add(Start(4), v.HShape[i]);
        f[n++] = Add(Start(5), br);
        for (int k = 1; k <= 4 && k <= lws.Length; k++) f[n++] = Add(Start(10 + k), lws.AsSpan(0, k));
        for (int k = 1; k <= 4 && k <= lws.Length; k++) f[n++] = Add(Start(20 + k), lws.AsSpan(lws.Length - k));
        f[n++] = Add(Start(30), Lo(i - 1));
        f[n++] = Add(Start(31), Lo(i + 1));
        f[n++] = Add(Start(32), Lo(i - 2));
        f[n++] = Add(Start(33), Lo(i + 2));
        f[n++] = Add(Add(Start(34), Lo(i - 1)), lw);
        f[n++] = Add(Add(Start(35), lw), Lo(i + 1));
        f[n++] = Add(Add(Start(36), Sh(i - 1)), br);
        f[n++] = Add(Add(Start(37), br), Sh(i + 1));
        f[n++] = Add(Add(Add(Start(38), Sh(i - 1)), br), Sh(i + 1));
        f[n++] = Add(Add(Start(39), Sh(i - 1)), lw);
        f[n++] = Add(Add(Start(40), lw), Sh(i + 1));
        f[n++] = Add(Start(41), Gz(i));
        f[n++] = Add(Add(Start(42), Gz(i - 1)), Gz(i));
        f[n++] = Add(Add(Start(43), Gz(i)), Gz(i + 1));
        f[n++] = Add(Add(Add(Start(44), i == 0 ? 1 : 0), v.AllCaps ? 1 : 0), br);
        bool cap = w.Length > 0 && char.IsUpper(w[0]);
        if (cap)
        {
            f[n++] = Add(Add(Start(45), doc.LowerSeen.Contains(w.ToLowerInvariant()) ? 1 : 0), i == 0 ? 1 : 0);
            if (i == 0 || v.AllCaps || IsAllCaps(w)) f[n++] = Add(Start(46), doc.CapInside.Contains(TitleCase(w)) ? 1 : 0);
        }
        if (cap || IsAllCaps(w))
        {
            var key = TitleCase(w);
            if (doc.History.TryGetValue(key, out var counts))
            {
                int best = 0; for (int t = 1; t < 4; t++) if (counts[t] > counts[best]) best = t;
                f[n++] = Add(Start(47), best);
                f[n++] = Add(Add(Start(48), best), br);
            }
        }
        if ((v.Features & LineFeatures) != 0)
        {
            f[n++] = Add(Add(Add(Start(50), v.Numeric), br), i == 0 ? 1 : 0);
            f[n++] = Add(Add(Start(51), v.Numeric), Lo(i + 1));
            f[n++] = Add(Add(Start(52), Lo(i - 1)), Lo(i + 1));
            f[n++] = Add(Add(Start(53), Math.Min(v.Words.Length, 5)), br);
            f[n++] = Add(Add(Add(Start(54), Sh(i - 2)), Sh(i - 1)), br);
            f[n++] = Add(Add(Add(Start(55), br), Sh(i + 1)), Sh(i + 2));
        }
        if ((v.Features & TopicFeatures) != 0)
        {
            f[n++] = Add(Add(Add(Add(Start(64), doc.TopicHash), v.Numeric), br), i == 0 ? 1 : 0);
            f[n++] = Add(Add(Add(Start(65), doc.TopicHash), br), Sh(i + 1));
            f[n++] = Add(Add(Add(Start(66), doc.TopicHash), v.HLex is { } lx0 ? lx0[i] : HEmpty), v.AllCaps ? 1 : 0);
        }
        if (v.Lex is { } lex)
        {
            var hl = v.HLex!;
            uint Lx(int k) => k < 0 || k >= hl.Length ? HNone : hl[k];
            f[n++] = Add(Start(56), hl[i]);
            f[n++] = Add(Add(Start(57), Lx(i - 1)), hl[i]);
            f[n++] = Add(Add(Start(58), hl[i]), Lx(i + 1));
            f[n++] = Add(Add(Start(59), hl[i]), br);
        }
        if (v.Outside is { } og)
        {
            int g = og[i];
            if (g != 0 || (i > 0 && og[i - 1] != 0) || (i + 1 < og.Length && og[i + 1] != 0))
            {
                int Og(int k) => k < 0 ? -1 : k >= og.Length ? -2 : og[k];
                f[n++] = Add(Add(Start(84), Og(i - 1)), g);
                f[n++] = Add(Add(Start(85), g), Og(i + 1));
            }
            if (g != 0)
            {
                f[n++] = Add(Start(80), g);
                f[n++] = Add(Add(Start(81), g), br);
                f[n++] = Add(Add(Add(Start(88), g), v.Numeric), v.Words.Length > 1 && v.Words.Length - 1 > i && IsDigitWord(v.Words[i + 1]) ? 1 : 0);
                if ((v.Features & TopicFeatures) != 0) f[n++] = Add(Add(Start(86), doc.TopicHash), g);
                for (int b = 0; g >> (b * OutsideGazetteer.Bits) != 0; b++)
                {
                    int p = (g >> (b * OutsideGazetteer.Bits)) & 7;
                    if (p == 0) continue;
                    f[n++] = Add(Start(82), b * 8 + p);
                    f[n++] = Add(Add(Start(83), b * 8 + p), br);
                    if ((v.Features & TopicFeatures) != 0) f[n++] = Add(Add(Start(87), doc.TopicHash), b * 8 + p);
                }
            }
        }
        if (v.Stage1 is { } s1)
        {
            int S1(int k) => k < 0 ? -1 : k >= s1.Length ? -2 : s1[k];
            f[n++] = Add(Start(70), s1[i]);
            f[n++] = Add(Add(Start(71), S1(i - 1)), s1[i]);
            f[n++] = Add(Add(Start(72), s1[i]), S1(i + 1));
            if (w.Length > 0 && (char.IsUpper(w[0])) && doc.Stage1Types.TryGetValue(TitleCase(w), out var c))
            {
                int best = 0; for (int t = 1; t < 5; t++) if (c[t] > c[best]) best = t;
                int total = c.Sum();
                int share = c[best] * 10 >= total * 9 ? 2 : c[best] * 2 > total ? 1 : 0;
                f[n++] = Add(Add(Start(73), best), share);
                f[n++] = Add(Add(Add(Start(74), best), share), br);
                f[n++] = Add(Add(Start(75), best), NerTags.TypeOf(s1[i]));
            }
        }
        return n;
    }

    public const int LineFeatures = 1, LexiconFeatures = 2, StackFeatures = 4, TopicFeatures = 8, OutsideFeatures = 16;

    /// <summary>The most features <see cref="Static"/> may write.</summary>
    public const int MaxStatic = 110;

    /// <summary>Writes the features that depend on the previous two tags.</summary>
    public static int Dynamic(SentenceView v, int i, int prev, int prev2, Span<uint> f)
    {
        int n = 0;
        f[n++] = Add(Start(60), prev);
        f[n++] = Add(Add(Start(61), prev), prev2);
        f[n++] = Add(Add(Start(62), prev), v.HLower[i]);
        f[n++] = Add(Add(Start(63), prev), v.HBrief[i]);
        return n;
    }

    public const int MaxDynamic = 4;

    /// <summary>The key under which a word's history is kept: upper-case words in title case, so headlines and body agree.</summary>
    public static string TitleCase(string w) =>
        IsAllCaps(w) && w.Length > 1 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w;
}
