using Crosscheck.Core.Ingest;

namespace Crosscheck.Tests.Ingest;

public class TextDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom()
    {
        byte[] plain = [0x53, 0x65, 0x6F, 0x75, 0x6C, 0xE2, 0x80, 0x99, 0x73]; // Seoul’s
        Assert.Equal(new DecodedText("Seoul’s", "utf-8", false), TextDecoder.Decode(plain));
        Assert.Equal(new DecodedText("Seoul’s", "utf-8", false), TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. plain]));
    }

    [Fact]
    public void Utf16_little_and_big_endian_with_bom()
    {
        Assert.Equal(new DecodedText("Ké", "utf-16le", false), TextDecoder.Decode([0xFF, 0xFE, 0x4B, 0x00, 0xE9, 0x00]));
        Assert.Equal(new DecodedText("Ké", "utf-16be", false), TextDecoder.Decode([0xFE, 0xFF, 0x00, 0x4B, 0x00, 0xE9]));
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252()
    {
        // "café “x”" in Windows-1252: é = E9, curly quotes = 93/94
        var d = TextDecoder.Decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x78, 0x94]);
        Assert.Equal("café “x”", d.Text);
        Assert.Equal("windows-1252", d.Encoding);
        Assert.True(d.Fallback);
    }

    [Fact]
    public void Binary_content_is_recognised()
    {
        Assert.NotNull(TextDecoder.WhyNotText("abc\0def"));
        Assert.NotNull(TextDecoder.WhyNotText(new string('\u0001', 50) + "abc"));
        Assert.Null(TextDecoder.WhyNotText("Line one\r\n\tLine two\f"));
    }
}
