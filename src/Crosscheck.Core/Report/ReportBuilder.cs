using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.Report;

/// <summary>Turns checked stories into the report contract. Every text it writes is sliced from a span.</summary>
public static class ReportBuilder
{
    public const string SchemaVersion = "1";

    public static CrosscheckReport Build(IReadOnlyList<Story> stories, IReadOnlyList<InputDiagnostic> diagnostics) =>
        new(SchemaVersion, stories.Select(BuildStory).ToList())
        {
            Diagnostics = diagnostics.Select(d => new DiagnosticReport(d.File, d.Severity.ToString().ToLowerInvariant(), d.Message)).ToList(),
        };

    public static StoryReport BuildStory(Story story)
    {
        var docs = story.Documents.ToDictionary(d => d.Id);
        return new StoryReport(story.Id, story.Title)
        {
            Summary = story.Brief.Select(b => new BriefSentenceReport(b.Text, b.Claims, b.Sources) { Disputed = b.Disputed }).ToList(),
            Sources = story.Documents.Select(BuildSource).ToList(),
            Entities = story.Entities.Select(e => new EntityReport(e.Id, TypeName(e.Type), e.Name, e.Aliases, e.Roles,
                e.Mentions.Select(m => new MentionReport(m.DocId, m.Span.Start, m.Span.End) { Text = docs[m.DocId].Slice(m.Span) }).ToList())
            { Country = e.CountryId }).ToList(),
            Quotes = story.Quotes.Select(q =>
            {
                var quote = docs[q.DocId].Quotes[q.Index];
                return new QuoteReport(q.Id, q.SpeakerEntityId, quote.SpeakerName, docs[q.DocId].Slice(quote.Span), quote.Direct, q.DocId,
                    quote.Span.Start, quote.Span.End, q.SameStatementAs)
                { Cue = quote.Cue, SpeakerDescription = quote.SpeakerDescription, StatementGroup = q.StatementGroup };
            }).ToList(),
            Claims = story.Claims.Select(c =>
            {
                var claim = docs[c.DocId].Claims[c.Index];
                var quantities = claim.Quantities.Select(ToReport).ToList();
                return new ClaimReport(c.Id, docs[c.DocId].Slice(claim.Span), c.DocId, claim.Span.Start, claim.Span.End,
                    quantities.FirstOrDefault(), c.SupportedBy, c.ContradictedBy)
                { Quantities = quantities, SameFactAs = c.SameFactAs, Fact = c.Fact };
            }).ToList(),
            Discrepancies = story.Discrepancies.Select(d => new DiscrepancyReport(d.Id, KindName(d.Kind), d.About,
                d.Values.Select(v => new DiscrepancyValueReport(v.Value, v.Claims, v.Sources)
                {
                    Evidence = v.Spans.Select(s => new MentionReport(s.DocId, s.Span.Start, s.Span.End) { Text = docs[s.DocId].Slice(s.Span) }).ToList(),
                }).ToList(), d.SameDocument, d.Resolution)
            { ResolvedValue = d.ResolvedValue, ResolutionMethod = d.ResolutionMethod, IsUpdate = d.IsUpdate }).ToList(),
            Timeline = story.Timeline.Select(t => new TimelineReport(FormatDate(t.Date, t.Precision), PrecisionName(t.Precision), t.What,
                docs[t.Phrase.DocId].Slice(t.Phrase.Span), t.Phrase.DocId, t.Phrase.Span.Start, t.Phrase.Span.End, t.Sources)
            { Modifier = t.Modifier, SentenceStart = t.Sentence?.Span.Start, SentenceEnd = t.Sentence?.Span.End }).ToList(),
            Framing = story.Framing.Select(f => new FramingReport(f.DocId)
            {
                HeadlineVerb = f.HeadlineVerb, LoadedWords = f.LoadedWords, HedgingWords = f.HedgingWords,
                ExclusiveClaims = f.ExclusiveClaims, OmittedFacts = f.OmittedFacts,
            }).ToList(),
            SharedOrigins = story.SharedOrigins.Select(g => (IReadOnlyList<string>)g).ToList(),
        };
    }

    private static SourceReport BuildSource(Document d) => new(d.Id, d.Source.File, d.Source.Outlet, d.Title,
        d.Published?.Date.ToString("yyyy-MM-dd"), d.Published?.Inferred ?? false)
    {
        Url = d.Source.Url, Author = d.Source.Author, TitleInferred = d.TitleInferred,
        OutletInferred = d.Source.OutletInferred, OutletStart = d.Source.OutletSpan?.Start, OutletEnd = d.Source.OutletSpan?.End,
        TitleStart = d.TitleSpan?.Start, TitleEnd = d.TitleSpan?.End,
        PublishedConfidence = d.Published?.Confidence, PublishedEvidence = d.Published?.Evidence ?? [],
        Format = d.Source.Format, Encoding = d.Source.Encoding,
        Paragraphs = d.Clean?.Blocks.Select(b => new ParagraphReport(b.Span.Start, b.Span.End, b.Kind.ToString().ToLowerInvariant(), d.Slice(b.Span))).ToList() ?? [],
        Removed = d.Clean?.Removed.Select(r => new RemovedReport(r.Span.Start, r.Span.End, r.Reason)).ToList() ?? [],
    };

    private static QuantityReport ToReport(Quantity q) => new(q.Value, q.Unit) { What = q.What, Role = q.Role, Start = q.Span?.Start, End = q.Span?.End };

    public static string TypeName(EntityType t) => t switch
    {
        EntityType.Person => "person", EntityType.Organization => "organization", EntityType.Location => "location",
        EntityType.Country => "country", _ => "other",
    };

    public static string KindName(DiscrepancyKind k) => k.ToString().ToLowerInvariant();

    public static string PrecisionName(DatePrecision p) => p switch
    {
        DatePrecision.Day => "day", DatePrecision.Month => "month", DatePrecision.Year => "year", _ => "day", // the contract knows day, month and year only; a week is reported by its first day
    };

    public static string FormatDate(DateOnly date, DatePrecision p) => p switch
    {
        DatePrecision.Month => date.ToString("yyyy-MM"),
        DatePrecision.Year => date.ToString("yyyy"),
        _ => date.ToString("yyyy-MM-dd"),
    };
}
