using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>
/// Story pass (runs first): dates the sources that state no publication date, or whose own inference is weak,
/// from the dates the other sources of the story give (full dates, month-day dates once the story's year is known,
/// stated publication dates), then re-resolves those documents' relative expressions against the new reference;
/// then pins undated reports whose weekday events another source dates (<see cref="PinByEvents"/>).
/// A stated date, or one read from the page's address or file name, is never replaced.
/// </summary>
public sealed class PublicationDateReconciler : IStoryPass
{
    /// <summary>Own inferences below this confidence are redone with the story's dates.</summary>
    public const double WeakConfidence = 0.8;

    /// <summary>A date read from the page's address or file name: event pins do not move it.</summary>
    private const double NameConfidence = 0.9;

    public string Name => "publication-dates";

    public Story Apply(Story story)
    {
        var docs = story.Documents;
        if (docs.Length < 2) return story;
        var placed = docs.Select(d => TimeAnnotator.PlaceForInference(d)).ToArray();

        int? storyYear = null;
        foreach (var list in placed)
            foreach (var p in list)
                if (p.Mention.Kind == TimexKind.FullDate && p.Mention.Year is { } y && p.Direction < 0) storyYear = Math.Max(storyYear ?? y, y);
        foreach (var d in docs)
            if (d.Published is { Inferred: false } stated) storyYear ??= stated.Date.Year;
        if (storyYear is null) return story;

        var anchorsByDoc = docs.Select((d, i) => AnchorsOf(d, placed[i], storyYear.Value)).ToArray();
        var newest = NewestAnchors(anchorsByDoc);
        var builder = docs.ToBuilder();
        bool changed = false;
        for (int i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (doc.Published is { Inferred: false }) continue;
            if (doc.Published is { } own && own.Confidence >= WeakConfidence) continue;
            var external = ExternalAnchors(newest, i);
            if (external.Count == 0) continue;
            if (PublicationDateInference.Infer(placed[i], external) is not { } inferred) continue;
            if (doc.Published is { } before && before.Date == inferred.Date && before.Confidence >= inferred.Confidence) continue;
            inferred = inferred with { Evidence = [.. inferred.Evidence, "dates from the other sources of the story fix the year and the week"] };
            builder[i] = TimeAnnotator.Reresolve(doc, inferred);
            changed = true;
        }
        var docsNow = changed ? builder.ToImmutable() : docs;
        var pinned = PinByEvents(docsNow, placed, newest);
        return pinned != docs ? story with { Documents = pinned } : story;
    }

    /// <summary>Documents whose dates can vouch for an event's day: stated ones, confident inferences, or a calendar date written out.</summary>
    private static bool Vouches(Document doc, TimeExpression t) =>
        t.Precision == DatePrecision.Day && t.Date is not null && t.TimexType is "DATE" or "TIME"
        && (t.Text.Any(char.IsDigit) || doc.Published is { Inferred: false } || doc.Published is { Confidence: >= WeakConfidence });

    /// <summary>
    /// A bare weekday of an undated report ("talks collapsed on Thursday") that tells an event another source dates
    /// (the same event words on a day that is a Thursday) pins the report to the week after that day. Within the days
    /// all its pins (and its own calendar dates) allow, the report is dated as <see cref="PublicationDateInference"/>
    /// would date it: the day that best fits its other relative dates and the story's span.
    /// </summary>
    /// <summary>
    /// The inference only needs the newest anchor the other sources give, so each document's is found from the two
    /// newest anchors of the story that come from different documents: linear in the story, not all pairs.
    /// </summary>
    private static List<(int Doc, PublicationDateInference.Anchor Anchor)> NewestAnchors(List<PublicationDateInference.Anchor>[] anchorsByDoc)
    {
        var best = new List<(int Doc, PublicationDateInference.Anchor Anchor)>();
        for (int j = 0; j < anchorsByDoc.Length; j++)
            if (anchorsByDoc[j].Count > 0) best.Add((j, anchorsByDoc[j].MaxBy(a => a.Date)!));
        return [.. best.OrderByDescending(x => x.Anchor.Date).ThenBy(x => x.Doc).Take(2)];
    }

    private static List<PublicationDateInference.Anchor> ExternalAnchors(List<(int Doc, PublicationDateInference.Anchor Anchor)> newest, int doc) =>
        newest.Where(x => x.Doc != doc).Take(1).Select(x => x.Anchor).ToList();

    private static ImmutableArray<Document> PinByEvents(ImmutableArray<Document> docs, IReadOnlyList<PlacedMention>[] placed, List<(int Doc, PublicationDateInference.Anchor Anchor)> newest)
    {
        // vouched-for days, indexed by weekday and head event word: a mention looks up only its own bucket
        var dated = new Dictionary<(int Weekday, string Head), List<(int Doc, DateOnly Date, EventSignature Event, string Text)>>();
        for (int j = 0; j < docs.Length; j++)
            foreach (var t in docs[j].Times)
                if (Vouches(docs[j], t) && docs[j].SentenceAt(t.Span.Start) is var si && si >= 0
                    && EventWords.Signature(docs[j].Text, docs[j].Sentences[si].Span, t.Span) is { Head: { } head } sig)
                {
                    var key = (((int)t.Date!.Value.DayOfWeek + 6) % 7 + 1, head);
                    if (!dated.TryGetValue(key, out var bucket)) dated[key] = bucket = [];
                    bucket.Add((j, t.Date!.Value, sig, t.Text));
                }
        if (dated.Count == 0) return docs;

        var builder = docs.ToBuilder();
        bool changed = false;
        for (int i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (doc.Published is { Inferred: false } || doc.Published is { Confidence: >= NameConfidence }) continue;
            var pins = new List<(DateOnly Day, string Why)>();
            foreach (var p in placed[i])
            {
                if (p.Mention is not { Kind: TimexKind.Weekday, Weekday: { } wd, ForcedDirection: 0 } || p.Direction > 0) continue;
                var sig = EventWords.Signature(doc.Text, p.Sentence, p.Mention.Span);
                if (sig.Head is null || !dated.TryGetValue((wd, sig.Head), out var bucket)) continue;
                var match = bucket.Where(x => x.Doc != i && EventWords.SameEvent(sig, x.Event))
                    .Select(x => (x.Date, $"'{p.Text}' tells the event {docs[x.Doc].Id} dates {x.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ('{x.Text}')"))
                    .Distinct().ToList();
                if (match.Select(m => m.Date).Distinct().Count() == 1) pins.Add(match[0]);
            }
            if (pins.Count == 0) continue;
            var lo = pins.Max(x => x.Day);
            var hi = pins.Min(x => x.Day).AddDays(6);
            // its own calendar dates are events it reports: it was written on or after the latest of them
            foreach (var t in doc.Times)
                if (t.Precision == DatePrecision.Day && t.Date is { } own && t.Text.Any(char.IsDigit) && own > lo && own <= hi) lo = own;
            if (lo > hi) continue;
            // within the pinned week, the day that best fits the document's other relative dates and the story's span
            var external = ExternalAnchors(newest, i);
            var day = PublicationDateInference.Infer(placed[i], external, (lo, hi))?.Date ?? lo;
            if (day < lo || day > hi) day = lo;
            if (doc.Published is { } current && current.Date == day) continue;
            var evidence = new List<string>(pins.Select(x => x.Why).Distinct())
            {
                $"so written between {lo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} and {hi.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} fits its other dates best",
            };
            var inferred = new PublicationDate(day, Inferred: true) { Confidence = 0.75, Evidence = evidence, NotBefore = lo };
            builder[i] = TimeAnnotator.Reresolve(doc, inferred);
            changed = true;
        }
        return changed ? builder.ToImmutable() : docs;
    }

    private static List<PublicationDateInference.Anchor> AnchorsOf(Document doc, IReadOnlyList<PlacedMention> placed, int storyYear)
    {
        var result = new List<PublicationDateInference.Anchor>();
        foreach (var p in placed)
        {
            if (p.Direction > 0) continue;
            var m = p.Mention;
            if (m.Kind == TimexKind.FullDate && TimexResolver.Resolve(m, null, -1)?.Date is { } d)
            {
                // the page's own date written out (a date line, front matter) is its publication date, added below
                if (doc.Published is { Inferred: false } own && own.Date == d) continue;
                result.Add(new(d, $"'{p.Text}' in {doc.Id}"));
            }
            else if (m.Kind == TimexKind.MonthDay && m.Day <= DateTime.DaysInMonth(storyYear, m.Month!.Value))
                result.Add(new(new DateOnly(storyYear, m.Month!.Value, m.Day!.Value), $"'{p.Text}' in {doc.Id}, year {storyYear.ToString(CultureInfo.InvariantCulture)} from the story"));
        }
        if (doc.Published is { Inferred: false } stated) result.Add(new(stated.Date, $"{doc.Id} published {stated.Date:yyyy-MM-dd}") { IsPublication = true });
        return result;
    }
}
