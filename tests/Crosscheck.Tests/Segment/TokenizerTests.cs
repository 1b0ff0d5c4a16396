using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;

namespace Crosscheck.Tests.Segment;

public class TokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, 0, text.Length, tokens);
        return tokens.Select(t => (text[t.Span.Start..t.Span.End], t.Kind)).ToArray();
    }

    private static string Joined(string text) => string.Join("|", Tokens(text).Select(t => t.Text));

    [Theory]
    [InlineData("Chang Ho-jin spoke.", "Chang|Ho-jin|spoke|.")]
    [InlineData("Russia’s pact", "Russia|’s|pact")]
    [InlineData("Seoul's foe doesn't care", "Seoul|'s|foe|doesn't|care")]
    [InlineData("1,402 items and 3.5% of 6.25", "1,402|items|and|3.5|%|of|6.25")]
    [InlineData("the U.S. alliance", "the|U.S.|alliance")]
    [InlineData("the Korea-U.S.-Japan system", "the|Korea-U|.|S|.|-|Japan|system")]
    [InlineData("Gen. Lee said “no…”", "Gen.|Lee|said|“|no|…|”")]
    [InlineData("carrier CVN-71, on the 20th", "carrier|CVN-71|,|on|the|20th")]
    [InlineData("wait... what", "wait|...|what")]
    public void Tokenises_words_numbers_and_punctuation(string text, string expected) => Assert.Equal(expected, Joined(text));

    [Fact]
    public void Kinds_are_assigned()
    {
        var t = Tokens("Cost $5,000 now.");
        Assert.Equal([TokenKind.Word, TokenKind.Symbol, TokenKind.Number, TokenKind.Word, TokenKind.Punctuation], t.Select(x => x.Kind));
    }
}
