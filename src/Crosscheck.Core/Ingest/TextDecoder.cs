using System.Text;

namespace Crosscheck.Core.Ingest;

/// <summary>Decoded text and how it was decoded.</summary>
public sealed record DecodedText(string Text, string Encoding, bool Fallback);

/// <summary>
/// Decodes file bytes: a byte-order mark picks UTF-8, UTF-16 LE/BE or UTF-32; otherwise strict UTF-8, and when the
/// bytes are not valid UTF-8, Windows-1252 (a superset of Latin-1 for printable text), reported as a fallback.
/// The BOM is not part of the text, so offsets index exactly what a reader sees.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..]) is { } t ? new(t, "utf-8", false) : new(Windows1252(bytes[3..]), "windows-1252", true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return new(new UTF32Encoding(false, false).GetString(bytes[4..]), "utf-32le", false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return new(new UTF32Encoding(true, false).GetString(bytes[4..]), "utf-32be", false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", false);
        return Utf8(bytes) is { } text ? new(text, "utf-8", false) : new(Windows1252(bytes), "windows-1252", true);
    }

    private static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>Windows-1252: Latin-1, except that 0x80–0x9F hold typographic characters (curly quotes, dashes, €).</summary>
    public static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }
        });
    }

    private static readonly char[] High =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    /// <summary>
    /// Why the content does not look like text, or null when it does: NUL characters, or more than 10% control
    /// characters (other than tab, newline, carriage return, form feed) among the first 64 KiB.
    /// </summary>
    public static string? WhyNotText(string text)
    {
        int n = Math.Min(text.Length, 65536), control = 0;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\0') return "binary file (contains NUL bytes)";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) control++;
        }
        return n > 0 && control * 10 > n ? $"binary file ({control * 100 / n}% control characters)" : null;
    }
}
