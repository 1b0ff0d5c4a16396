using System.Collections.Immutable;
using Crosscheck.Core.CrossCheck.Entities;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>
/// Name discrepancies: one office holder named with different given names by different sources ("Transport Minister
/// Ilena Varga-Moss" / "Transport Minister Irina Varga-Moss"). Only full names are compared; two forms compete when
/// they share the family part, carry the same role title somewhere in their documents, and their given names are not
/// spelling variants (equal once folded, an initial of one another, the same consonants, or one or two letters apart
/// in a long name). Different people with one surname and different offices, or a surname-only mention, never compete.
/// </summary>
public static class NameDiscrepancyFinder
{
    private sealed record Form(string DocId, string Given, string Family, string Surface, TextSpan Span);

    public static List<Discrepancy> Find(Story story, IReadOnlyList<ClaimNode> nodes, IReadOnlyDictionary<string, string> originOf)
    {
        var forms = new List<Form>();
        var rolesOf = new Dictionary<(string Doc, string Given, string Family), HashSet<string>>();
        foreach (var doc in story.Documents)
            foreach (var m in doc.Entities)
            {
                if (m.Type != EntityType.Person || m.Kind != "name") continue;
                var parts = NameKeys.Parts(m.Text);
                if (parts.Length < 2 || parts.Any(p => p.Length == 0)) continue;
                var given = NameKeys.Fold(parts[0]);
                var family = string.Join(' ', parts.Skip(1).Select(NameKeys.Fold));
                forms.Add(new Form(doc.Id, given, family, m.Text, m.Span));
                var key = (doc.Id, given, family);
                if (!rolesOf.TryGetValue(key, out var roles)) rolesOf[key] = roles = [];
                if (m.Role is { Length: > 0 } role) roles.Add(RoleKey(role));
            }

        var result = new List<Discrepancy>();
        foreach (var family in forms.GroupBy(f => f.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // given names that are spelling variants of one another form one cluster
            var clusters = new List<List<Form>>();
            foreach (var f in family.OrderBy(f => story.Documents.IndexOf(story.Doc(f.DocId))).ThenBy(f => f.Span.Start))
            {
                var home = clusters.FirstOrDefault(c => c.Any(x => Variant(x.Given, f.Given)));
                if (home is null) clusters.Add([f]); else home.Add(f);
            }
            if (clusters.Count < 2) continue;
            for (int i = 0; i < clusters.Count; i++)
                for (int j = i + 1; j < clusters.Count; j++)
                {
                    var ri = Roles(clusters[i]); var rj = Roles(clusters[j]);
                    if (!ri.Overlaps(rj)) continue; // the same surname in another office: another person
                    result.Add(Build(story, nodes, originOf, clusters[i], clusters[j], ri.Intersect(rj).Order(StringComparer.Ordinal).First()));
                }
        }
        return result;

        HashSet<string> Roles(List<Form> cluster) =>
            [.. cluster.SelectMany(f => rolesOf.GetValueOrDefault((f.DocId, f.Given, f.Family)) ?? [])];
    }

    private static Discrepancy Build(Story story, IReadOnlyList<ClaimNode> nodes, IReadOnlyDictionary<string, string> originOf,
        List<Form> a, List<Form> b, string role)
    {
        DiscrepancyValue Value(List<Form> cluster) => new(cluster.GroupBy(f => f.Surface).OrderByDescending(g => g.Count()).First().Key)
        {
            Claims = [.. cluster.SelectMany(f => nodes.Where(n => n.DocId == f.DocId && n.Claim.Span.Contains(f.Span))).Select(n => n.Id).Distinct()],
            Sources = [.. cluster.Select(f => f.DocId).Distinct()],
            Spans = [.. cluster.Select(f => new DocSpan(f.DocId, f.Span))],
        };
        var va = Value(a); var vb = Value(b);
        var d = new Discrepancy("", DiscrepancyKind.Name, $"name of the {role}")
        {
            Values = [va, vb],
            SameDocument = va.Sources.Intersect(vb.Sources).Any(),
        };
        int oa = va.Sources.Select(s => originOf.GetValueOrDefault(s, s)).Distinct().Count();
        int ob = vb.Sources.Select(s => originOf.GetValueOrDefault(s, s)).Distinct().Count();
        if (Math.Max(oa, ob) >= 2 && oa != ob)
        {
            var (win, lose, nw, nl) = oa > ob ? (va, vb, oa, ob) : (vb, va, ob, oa);
            d = d with
            {
                ResolvedValue = win.Value, ResolutionMethod = "majority",
                Resolution = $"{win.Value} is the name given by {nw} independent sources ({string.Join(", ", win.Sources)}) against {nl} for {lose.Value} ({string.Join(", ", lose.Sources)}); copies of one story count once",
            };
        }
        return d;
    }

    /// <summary>A role title reduced for comparison: lower case, no leading article or possessive owner.</summary>
    public static string RoleKey(string role)
    {
        var words = role.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && words[0] is "the" or "a" or "an" or "former" or "then") words.RemoveAt(0);
        return string.Join(' ', words);
    }

    /// <summary>Two folded given names that may be one name spelled differently.</summary>
    public static bool Variant(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == 1 || b.Length == 1) return a[0] == b[0];
        if (Consonants(a) == Consonants(b)) return true; // "mohammed" / "muhammad", "elena" / "ilena"
        int distance = Levenshtein(a, b);
        return distance == 1 || distance == 2 && Math.Max(a.Length, b.Length) >= 8;
    }

    private static string Consonants(string s) => string.Concat(s.Where(c => "aeiouy".IndexOf(c) < 0));

    private static int Levenshtein(string a, string b) => Text.EditDistance.Levenshtein(a, b);
}
