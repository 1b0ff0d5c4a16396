using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;

namespace Crosscheck.Tests.Segment;

public class SentenceSplitterTests
{
    private static string[] Split(string text)
    {
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, 0, text.Length, spans);
        return spans.Select(s => text[s.Start..s.End]).ToArray();
    }

    [Theory]
    [InlineData("The U.S. Navy sent a ship. It arrived Monday.", "The U.S. Navy sent a ship.|It arrived Monday.")]
    [InlineData("Mr. Smith met Gen. Lee and Sen. Warren. They talked.", "Mr. Smith met Gen. Lee and Sen. Warren.|They talked.")]
    [InlineData("It opened on Jan. 5 at No. 10 Downing Street. Crowds came.", "It opened on Jan. 5 at No. 10 Downing Street.|Crowds came.")]
    [InlineData("J. R. Smith wrote it. He left.", "J. R. Smith wrote it.|He left.")]
    [InlineData("The total rose to 1,402 items, up 3.5 percent. Officials agreed.", "The total rose to 1,402 items, up 3.5 percent.|Officials agreed.")]
    [InlineData("Troops moved into the U.S. The border closed.", "Troops moved into the U.S.|The border closed.")]
    [InlineData("“That is the end of it.” He said nothing more.", "“That is the end of it.”|He said nothing more.")]
    [InlineData("“We will go,” he said. “Now.”", "“We will go,” he said.|“Now.”")]
    [InlineData("“Is it over?” she asked. Nobody knew.", "“Is it over?” she asked.|Nobody knew.")]
    [InlineData("He waited… And waited. Then he left!", "He waited…|And waited.|Then he left!")]
    [InlineData("Moscow “will… [make] decisions” soon.", "Moscow “will… [make] decisions” soon.")]
    [InlineData("The 6.25 War and the Korea-U.S.-Japan system. Both matter.", "The 6.25 War and the Korea-U.S.-Japan system.|Both matter.")]
    [InlineData("Breaking news without a period", "Breaking news without a period")]
    [InlineData("  • South Korea says it may send weapons.", "South Korea says it may send weapons.")]
    [InlineData("- First point. Second point.", "First point.|Second point.")]
    [InlineData("He arrived at 9 a.m. and left at noon. The end.", "He arrived at 9 a.m. and left at noon.|The end.")]
    [InlineData("Acme Inc. said profits fell. Shares dropped.", "Acme Inc. said profits fell.|Shares dropped.")]
    [InlineData("He said so (in writing.) Then he left.", "He said so (in writing.)|Then he left.")]
    public void Splits_news_sentences(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Split(text));
    }

    [Fact]
    public void Spans_index_the_original_text_inside_the_block()
    {
        const string text = "Title line\nFirst sentence here. Second one.";
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, 11, text.Length, spans);
        Assert.Equal([new TextSpan(11, 31), new TextSpan(32, 43)], spans);
    }
}
