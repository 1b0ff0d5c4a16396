using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

public class OutletInferenceTests
{
    private static Document Run(string text, string? statedOutlet = null)
    {
        var doc = TestDocs.Raw(text);
        if (statedOutlet is not null) doc = doc with { Source = doc.Source with { Outlet = statedOutlet } };
        return new OutletInference().Annotate(new BoilerplateCleaner().Annotate(doc));
    }

    [Theory]
    [InlineData("Dam plan approved\n\nBRINDLE, Norland (Harbour Wire) — The cabinet approved the dam plan on Monday after a long debate.", "Harbour Wire")]
    [InlineData("Dam plan approved\n\nSÃO PEDRO (Agência Sul) - The cabinet approved the dam plan on Monday after a long debate.", "Agência Sul")]
    [InlineData("Dam plan approved\n\nLONDON (Reuters) — The cabinet approved the dam plan on Monday after a long debate.", "Reuters")]
    public void A_dateline_names_the_outlet(string text, string outlet)
    {
        var d = Run(text);
        Assert.Equal(outlet, d.Source.Outlet);
        Assert.True(d.Source.OutletInferred);
        Assert.Equal(outlet, d.Slice(d.Source.OutletSpan!.Value));
    }

    [Theory]
    [InlineData("Dam plan approved\n\nThe cabinet (which met in Brindle) — after a long debate — approved the dam plan on Monday.")]
    [InlineData("Dam plan approved\n\nBRINDLE (2025) — The cabinet approved the dam plan on Monday after a long debate.")]
    public void Other_openings_name_no_outlet(string text)
    {
        var d = Run(text);
        Assert.Null(d.Source.Outlet);
        Assert.False(d.Source.OutletInferred);
    }

    [Fact]
    public void A_stated_outlet_is_kept()
    {
        var d = Run("Dam plan approved\n\nLONDON (Reuters) — The cabinet approved the dam plan on Monday after a long debate.", "Norland Times");
        Assert.Equal("Norland Times", d.Source.Outlet);
        Assert.False(d.Source.OutletInferred);
    }
}
