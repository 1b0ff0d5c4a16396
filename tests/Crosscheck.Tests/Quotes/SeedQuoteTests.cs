using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Quotes;

/// <summary>The acceptance on ../shared/seeds: speakers found and the three statements grouped across sources.</summary>
public class SeedQuoteTests
{
    private static readonly Lazy<Story> SeedStory = new(() =>
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run([SharedData.SeedsDir]);
        return result.Stories.OrderByDescending(s => s.Documents.Length).First();
    });

    private static (StoryQuote Placed, Quote Quote) Quote(Story story, string fragment) =>
        story.Quotes.Select(q => (q, story.Doc(q.DocId).Quotes[q.Index]))
            .First(p => p.Item2.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    [SharedTheory]
    [InlineData("preposterous and absurd", "Chang")]
    [InlineData("As a permanent member of the Security Council", "Chang")]
    [InlineData("big mistake", "Putin")]
    [InlineData("If the support is limited to conventional weapons", "Ahn")]
    [InlineData("Will there be any line remaining", "Chang")]
    [InlineData("Decisions that are unlikely to please", "Putin")]
    public void Seed_quotes_are_attributed_to_their_named_speaker(string fragment, string speaker)
    {
        var (_, quote) = Quote(SeedStory.Value, fragment);
        Assert.Contains(speaker, quote.SpeakerName);
    }

    [SharedTheory]
    [InlineData("Our policy has been not to support lethal weapons", "presidential office")]
    [InlineData("blindsided by Russia", "former high-ranking")]
    [InlineData("planning to reconsider the issue", "presidential official")]
    public void Unnamed_seed_speakers_keep_their_description(string fragment, string description)
    {
        var (_, quote) = Quote(SeedStory.Value, fragment);
        Assert.Null(quote.SpeakerName);
        Assert.Contains(description, quote.SpeakerDescription);
    }

    [SharedTheory]
    [InlineData("cooperation that", 4)]
    [InlineData("big mistake", 2)]
    [InlineData("unlikely to please", 2)]
    public void The_same_statement_is_one_group_across_its_sources(string fragment, int sources)
    {
        var story = SeedStory.Value;
        var members = story.Quotes.Where(q => story.Doc(q.DocId).Quotes[q.Index].Text.Contains(fragment, StringComparison.OrdinalIgnoreCase)
                && story.Doc(q.DocId).Quotes[q.Index].Direct).ToList();
        var groups = members.Select(m => m.StatementGroup).Distinct().ToList();
        var group = Assert.Single(groups);
        Assert.NotNull(group);
        Assert.Equal(sources, members.Select(m => m.DocId).Distinct().Count());
    }

    [SharedTheory]
    [InlineData("preposterous and absurd", "It makes no sense")]
    [InlineData("nothing to fear", "nothing to worry about")]
    public void Translations_of_one_statement_share_a_group(string fragment, string other)
    {
        var story = SeedStory.Value;
        var (a, _) = Quote(story, fragment);
        var (b, _) = Quote(story, other);
        Assert.NotEqual(a.DocId, b.DocId);
        Assert.NotNull(a.StatementGroup);
        Assert.Equal(a.StatementGroup, b.StatementGroup);
    }

    [Fact]
    public void Refinery_sample_quote_attributed_to_two_people_is_an_attribution_discrepancy()
    {
        var result = new PipelineBuilder().UseDefaults().Build().Run([Path.Combine(SharedData.SamplesDir, "refinery-strike")]);
        var story = Assert.Single(result.Stories);
        var d = Assert.Single(story.Discrepancies, d => d.Kind == DiscrepancyKind.Attribution);
        Assert.Contains("bullied back to work", d.About);
        Assert.Equal(2, d.Values.Length);
        Assert.Contains(d.Values, v => v.Value.Contains("Osei"));
        Assert.Contains(d.Values, v => v.Value.Contains("Bhraon"));
    }

    [SharedFact]
    public void Every_annotation_file_indexes_spans_inside_its_text()
    {
        var dir = Path.Combine(SharedData.RepoRoot, "data", "annotations", "quotes");
        using var seeds = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "seeds.json")));
        foreach (var file in seeds.RootElement.EnumerateObject())
        {
            var text = File.ReadAllText(Path.Combine(SharedData.SeedsDir, file.Name));
            Assert.Equal(text.Length, file.Value.GetProperty("textLength").GetInt32());
            foreach (var q in file.Value.GetProperty("quotes").EnumerateArray())
                Assert.InRange(q.GetProperty("end").GetInt32(), q.GetProperty("start").GetInt32() + 1, text.Length);
        }
    }
}
