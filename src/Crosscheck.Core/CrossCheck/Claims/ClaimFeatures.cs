using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>One claim of the story with the features alignment uses: content stems, entity keys, numbers.</summary>
public sealed class ClaimNode
{
    public required string Id { get; init; }
    public required int Order { get; init; }
    public required Document Doc { get; init; }
    public required int Index { get; init; }
    public required Claim Claim { get; init; }
    /// <summary>Distinct matching terms: "w:stem", "e:entity", "n:value".</summary>
    public required ImmutableArray<string> Terms { get; init; }
    /// <summary>The people, organisations and other non-place entities the claim names (story entity ids): who it is about.</summary>
    public ImmutableArray<string> Subjects { get; init; } = [];
    public string DocId => Doc.Id;

    private (HashSet<string> Negated, HashSet<string> Plain)? _negation;

    /// <summary>Lemmas of the words the claim negates ("would not pay": pay) and of those it does not. Computed once.</summary>
    public (HashSet<string> Negated, HashSet<string> Plain) Negation => _negation ??= ClaimCrossChecker.NegatedWords(this);

    private HashSet<int>? _years; private bool _yearsDone;
    private HashSet<DateOnly>? _days;

    /// <summary>
    /// The years the claim speaks of: those of its time expressions (not the comparison points of "since 2019", "than in
    /// 2020", "until 2024"), else its document's publication year; null when undated. Computed once.
    /// </summary>
    public HashSet<int>? Years
    {
        get
        {
            if (_yearsDone) return _years;
            var years = new HashSet<int>();
            var text = Doc.Text;
            foreach (var t in Doc.Times)
            {
                if (t.Date is not { } d || t.Precision is DatePrecision.Unknown || !Claim.Span.Contains(t.Span)) continue;
                var before = text[Math.Max(Claim.Span.Start, t.Span.Start - 12)..t.Span.Start].TrimEnd().ToLowerInvariant();
                if (before.EndsWith("since") || before.EndsWith("than") || before.EndsWith("than in") || before.EndsWith("until") || before.EndsWith("before")) continue;
                years.Add(d.Year);
            }
            if (years.Count == 0 && Doc.Published?.Date is { } p) years.Add(p.Year);
            _years = years.Count == 0 ? null : years;
            _yearsDone = true;
            return _years;
        }
    }

    /// <summary>The calendar days of the claim's time expressions (day precision only). Computed once.</summary>
    public HashSet<DateOnly> Days => _days ??= [.. Doc.Times.Where(t => t.Date is not null && t.Precision == DatePrecision.Day && Claim.Span.Contains(t.Span)).Select(t => t.Date!.Value)];
}

/// <summary>Builds <see cref="ClaimNode"/>s; uses story entities when the entity stages have run, capitalised words otherwise.</summary>
public static class ClaimFeatures
{
    public static List<ClaimNode> Build(Story story)
    {
        var entityByDocSpan = new Dictionary<string, List<(TextSpan Span, string Id)>>(StringComparer.Ordinal);
        var places = story.Entities.Where(e => e.Type is EntityType.Location or EntityType.Country).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in story.Entities)
            foreach (var m in e.Mentions)
            {
                if (!entityByDocSpan.TryGetValue(m.DocId, out var list)) entityByDocSpan[m.DocId] = list = [];
                list.Add((m.Span, e.Id));
            }

        var nodes = new List<ClaimNode>();
        foreach (var doc in story.Documents)
        {
            entityByDocSpan.TryGetValue(doc.Id, out var mentions);
            for (int i = 0; i < doc.Claims.Length; i++)
            {
                var claim = doc.Claims[i];
                var terms = new SortedSet<string>(StringComparer.Ordinal);
                var words = TextWords.Split(doc.Text, claim.Span);
                for (int k = 0; k < words.Count; k++)
                {
                    var w = words[k];
                    if (!w.IsLetters || w.Text.Length < 3 || TextWords.StopWords.Contains(w.Text)) continue;
                    terms.Add("w:" + TextWords.Stem(w.Text));
                }
                foreach (var q in claim.Quantities) terms.Add("n:" + ValueText(q.Value));
                bool haveEntities = false;
                var subjects = new SortedSet<string>(StringComparer.Ordinal);
                if (mentions is not null)
                    foreach (var (span, id) in mentions)
                        if (claim.Span.Contains(span))
                        {
                            terms.Add("e:" + id); haveEntities = true;
                            if (!places.Contains(id)) subjects.Add(id);
                        }
                if (!haveEntities)
                    foreach (var name in CapitalisedRuns(words)) terms.Add("e:" + name);
                nodes.Add(new ClaimNode { Id = "c" + (nodes.Count + 1), Order = nodes.Count, Doc = doc, Index = i, Claim = claim, Terms = [.. terms], Subjects = [.. subjects] });
            }
        }
        return nodes;
    }

    /// <summary>Runs of capitalised words after the first word, joined without spaces or hyphens ("Chang Ho-jin" → "changhojin").</summary>
    private static IEnumerable<string> CapitalisedRuns(List<Word> words)
    {
        var run = new List<string>();
        for (int k = 0; k <= words.Count; k++)
        {
            bool cap = k < words.Count && k > 0 && words[k].IsLetters && char.IsUpper(words[k].Text[0]);
            if (cap) { run.Add(words[k].Text); continue; }
            if (run.Count > 0)
            {
                var key = string.Concat(run).Replace("-", "").Replace("’s", "").Replace("'s", "").ToLowerInvariant();
                if (key.Length > 2) yield return key;
                run.Clear();
            }
        }
    }

    public static string ValueText(decimal v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
