using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Time;

public class StoryTimeTests
{
    [Fact]
    public void OtherSourcesDateAnUndatedSourceAndTimelineMerges()
    {
        var stories = TestDocs.RunAll(
            ("The two leaders signed the pact on June 19, 2024 in Pyongyang.\nSeoul summoned the Russian ambassador on Friday over the pact.", null),
            // the report leads with Sunday's interview: it was written that Sunday, so Friday is two days before
            ("The adviser gave an interview on Sunday.\nSeoul summoned the Russian ambassador on Friday over the pact, officials said.", null));
        var story = Assert.Single(stories);
        var s2 = story.Doc("s2");
        Assert.NotNull(s2.Published);
        Assert.True(s2.Published!.Inferred);
        Assert.Equal(new DateOnly(2024, 6, 23), s2.Published.Date);
        Assert.True(s2.Published.Date >= s2.Published.NotBefore);

        var friday = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2024, 6, 21));
        Assert.Equal(new[] { "s1", "s2" }, friday.Sources.ToArray());
        Assert.Equal("Friday", friday.PhraseText);
        Assert.Equal(friday.PhraseText, story.Doc(friday.Phrase.DocId).Slice(friday.Phrase.Span));
        Assert.Contains("summoned", friday.What);
        Assert.Contains(story.Timeline, e => e.Date == new DateOnly(2024, 6, 19) && e.Precision == DatePrecision.Day);
        Assert.Equal(story.Timeline.OrderBy(e => e.Date).Select(e => e.Date), story.Timeline.Select(e => e.Date));
    }

    [Fact]
    public void SameEventOnDifferentDaysIsADateDiscrepancy()
    {
        var stories = TestDocs.RunAll(
            ("The foreign ministry held a press conference on Friday about the missile launch.", new DateOnly(2024, 6, 22)),
            ("The foreign ministry held a press conference on Thursday about the missile launch.", new DateOnly(2024, 6, 22)));
        var story = Assert.Single(stories);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal($"d{story.Discrepancies.IndexOf(d) + 1}", d.Id);
        Assert.Equal(["2024-06-20", "2024-06-21"], d.Values.Select(v => v.Value));
        // the timeline names no claims; the last pass (DisputedClaimLinker) links the claims whose sentences hold the dates
        Assert.All(d.Values, v => { Assert.All(v.Claims, c => Assert.Contains(story.Claims, sc => sc.Id == c)); Assert.NotEmpty(v.Sources); Assert.NotEmpty(v.Spans); });
    }

    [Fact]
    public void A_day_of_the_month_that_leads_the_report_holds_its_weekdays_in_that_week()
    {
        // The undated report leads with "the 9th"; its "Monday" is the day before, not the Monday after a later
        // source's date.
        var story = OneStory(
            ("The levee at Orrin gave way in the early hours of the 9th, a day after workers first reported cracks on Monday. By Tuesday night 20 people had been rescued.", null),
            ("The regional council met on Thursday, March 11, 2027, to discuss the Orrin levee.", new DateOnly(2027, 3, 11)));
        var s1 = story.Doc("s1");
        Assert.NotNull(s1.Published);
        Assert.InRange(s1.Published!.Date, new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 10));
        var monday = Assert.Single(s1.Times, t => t.Text == "Monday");
        Assert.Equal(new DateOnly(2027, 3, 8), monday.Date);
    }

    [Fact]
    public void The_same_clause_without_an_event_verb_on_two_days_is_a_date_discrepancy()
    {
        // "reported" is no event word and nothing else near the date is: the clauses are compared by their content words
        var story = OneStory(
            ("Inspectors first reported cracks at the base of the Marrow tower on Sunday, the city said.", new DateOnly(2027, 5, 4)),
            ("The tower was closed on Tuesday, two days after inspectors first reported cracks at its base on Monday.", new DateOnly(2027, 5, 4)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2027-05-02", "2027-05-03"], d.Values.Select(v => v.Value));
    }

    [Fact]
    public void A_time_phrase_inside_its_clause_stays_in_the_timeline_label()
    {
        var story = OneStory(
            ("The Orrin basin had its wettest April in thirty years, the weather office said. The levee was closed on Monday.", new DateOnly(2027, 5, 12)),
            ("The levee was closed on Monday after a week of rain.", new DateOnly(2027, 5, 12)));
        var april = Assert.Single(story.Timeline, e => e.Precision == DatePrecision.Month);
        Assert.Contains("wettest April in thirty years", april.What);
        // at the edge of its clause the phrase and its preposition are left out, as before
        var monday = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 10));
        Assert.DoesNotContain("Monday", monday.What);
    }

    [Fact]
    public void A_clause_that_only_says_when_reaches_over_its_comma_for_what_happened()
    {
        var story = OneStory(
            ("However, on the morning of May 3, when the inspection report was published, the council closed the Orrin levee.", new DateOnly(2027, 5, 12)),
            ("The council closed the Orrin levee after an inspection report was published.", new DateOnly(2027, 5, 12)));
        var may3 = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 3));
        Assert.Contains("report was published", may3.What);
    }

    [Fact]
    public void With_only_other_outlets_publication_dates_an_undated_report_keeps_its_own_days_together()
    {
        // s3 publishes three days later; s1's Sunday, Monday and Tuesday are one news week, written on the Tuesday
        var story = OneStory(
            ("The agency ordered the recall on Sunday. Police spent Monday at the plant. Managers told workers on Tuesday that two lines would keep running.", null),
            ("The recall of the syrup continued as police searched the plant, the agency said.", new DateOnly(2027, 9, 14)),
            ("The recall of the syrup widened after police searched the plant, the agency said.", new DateOnly(2027, 9, 17)));
        var s1 = story.Doc("s1");
        Assert.NotNull(s1.Published);
        Assert.InRange(s1.Published!.Date, new DateOnly(2027, 9, 14), new DateOnly(2027, 9, 15));
        Assert.Equal(new DateOnly(2027, 9, 12), Assert.Single(s1.Times, t => t.Text == "Sunday").Date);
    }

    [Fact]
    public void A_source_in_both_entries_through_another_event_does_not_hide_a_date_conflict()
    {
        // in the derailment sample, the Mercury (s3) sits in the Sunday entry through its derailment sentence, merged into
        // it by a list item telling both events; its "closed the line on Monday" still conflicts with three Sundays, while
        // one sentence dating two things ("injured in Sunday's derailment rose to 41 on Tuesday") is no conflict
        var result = new Crosscheck.Core.Pipeline.PipelineBuilder().UseDefaults().Build().Run([Path.Combine(SharedData.SamplesDir, "saltery-bend-derailment")]);
        var story = Assert.Single(result.Stories);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2027-11-14", "2027-11-15"], d.Values.Select(v => v.Value));
        Assert.Equal("2027-11-14", d.ResolvedValue);
        Assert.Contains("closed the line", d.About);
    }

    /// <summary>The texts as one story (the clusterer would split such short texts), cross-checked by the default story passes.</summary>
    private static Story OneStory(params (string Text, DateOnly? Published)[] texts)
    {
        var pipeline = new Crosscheck.Core.Pipeline.PipelineBuilder().UseDefaults().Build();
        var docs = texts.Select((t, i) => pipeline.Annotate(TestDocs.Raw(t.Text, $"s{i + 1}", $"doc{i + 1}.txt", t.Published))).ToImmutableArray();
        return pipeline.CrossCheck(new Story { Id = "story1", Title = "test", Documents = docs });
    }

    [Fact]
    public void DifferentEventsOnDifferentDaysAreNoDiscrepancy()
    {
        var story = OneStory(
            ("Workers at the Halvorsen refinery in Dunmere have been on strike since February 2, 2026.", new DateOnly(2026, 2, 10)),
            ("The strike at the Halvorsen refinery in Dunmere grew on Monday as contractors joined the picket lines.", new DateOnly(2026, 2, 10)),
            ("The minister said on Monday that the refinery would stay open. The union said on Friday that talks would resume.", new DateOnly(2026, 2, 10)));
        Assert.DoesNotContain(story.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void ParaphrasedEventOnAnotherDayIsADiscrepancyResolvedByTheCalendarDate()
    {
        var story = OneStory(
            ("Negotiations collapsed on Thursday, February 5, when the company refused to improve its offer.", new DateOnly(2026, 2, 9)),
            ("Talks between the two sides collapsed on Thursday after nine hours.", new DateOnly(2026, 2, 10)),
            ("Talks broke down on Friday, the union said.", new DateOnly(2026, 2, 10)));
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2026-02-05", "2026-02-06"], d.Values.Select(v => v.Value));
        Assert.Equal(["s1", "s2"], d.Values[0].Sources.ToArray());
        Assert.Equal(["s3"], d.Values[1].Sources.ToArray());
        Assert.Equal("2026-02-05", d.ResolvedValue);
        Assert.Contains("February 5", d.Resolution);
        foreach (var v in d.Values)
            foreach (var span in v.Spans)
                Assert.Matches("Thursday|Friday", story.Doc(span.DocId).Slice(span.Span));
    }

    [SharedFact]
    public void RefinerySampleDatesTheCollapseAndFlagsThursdayAgainstFriday()
    {
        var result = new Crosscheck.Core.Pipeline.PipelineBuilder().UseDefaults().Build().Run([Path.Combine(SharedData.SamplesDir, "refinery-strike")]);
        var story = Assert.Single(result.Stories);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2026-02-05", "2026-02-06"], d.Values.Select(v => v.Value));
        Assert.Contains(d.Values[1].Spans, s => story.Doc(s.DocId).Slice(s.Span) == "Friday");
        Assert.Contains(d.Values[0].Spans, s => story.Doc(s.DocId).Slice(s.Span).StartsWith("Thursday"));
        Assert.Equal("2026-02-05", d.ResolvedValue);
        // the contractors joining on Monday is one event that all four outlets date alike
        var monday = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2026, 2, 9));
        Assert.Equal(4, monday.Sources.Length);
    }

    [SharedFact]
    public void SeedsHaveNoDateDiscrepancy()
    {
        var result = new Crosscheck.Core.Pipeline.PipelineBuilder().UseDefaults().Build().Run([SharedData.SeedsDir]);
        Assert.DoesNotContain(Assert.Single(result.Stories).Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [SharedFact]
    public void FerrySampleTollUpdatesAreNoDateDiscrepancy()
    {
        // "died when the ferry capsized on Tuesday" and "the number dead rose to 23 on Thursday" date different events
        var result = new Crosscheck.Core.Pipeline.PipelineBuilder().UseDefaults().Build().Run([Path.Combine(SharedData.SamplesDir, "ferry-capsize")]);
        Assert.DoesNotContain(Assert.Single(result.Stories).Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }
    [Fact]
    public void A_date_that_opens_a_list_item_dates_the_item_and_joins_the_same_event_elsewhere()
    {
        var story = OneStory(
            ("How the leak unfolded:\n- **3 May**: Orvane detects the breach and cuts off outside access\n- **6 May**: the count of affected clients rises to 41,000\n", new DateOnly(2027, 5, 10)),
            ("Orvane said its engineers detected the breach on Monday.", new DateOnly(2027, 5, 8)),
            ("The firm discovered the breach on the 3rd, a spokesman said.", new DateOnly(2027, 5, 8)));
        var may3 = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 3));
        Assert.Equal(["s1", "s2", "s3"], may3.Sources.ToArray());
        var may6 = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 6));
        Assert.Equal(["s1"], may6.Sources.ToArray());
        Assert.Contains("rises to 41,000", may6.What);
        Assert.DoesNotContain("*", may6.What);
        Assert.DoesNotContain(story.Discrepancies, d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Telling_an_authority_is_notifying_it_and_two_dated_events_of_one_sentence_stay_apart()
    {
        var story = OneStory(
            ("Orvane informed the Valdic Data Regulator (VDR) on Wednesday, within the 72 hours the law allows.", new DateOnly(2027, 5, 8)),
            ("The company detected the breach on Monday, and the firm notified the Valdic Data Regulator on Wednesday.", new DateOnly(2027, 5, 8)),
            ("The firm discovered the breach on the 3rd and told the Valdic Data Regulator on Thursday, according to a statement.", new DateOnly(2027, 5, 8)));
        var wednesday = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 5));
        Assert.Equal("Orvane informed the Valdic Data Regulator", wednesday.What);
        var d = Assert.Single(story.Discrepancies, x => x.Kind == DiscrepancyKind.Date);
        Assert.Equal(["2027-05-05", "2027-05-06"], d.Values.Select(v => v.Value));
        Assert.Equal(["s1", "s2"], d.Values[0].Sources.ToArray());
        Assert.Equal(["s3"], d.Values[1].Sources.ToArray());
        // the discovery on the 3rd is not the notification on Thursday: it joins Monday's detection
        var may3 = Assert.Single(story.Timeline, e => e.Date == new DateOnly(2027, 5, 3));
        Assert.Equal(["s2", "s3"], may3.Sources.ToArray());
    }

    [Fact]
    public void A_reporting_clause_is_labelled_by_what_it_reports_and_a_copy_joins_it()
    {
        var story = OneStory(
            ("Hackers stole the records of 20,000 customers of Orvane, the company said on Friday.", null),
            ("Hackers have stolen the records of 20,000 customers of Orvane, the company said on Friday.", new DateOnly(2027, 5, 7)),
            ("Orvane's chief executive apologised on Friday.", new DateOnly(2027, 5, 7)));
        var friday = story.Timeline.Where(e => e.Date == new DateOnly(2027, 5, 7)).ToList();
        var stolen = Assert.Single(friday, e => e.What.Contains("stole"));
        Assert.Equal(["s1", "s2"], stolen.Sources.ToArray());
        Assert.DoesNotContain(friday, e => e.What == "the company said");
    }

    [Fact]
    public void A_label_takes_in_the_last_word_or_two_of_its_clause()
    {
        var story = OneStory(
            ("A spokeswoman said that the archive held the details of people who had left the company since 2019 and should have been deleted long ago.", new DateOnly(2027, 5, 8)));
        var y2019 = Assert.Single(story.Timeline, e => e.Precision == DatePrecision.Year);
        Assert.EndsWith("deleted long ago", y2019.What);
    }

    [Fact]
    public void A_threatened_deadline_is_on_the_timeline_ahead_of_the_report()
    {
        var story = OneStory(
            ("The group has threatened to publish the rest of the data by Thursday. Orvane said on Saturday that it would not pay.", new DateOnly(2027, 5, 8)));
        Assert.Contains(story.Timeline, e => e.Date == new DateOnly(2027, 5, 13) && e.What.Contains("threatened to publish"));
    }
}
