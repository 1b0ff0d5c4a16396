using System.Runtime.CompilerServices;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>What the recogniser knows about one document while it tags it: words seen in lower case, words seen
/// capitalised inside sentences, and the types already given to each word (Ratinov and Roth's non-local features).</summary>
public sealed class NerDocumentContext
{
    internal readonly HashSet<string> LowerSeen = new(StringComparer.Ordinal);
    internal readonly HashSet<string> CapInside = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, int[]> History = new(StringComparer.Ordinal);

    /// <summary>Builds the context from all sentences of the document (token strings).</summary>
    public NerDocumentContext(IEnumerable<IReadOnlyList<string>> sentences)
    {
        foreach (var s in sentences)
        {
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

    public static bool IsAllCaps(string w)
    {
        bool any = false;
        foreach (var c in w) { if (char.IsLower(c)) return false; if (char.IsLetter(c)) any = true; }
        return any;
    }

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
        public readonly bool AllCaps;

        public SentenceView(IReadOnlyList<string> words, CountryGazetteer gazetteer)
        {
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
        var lw = v.Lower[i]; var w = v.Words[i];
        string Lo(int k) => k < 0 ? "<s>" : k >= v.Words.Length ? "</s>" : v.Lower[k];
        string Sh(int k) => k < 0 ? "<s>" : k >= v.Words.Length ? "</s>" : v.Brief[k];
        string Gz(int k) => k < 0 || k >= v.Words.Length ? "-" : v.Gaz[k];
        f[n++] = Start(1);
        f[n++] = Add(Start(2), w);
        f[n++] = Add(Start(3), lw);
        f[n++] = Add(Start(4), v.Shapes[i]);
        f[n++] = Add(Start(5), v.Brief[i]);
        for (int k = 1; k <= 4 && k <= lw.Length; k++) f[n++] = Add(Start(10 + k), lw.AsSpan(0, k));
        for (int k = 1; k <= 4 && k <= lw.Length; k++) f[n++] = Add(Start(20 + k), lw.AsSpan(lw.Length - k));
        f[n++] = Add(Start(30), Lo(i - 1));
        f[n++] = Add(Start(31), Lo(i + 1));
        f[n++] = Add(Start(32), Lo(i - 2));
        f[n++] = Add(Start(33), Lo(i + 2));
        f[n++] = Add(Add(Start(34), Lo(i - 1)), lw);
        f[n++] = Add(Add(Start(35), lw), Lo(i + 1));
        f[n++] = Add(Add(Start(36), Sh(i - 1)), v.Brief[i]);
        f[n++] = Add(Add(Start(37), v.Brief[i]), Sh(i + 1));
        f[n++] = Add(Add(Add(Start(38), Sh(i - 1)), v.Brief[i]), Sh(i + 1));
        f[n++] = Add(Add(Start(39), Sh(i - 1)), lw);
        f[n++] = Add(Add(Start(40), lw), Sh(i + 1));
        f[n++] = Add(Start(41), Gz(i));
        f[n++] = Add(Add(Start(42), Gz(i - 1)), Gz(i));
        f[n++] = Add(Add(Start(43), Gz(i)), Gz(i + 1));
        f[n++] = Add(Add(Add(Start(44), i == 0 ? 1 : 0), v.AllCaps ? 1 : 0), v.Brief[i]);
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
                f[n++] = Add(Add(Start(48), best), v.Brief[i]);
            }
        }
        return n;
    }

    /// <summary>The most features <see cref="Static"/> may write.</summary>
    public const int MaxStatic = 48;

    /// <summary>Writes the features that depend on the previous two tags.</summary>
    public static int Dynamic(SentenceView v, int i, int prev, int prev2, Span<uint> f)
    {
        int n = 0;
        f[n++] = Add(Start(60), prev);
        f[n++] = Add(Add(Start(61), prev), prev2);
        f[n++] = Add(Add(Start(62), prev), v.Lower[i]);
        f[n++] = Add(Add(Start(63), prev), v.Brief[i]);
        return n;
    }

    public const int MaxDynamic = 4;

    /// <summary>The key under which a word's history is kept: upper-case words in title case, so headlines and body agree.</summary>
    public static string TitleCase(string w) =>
        IsAllCaps(w) && w.Length > 1 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w;
}
