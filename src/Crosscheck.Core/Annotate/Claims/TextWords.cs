using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Claims;

/// <summary>A word of a sentence with its absolute span: letters/digits with inner hyphens, apostrophes, and digit separators.</summary>
public readonly record struct Word(TextSpan Span, string Text)
{
    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);
    public bool IsLetters => Text.Length > 0 && char.IsLetter(Text[0]);
    public string Lower => Text.ToLowerInvariant();
}

/// <summary>Splits text into <see cref="Word"/>s and single punctuation marks, independently of the token layer.</summary>
public static class TextWords
{
    public static List<Word> Split(string text, TextSpan span)
    {
        var words = new List<Word>();
        int i = span.Start, end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int s = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    bool inner = i + 1 < end && char.IsLetterOrDigit(text[i + 1]);
                    if (inner && (d == '-' || d == '\'' || d == '’')) { i++; continue; }
                    if (inner && (d == ',' || d == '.') && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])) { i++; continue; }
                    break;
                }
            }
            else i++;
            words.Add(new Word(new TextSpan(s, i), text.Substring(s, i - s)));
        }
        return words;
    }

    /// <summary>Crude English stem for matching: lower case, common inflections removed.</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s")) w = w[..^2];
        if (w.Length > 5 && w.EndsWith("ies")) return w[..^3] + "y";
        if (w.Length > 5 && w.EndsWith("ing")) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ed")) return w[..^2];
        if (w.Length > 4 && (w.EndsWith("ses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes"))) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is")) return w[..^1];
        return w;
    }

    /// <summary>Function words that carry no content for matching.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a","an","the","and","or","but","if","of","to","in","on","at","by","for","with","from","as","into","over","about","after","before",
        "is","are","was","were","be","been","being","has","have","had","do","does","did","will","would","could","should","may","might","can",
        "it","its","this","that","these","those","there","their","they","them","he","she","his","her","him","we","our","us","you","your","i",
        "which","who","whom","whose","what","when","where","while","than","then","also","not","no","so","such","up","out","more","most",
        "said","says","say","told","added","according","other","any","all","some","both","each","between","against","during","since","until",
        "amid","including","through","under","very","just","only","now","new","one","two","three","four","five","six","seven","eight","nine","ten",
    };
}
