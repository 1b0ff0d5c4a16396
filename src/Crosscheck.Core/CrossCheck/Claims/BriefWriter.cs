using System.Collections.Immutable;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// The opening account, extractive and deterministic: the facts that the most independent sources carry, each told
/// by one of its claims (the shortest full sentence of the reporter's own, preferably) citing every source behind it;
/// then each evolving figure told by its latest report (citing the earlier ones), then the disputed figures, marked as disputed.
/// </summary>
public static class BriefWriter
{
    public static ImmutableArray<BriefSentence> Write(IReadOnlyList<ClaimNode> nodes, IReadOnlyDictionary<string, string> factOf,
        IReadOnlyDictionary<string, string> originOf,
        IReadOnlyList<Discrepancy> discrepancies, int maxSentences = 5, IReadOnlyList<Discrepancy>? attributions = null)
    {
        // a quotation whose speaker the sources dispute: the claims that carry it are disputed too
        var attributed = (attributions ?? []).Select(d => (Discrepancy: d, Claims: d.Values.SelectMany(v => v.Spans)
                .SelectMany(s => nodes.Where(n => n.DocId == s.DocId && n.Claim.Span.Overlaps(s.Span))).Select(n => n.Id).Distinct().ToList()))
            .Where(x => x.Claims.Count > 0).ToList();
        var disputedClaims = discrepancies.Where(d => !d.IsUpdate).SelectMany(d => d.Values).SelectMany(v => v.Claims)
            .Concat(attributed.SelectMany(x => x.Claims)).ToHashSet();
        // an evolving figure is told once, by its latest report, in the pass below (not as a fact citing every report)
        var updating = discrepancies.Where(d => d.IsUpdate && d.ResolvedValue is not null).SelectMany(d => d.Values).SelectMany(v => v.Claims).ToHashSet();
        var facts = nodes.GroupBy(n => factOf[n.Id])
            .Select(g => (Fact: g.Key, Members: g.ToList(), Origins: g.Select(n => originOf.GetValueOrDefault(n.DocId, n.DocId)).Distinct().Count(),
                          Position: g.Average(n => (double)n.Index / Math.Max(1, n.Doc.Claims.Length))))
            .Where(f => f.Members.All(m => !disputedClaims.Contains(m.Id) && !updating.Contains(m.Id)))
            .OrderByDescending(f => f.Origins).ThenBy(f => f.Members.Any(m => StandsAlone(m.Claim.Text)) ? 0 : 1)
            .ThenBy(f => f.Position).ThenBy(f => f.Members[0].Order).ToList();
        var brief = ImmutableArray.CreateBuilder<BriefSentence>();
        int minOrigins = facts.Count > 0 && facts[0].Origins >= 2 ? 2 : 1;
        foreach (var f in facts.Where(f => f.Origins >= minOrigins).Take(minOrigins == 1 ? 2 : maxSentences).OrderBy(f => f.Position))
        {
            var speaker = MostReadable(f.Members.OrderBy(m => m.Order).ToList(), ownWordsFirst: true);
            brief.Add(new BriefSentence(speaker.Claim.Text)
            {
                Claims = [.. f.Members.Select(m => m.Id)],
                Sources = [.. f.Members.Select(m => m.DocId).Distinct()],
            });
        }
        // an evolving figure: the latest report tells it, citing every earlier report (an update, not a dispute)
        foreach (var d in discrepancies.Where(d => d.IsUpdate && d.ResolvedValue is not null))
        {
            var latest = d.Values.FirstOrDefault(v => v.Value == d.ResolvedValue);
            if (latest is null || latest.Claims.IsEmpty) continue;
            var node = nodes.First(n => n.Id == latest.Claims[0]);
            if (brief.Any(b => b.Claims.Contains(node.Id))) continue;
            // the sentence states the latest figure: it cites the sources that report that figure (the earlier
            // reports stay among its claims and in the discrepancy, but a citation must hold what the sentence says)
            brief.Add(new BriefSentence(node.Claim.Text)
            {
                Claims = [.. d.Values.SelectMany(v => v.Claims).Distinct()], Sources = [.. latest.Sources.Distinct()],
            });
        }
        foreach (var d in discrepancies.Where(d => !d.IsUpdate))
        {
            var claimIds = d.Values.SelectMany(v => v.Claims).Distinct().ToList();
            if (claimIds.Count == 0) continue;
            var pool = d.ResolvedValue is { } rv && d.Values.FirstOrDefault(v => v.Value == rv) is { Claims.Length: > 0 } rvv ? [.. rvv.Claims] : claimIds;
            var preferred = Readable(pool, nodes);
            var node = nodes.First(n => n.Id == preferred);
            // the sentence gives one value: it cites the sources of that value (the others are in the discrepancy it points to)
            var told = d.Values.FirstOrDefault(v => v.Claims.Contains(preferred));
            brief.Add(new BriefSentence(node.Claim.Text)
            {
                Claims = [.. claimIds], Sources = told is null ? [node.DocId] : [.. told.Sources.Distinct()], Disputed = true,
            });
        }
        foreach (var (d, claimIds) in attributed)
        {
            var node = nodes.First(n => n.Id == Readable(claimIds, nodes));
            brief.Add(new BriefSentence(node.Claim.Text)
            {
                Claims = [.. claimIds], Sources = [.. claimIds.Select(id => nodes.First(n => n.Id == id).DocId).Distinct()], Disputed = true,
            });
        }
        return brief.ToImmutable();
    }

    /// <summary>Of a disputed point's claims, the one a reader can follow out of its article: standing alone, without
    /// pronouns, of a readable length; the first on a tie.</summary>
    private static string Readable(IReadOnlyList<string> claimIds, IReadOnlyList<ClaimNode> nodes)
    {
        var claims = claimIds.Select(id => nodes.FirstOrDefault(n => n.Id == id)).OfType<ClaimNode>().ToList();
        return claims.Count == 0 ? claimIds[0] : MostReadable(claims, ownWordsFirst: false).Id;
    }

    /// <summary>The claim a reader can follow out of its article: one that stands alone, then one without pronouns, then
    /// (when <paramref name="ownWordsFirst"/>) one in the reporter's own words, then one of a readable length; the first
    /// of <paramref name="claims"/> on a tie.</summary>
    private static ClaimNode MostReadable(IReadOnlyList<ClaimNode> claims, bool ownWordsFirst) =>
        claims.OrderBy(m => StandsAlone(m.Claim.Text) ? 0 : 1).ThenBy(m => PronounCount(m.Claim.Text) > 0 ? 1 : 0)
            .ThenBy(m => ownWordsFirst && m.Claim.Attributed ? 1 : 0).ThenBy(m => LengthPenalty(m.Claim.Text.Length)).First();

    private static readonly HashSet<string> LeadingPronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its", "we", "i" };

    /// <summary>
    /// True when a sentence can open a brief on its own: it does not begin with a pronoun ("He added, ...") whose
    /// referent is in another sentence, nor with a quotation that names its speaker only later, if at all.
    /// </summary>
    public static bool StandsAlone(string sentence)
    {
        var t = sentence.AsSpan().TrimStart();
        if (t.IsEmpty) return false;
        if (t[0] is '"' or '“' or '‘' or '\'' or '«' or '„') return false;
        // the tail of a quotation that began in an earlier sentence: a closing mark before any opening one
        int open = t.IndexOfAny('“', '«'), close = t.IndexOfAny('”', '»');
        if (close >= 0 && (open < 0 || close < open)) return false;
        // a fact-box line ("Height: 47 metres", "Last survey: 2009") is data, not a sentence that can open an account
        int colon = t.IndexOf(':');
        if (colon > 0 && colon < 40 && t.TrimEnd()[^1] is not ('.' or '!' or '?' or '"' or '”')) return false;
        int end = 0;
        while (end < t.Length && char.IsLetter(t[end])) end++;
        return !LeadingPronouns.Contains(t[..end].ToString());
    }

    /// <summary>Third-person pronouns in a sentence ("its foot", "they said"): out of its article, their referent may be lost.</summary>
    public static int PronounCount(string sentence)
    {
        int n = 0, i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsLetter(sentence[i])) { i++; continue; }
            int s0 = i;
            while (i < sentence.Length && char.IsLetter(sentence[i])) i++;
            if (i - s0 <= 5 && ThirdPersonPronouns.Contains(sentence[s0..i])) n++;
        }
        return n;
    }

    private static readonly HashSet<string> ThirdPersonPronouns = new(StringComparer.OrdinalIgnoreCase)
        { "he", "she", "they", "it", "its", "his", "her", "their", "them", "him" };

    /// <summary>Prefers sentences of 80–250 characters.</summary>
    private static int LengthPenalty(int length) => length < 80 ? 80 - length : length > 250 ? length - 250 : 0;
}
