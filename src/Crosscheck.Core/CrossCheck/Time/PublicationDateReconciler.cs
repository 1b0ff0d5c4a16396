using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Core.Annotate.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Time;

/// <summary>
/// Story pass (runs first): dates the sources that state no publication date, or whose own inference is weak,
/// from the dates the other sources of the story give (full dates, month-day dates once the story's year is known,
/// stated publication dates), then re-resolves those documents' relative expressions against the new reference.
/// A stated date is never replaced.
/// </summary>
public sealed class PublicationDateReconciler : IStoryPass
{
    /// <summary>Own inferences below this confidence are redone with the story's dates.</summary>
    public const double WeakConfidence = 0.8;

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
        var builder = docs.ToBuilder();
        bool changed = false;
        for (int i = 0; i < docs.Length; i++)
        {
            var doc = docs[i];
            if (doc.Published is { Inferred: false }) continue;
            if (doc.Published is { } own && own.Confidence >= WeakConfidence) continue;
            var external = anchorsByDoc.Where((_, j) => j != i).SelectMany(a => a).ToList();
            if (external.Count == 0) continue;
            if (PublicationDateInference.Infer(placed[i], external) is not { } inferred) continue;
            if (doc.Published is { } before && before.Date == inferred.Date && before.Confidence >= inferred.Confidence) continue;
            inferred = inferred with { Evidence = [.. inferred.Evidence, "dates from the other sources of the story fix the year and the week"] };
            builder[i] = TimeAnnotator.Reresolve(doc, inferred);
            changed = true;
        }
        return changed ? story with { Documents = builder.ToImmutable() } : story;
    }

    private static List<PublicationDateInference.Anchor> AnchorsOf(Document doc, IReadOnlyList<PlacedMention> placed, int storyYear)
    {
        var result = new List<PublicationDateInference.Anchor>();
        foreach (var p in placed)
        {
            if (p.Direction > 0) continue;
            var m = p.Mention;
            if (m.Kind == TimexKind.FullDate && TimexResolver.Resolve(m, null, -1)?.Date is { } d)
                result.Add(new(d, $"'{p.Text}' in {doc.Id}"));
            else if (m.Kind == TimexKind.MonthDay && m.Day <= DateTime.DaysInMonth(storyYear, m.Month!.Value))
                result.Add(new(new DateOnly(storyYear, m.Month!.Value, m.Day!.Value), $"'{p.Text}' in {doc.Id}, year {storyYear.ToString(CultureInfo.InvariantCulture)} from the story"));
        }
        if (doc.Published is { Inferred: false } stated) result.Add(new(stated.Date, $"{doc.Id} published {stated.Date:yyyy-MM-dd}"));
        return result;
    }
}
