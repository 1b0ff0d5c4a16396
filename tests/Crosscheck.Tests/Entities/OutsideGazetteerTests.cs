using Crosscheck.Core.Annotate.Entities;
using Xunit;

namespace Crosscheck.Tests.Entities;

public class OutsideGazetteerTests
{
    private static int Pos(OutsideGazetteer g, int code, string list) => (code >> (g.Lists.ToList().IndexOf(list) * OutsideGazetteer.Bits)) & 7;

    [Fact]
    public void ShippedListsMarkCitiesAndWordNetNames()
    {
        var g = OutsideGazetteer.Default;
        Assert.True(g.Count > 100_000);
        string[] words = ["Officials", "in", "Buenos", "Aires", "and", "the", "Red", "Cross", "met", "Albert", "Einstein", "."];
        var codes = g.Mark(words, words.Select(w => w.ToLowerInvariant()).ToArray());
        Assert.Equal(1, Pos(g, codes[2], "city"));
        Assert.Equal(3, Pos(g, codes[3], "city"));
        Assert.Equal(1, Pos(g, codes[6], "wn.org"));
        Assert.Equal(3, Pos(g, codes[7], "wn.org"));
        Assert.Equal(1, Pos(g, codes[9], "wn.per"));
        Assert.Equal(0, codes[1]);
        Assert.Equal(0, codes[5]);
    }

    [Fact]
    public void LongestMatchPerListAndLowerCaseWordsNeverStartOne()
    {
        var g = new OutsideGazetteer(new StringReader("city\tNew York\ncity\tYork\nwn.loc\tYork\ncity\tParis\n"));
        string[] words = ["New", "York", "paris", "York"];
        var codes = g.Mark(words, words.Select(w => w.ToLowerInvariant()).ToArray());
        Assert.Equal(1, Pos(g, codes[0], "city"));
        Assert.Equal(3, Pos(g, codes[1], "city"));
        Assert.Equal(4, Pos(g, codes[1], "wn.loc"));
        Assert.Equal(0, codes[2]);
        Assert.Equal(4, Pos(g, codes[3], "city"));
    }
}
