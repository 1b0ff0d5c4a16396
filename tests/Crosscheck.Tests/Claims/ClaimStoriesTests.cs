using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Claims;

/// <summary>The claim layer on whole stories: the repository's samples and the shared seeds.</summary>
public class ClaimStoriesTests
{
    private static Story Run(string dir) => Assert.Single(new PipelineBuilder().UseDefaults().Build().Run([dir]).Stories);

    private static Claim ClaimOf(Story story, StoryClaim c) => story.Doc(c.DocId).Claims[c.Index];

    private static string FileOf(Story story, string docId) => Path.GetFileName(story.Doc(docId).Source.File);

    [Fact]
    public void Ferry_death_toll_is_an_update_ordered_by_time_not_a_contradiction()
    {
        var story = Run(Path.Combine(SharedData.SamplesDir, "ferry-capsize"));
        var toll = Assert.Single(story.Discrepancies, d => d.Kind == DiscrepancyKind.Number && d.Values.Any(v => v.Value == "23"));
        Assert.True(toll.IsUpdate);
        Assert.Equal("update", toll.ResolutionMethod);
        Assert.Equal("23", toll.ResolvedValue);
        Assert.False(toll.SameDocument);
        // values in the order they were reported: 12 on Tuesday, 19 (the wire and its rewrite) on Wednesday, 23 on Thursday
        Assert.Equal(["12", "19", "23"], toll.Values.Select(v => v.Value));
        Assert.Equal(["04-orvanne-post.json"], toll.Values[^1].Sources.Select(s => FileOf(story, s)));
        Assert.Contains("not a contradiction", toll.Resolution);
        Assert.Contains("12 (s1, 2025-03-11) → 19", toll.Resolution);
        // an update is not a dispute: nothing contradicts, and the brief does not call it disputed
        Assert.All(toll.Values.SelectMany(v => v.Claims), id => Assert.Empty(story.Claims.First(c => c.Id == id).ContradictedBy));
        Assert.DoesNotContain(story.Brief, b => b.Disputed && b.Claims.Any(id => toll.Values.SelectMany(v => v.Claims).Contains(id)));
        // the brief tells the latest figure, citing the sources that report that figure; the earlier reports stay
        // among its claims (a citation must hold what the sentence says: the first reports said 12 and 19)
        var told = Assert.Single(story.Brief, b => b.Text.Contains("rose to 23"));
        Assert.False(told.Disputed);
        Assert.Equal(toll.Values[^1].Sources.Order(), told.Sources.Order());
        Assert.Equal(toll.Values.SelectMany(v => v.Claims).Distinct().Order(), told.Claims.Order());
        // every value span selects its figure
        Assert.All(toll.Values, v => Assert.All(v.Spans, s => Assert.Equal(v.Value, story.Doc(s.DocId).Slice(s.Span))));
    }

    [Fact]
    public void Ferry_passenger_figure_is_settled_by_independent_sources_with_the_rewrite_counted_once()
    {
        var story = Run(Path.Combine(SharedData.SamplesDir, "ferry-capsize"));
        // the Daily Lantern rewrites the Coastline Wire story: one origin
        var group = Assert.Single(story.SharedOrigins);
        Assert.Equal(["02-coastline-wire.txt", "03-daily-lantern.html"], group.Select(id => FileOf(story, id)).Order(StringComparer.Ordinal));
        var d = Assert.Single(story.Discrepancies, x => x.Values.Any(v => v.Value == "184"));
        Assert.False(d.IsUpdate);
        Assert.Equal("majority", d.ResolutionMethod);
        Assert.Equal("148", d.ResolvedValue);
        Assert.Equal(3, d.Values.First(v => v.Value == "148").Sources.Length);
        Assert.Contains("3 independent sources", d.Resolution);
        Assert.Contains("rewrites", d.Resolution);
        // the licensed capacity (120 passengers) is another figure, not a third value
        Assert.DoesNotContain(story.Discrepancies, x => x.Values.Any(v => v.Value == "120"));
        Assert.Equal(2, story.Discrepancies.Count(x => x.Kind == DiscrepancyKind.Number));
        // Varga-Moss / Varga Moss and Tomáš Reljić / Tomas Reljic are spellings of one name, not a name discrepancy
        Assert.DoesNotContain(story.Discrepancies, x => x.Kind == DiscrepancyKind.Name);
    }

    [Fact]
    public void Refinery_workers_figure_is_self_contradictory_and_settled_by_arithmetic()
    {
        var story = Run(Path.Combine(SharedData.SamplesDir, "refinery-strike"));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number);
        Assert.Equal(["120", "210"], d.Values.Select(v => v.Value));
        Assert.True(d.SameDocument);
        Assert.Equal("arithmetic", d.ResolutionMethod);
        Assert.Equal("210", d.ResolvedValue);
        Assert.Contains("1,850 − 1,640 = 210", d.Resolution);
        // the claims layer leaves dates and attributions to the timeline and quote layers: no number discrepancy on them
        Assert.DoesNotContain(story.Discrepancies, x => x.Kind == DiscrepancyKind.Number && x.Values.Any(v => v.Value is "1850" or "4.5" or "40"));
    }

    [Fact]
    public void Stories_checked_in_parallel_do_not_share_state()
    {
        // one cross-checker serves all stories of a run at once: each must find its own figures every time
        var pipeline = new PipelineBuilder().UseDefaults().Build();
        for (int run = 0; run < 4; run++)
        {
            var stories = pipeline.Run([Path.Combine(SharedData.SamplesDir, "ferry-capsize"), Path.Combine(SharedData.SamplesDir, "refinery-strike")]).Stories;
            Assert.Equal(2, stories.Count());
            Assert.Contains(stories.SelectMany(s => s.Discrepancies), d => d.ResolutionMethod == "arithmetic" && d.ResolvedValue == "210");
            Assert.Contains(stories.SelectMany(s => s.Discrepancies), d => d.ResolutionMethod == "update" && d.ResolvedValue == "23");
        }
    }

    [SharedFact]
    public void Seeds_sanctioned_ships_are_one_fact_with_differing_details()
    {
        var story = Run(SharedData.SeedsDir);
        var vessels = Assert.Single(story.Claims, c => ClaimOf(story, c).Quantities.Any(q => q.Value == 4m && q.What == "third-country vessels"));
        var ships = Assert.Single(story.Claims, c => ClaimOf(story, c).Quantities.Any(q => q.Value == 4m && q.What is { } w && w.EndsWith("russian ships")));
        Assert.NotEqual(vessels.DocId, ships.DocId);
        Assert.Contains(ships.Id, vessels.SameFactAs);
        Assert.Contains(vessels.Id, ships.SameFactAs);
        Assert.Equal(vessels.Fact, ships.Fact);
        Assert.DoesNotContain(ships.Id, vessels.ContradictedBy);
        Assert.DoesNotContain(story.Discrepancies, d => d.Values.Any(v => v.Value == "4"));
        // Chang Ho Jin / Chang Ho-jin, and Putin and Yoon both "President": no name discrepancy
        Assert.DoesNotContain(story.Discrepancies, d => d.Kind == DiscrepancyKind.Name);
    }

    [SharedFact]
    public void Seeds_one_statement_in_other_words_is_one_fact()
    {
        // "aids North Korea’s military enhancement" / "contributes to increasing North Korea's military power": one quotation, two renderings
        var story = Run(SharedData.SeedsDir);
        var a = Assert.Single(story.Claims, c => ClaimOf(story, c).Text.Contains("directly or indirectly aids North Korea’s military enhancement", StringComparison.Ordinal));
        var b = Assert.Single(story.Claims, c => ClaimOf(story, c).Text.Contains("contributes to increasing North Korea's military power", StringComparison.Ordinal));
        Assert.NotEqual(a.DocId, b.DocId);
        Assert.Equal(a.Fact, b.Fact);
        Assert.Contains(b.Id, a.SupportedBy.Concat(a.SameFactAs));
    }

    [SharedTheory]
    [InlineData("aircraft carrier")]
    [InlineData("artillery shells")]
    [InlineData("KBS")]
    public void Seeds_report_lists_what_only_one_source_reports(string phrase)
    {
        var story = Run(SharedData.SeedsDir);
        var carriers = story.Claims.Where(c => ClaimOf(story, c).Text.Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(carriers);
        var doc = Assert.Single(carriers.Select(c => c.DocId).Distinct());
        var framing = story.Framing.First(f => f.DocId == doc);
        Assert.Contains(framing.ExclusiveClaims, id => carriers.Any(c => c.Id == id));
        // and no other source is said to carry it
        Assert.All(story.Framing.Where(f => f.DocId != doc), f => Assert.DoesNotContain(f.ExclusiveClaims, id => carriers.Any(c => c.Id == id)));
    }

    [Fact]
    public void A_wire_story_and_its_copy_list_their_exclusive_facts_once()
    {
        var story = Run(Path.Combine(SharedData.SamplesDir, "kestrava-recount"));
        var copies = Assert.Single(story.SharedOrigins);
        var (first, copy) = (copies[0], copies[1]);
        Assert.NotEmpty(story.Framing.First(f => f.DocId == first).ExclusiveClaims);
        // what only the wire reports is listed under the wire, not again under the page that re-publishes it
        Assert.Empty(story.Framing.First(f => f.DocId == copy).ExclusiveClaims);
    }

    [SharedFact]
    public void Seeds_framing_names_headline_verbs_and_words_of_the_reporters_own()
    {
        var story = Run(SharedData.SeedsDir);
        var verbs = story.Framing.Select(f => f.HeadlineVerb).ToList();
        Assert.Contains("mulls", verbs);
        Assert.Contains("to reconsider", verbs);
        Assert.Contains("could arm", verbs);
        Assert.Contains("renews threat", verbs);
        // loaded and hedging words come from the reporter's text, never from inside a quotation
        foreach (var f in story.Framing)
        {
            var doc = story.Doc(f.DocId);
            foreach (var w in f.LoadedWords.Concat(f.HedgingWords))
                Assert.Contains(doc.Claims, c => OutsideQuotes(c.Text).Contains(w, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string OutsideQuotes(string text)
    {
        var sb = new System.Text.StringBuilder();
        bool inside = false;
        foreach (var ch in text)
        {
            if (ch is '“') inside = true;
            else if (ch is '”') inside = false;
            else if (ch is '"') inside = !inside;
            else if (!inside) sb.Append(ch);
        }
        return sb.ToString();
    }
}
