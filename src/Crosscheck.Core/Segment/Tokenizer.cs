using Crosscheck.Core.Model;

namespace Crosscheck.Core.Segment;

/// <summary>
/// Splits a sentence into word, number, punctuation and symbol tokens in one pass. Words keep inner hyphens and
/// apostrophes ("Ho-jin", "doesn't"), but a possessive "'s" is its own token; dotted acronyms keep their periods
/// ("U.S."), as do titles ("Gen."); numbers keep their separators ("1,402", "6.25").
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, int start, int end, List<Token> output)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int s = i;
            if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, end);
                // "20th", "1990s": the suffix stays with the number.
                while (i < end && char.IsLetter(text[i])) i++;
                output.Add(new Token(new TextSpan(s, i), TokenKind.Number));
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, end);
                output.Add(new Token(new TextSpan(s, i), TokenKind.Word));
            }
            else if (IsApostrophe(c) && i + 1 < end && (text[i + 1] is 's' or 'S') && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]))
                     && s > start && char.IsLetter(text[s - 1]))
            {
                i += 2; // possessive 's after a word
                output.Add(new Token(new TextSpan(s, i), TokenKind.Word));
            }
            else if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                while (i < end && text[i] == '.') i++;
                output.Add(new Token(new TextSpan(s, i), TokenKind.Punctuation));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end)
            {
                i += 2;
                output.Add(new Token(new TextSpan(s, i), TokenKind.Symbol));
            }
            else
            {
                i++;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                output.Add(new Token(new TextSpan(s, i), kind));
            }
        }
    }

    private static int ReadNumber(string text, int i, int end)
    {
        while (i < end && char.IsDigit(text[i])) i++;
        // Separators inside a number: "1,402", "3.5", "1.234.567", "10:30"
        while (i + 1 < end && text[i] is ',' or '.' or ':' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < end && char.IsDigit(text[i])) i++;
        }
        return i;
    }

    private static int ReadWord(string text, int i, int end)
    {
        int start = i;
        // Dotted acronym: "U.S.", "e.g.", "a.m." — two or more single letters each followed by a period.
        int j = i, pairs = 0;
        while (j + 1 < end && char.IsLetter(text[j]) && text[j + 1] == '.' && (j + 2 >= end || !char.IsLetter(text[j + 2]) || (j + 3 < end && text[j + 3] == '.')))
        {
            pairs++;
            j += 2;
        }
        if (pairs >= 2) return j;

        while (true)
        {
            while (i < end && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            if (i + 1 >= end) break;
            char c = text[i];
            if (IsHyphen(c) && char.IsLetterOrDigit(text[i + 1])) { i++; continue; }
            if (IsApostrophe(c) && char.IsLetter(text[i + 1]))
            {
                // possessive 's ends the word; contractions ("doesn't", "O'Brien") continue it
                if (text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]))) break;
                i++;
                continue;
            }
            break;
        }
        // The period of a title ("Gen.", "Mr.") belongs to the word.
        if (i < end && text[i] == '.' && Abbreviations.Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(start, i - start))) i++;
        return i;
    }

    internal static bool IsHyphen(char c) => c is '-' or '‐' or '‑';
    internal static bool IsApostrophe(char c) => c is '\'' or '’';
}
