using System.Text;
using System.Text.RegularExpressions;

namespace Crosscheck.Core.Ingest.Html;

/// <summary>Decodes page bytes: BOM first, then the HTTP Content-Type charset, then a meta charset in the first bytes, else strict UTF-8 with a Windows-1252 fallback.</summary>
public static partial class HtmlDecoder
{
    static HtmlDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The decoded text, the encoding's web name, and whether the encoding was guessed.</summary>
    public static (string Text, string Encoding, bool Fallback) Decode(byte[] bytes, string? contentType = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return (new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3), "utf-8", false);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return (System.Text.Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16le", false);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return (System.Text.Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16be", false);

        var declared = CharsetFrom(contentType) ?? MetaCharset(bytes);
        if (declared is not null && Resolve(declared) is { } enc)
        {
            if (enc is UTF8Encoding)
            {
                // A page declaring UTF-8 but holding invalid bytes is usually Windows-1252 in disguise.
                if (TryStrictUtf8(bytes, out var t)) return (t, "utf-8", false);
                return (Windows1252.GetString(bytes), "windows-1252", true);
            }
            return (enc.GetString(bytes), enc.WebName, false);
        }
        if (TryStrictUtf8(bytes, out var text)) return (text, "utf-8", true);
        return (Windows1252.GetString(bytes), "windows-1252", true);
    }

    private static Encoding Windows1252 => System.Text.Encoding.GetEncoding(1252);

    private static bool TryStrictUtf8(byte[] bytes, out string text)
    {
        try { text = new UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
    }

    /// <summary>Maps a declared charset label to an encoding, following the HTML standard's aliases (latin1 and ascii mean Windows-1252; a UTF-16 label in an ASCII-compatible prescan means UTF-8).</summary>
    public static Encoding? Resolve(string label)
    {
        var l = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (l)
        {
            case "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252" or "windows-1252" or "x-cp1252":
                return Windows1252;
            case "utf-16" or "utf-16le" or "utf-16be" or "utf8" or "utf-8" or "unicode-1-1-utf-8":
                return new UTF8Encoding(false);
        }
        try { return System.Text.Encoding.GetEncoding(l); }
        catch (ArgumentException) { return null; }
    }

    private static string? CharsetFrom(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var m = HeaderCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? MetaCharset(byte[] bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var m = MetaCharsetPattern().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
