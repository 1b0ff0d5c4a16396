using System.Collections.Immutable;
using Crosscheck.Core.Annotate.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Entities;

/// <summary>
/// Stage entry point: clusters the entity mentions of all documents of a story into <see cref="StoryEntity"/>s.
/// People meet by folded full name (hyphens, case, romanisation); surname-only and title-only references join the
/// person they refer to in the same document (the nearest earlier mention), or the only candidate in the story;
/// ambiguous ones (two Kims) stay apart. Countries meet by their gazetteer name; capitals link to their country.
/// Demonyms ("South Korean") are not listed: their mentions carry the country already.
/// </summary>
public sealed class EntityResolver : IStoryPass
{
    public string Name => "entity-resolution";

    private sealed record Item(int Doc, string DocId, int Order, EntityMention Mention);

    private sealed class Cluster(EntityType type)
    {
        public EntityType Type = type;
        public readonly List<Item> Items = [];
        public string? Country;
        public readonly List<string> ExtraRoles = [];
        public (int Doc, int Start) First => Items.Count == 0 ? (int.MaxValue, int.MaxValue) : Items.Min(i => (i.Doc, i.Mention.Span.Start));
    }

    public Story Apply(Story story)
    {
        var items = new List<Item>();
        for (int d = 0; d < story.Documents.Length; d++)
        {
            var doc = story.Documents[d];
            int k = 0;
            foreach (var m0 in doc.Entities.OrderBy(m => m.Span))
            {
                // "campaign manager" tagged a person: a name written all in lower case is a common noun, never a person's name.
                if (m0.Kind == "name" && m0.Type == EntityType.Person && !m0.Text.Any(char.IsUpper)) continue;
                var m1 = StripGroupPrefix(m0);
                if (m1.Kind == "name" && m1.Type == EntityType.Person && string.IsNullOrWhiteSpace(m1.Role) && VerbRole(doc.Text, m1.Span) is { } verbRole)
                    m1 = m1 with { Role = verbRole };
                items.Add(new Item(d, doc.Id, k++, m1));
            }
        }
        var countries = new Dictionary<string, Cluster>(StringComparer.OrdinalIgnoreCase);
        var places = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var people = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        var clusters = new List<Cluster>();
        Cluster Country(string name)
        {
            if (!countries.TryGetValue(name, out var c)) { countries[name] = c = new Cluster(EntityType.Country) { Country = name }; clusters.Add(c); }
            return c;
        }

        // Countries, places, organisations and other names: by normal form.
        foreach (var it in items)
        {
            var m = it.Mention;
            if (m.Kind == "demonym" || m.Kind == "title" || m.Kind == "pronoun") continue;
            if (m.Type == EntityType.Country) { Country(m.Country ?? CanonicalCountry(m.Text) ?? NameKeys.StripPossessive(m.Text)).Items.Add(it); continue; }
            if (m.Type == EntityType.Person) continue;
            var key = NameKeys.PlainKey(m.Text);
            if (key.Length == 0) continue;
            if (!places.TryGetValue(key, out var c)) { places[key] = c = new Cluster(m.Type); clusters.Add(c); }
            c.Items.Add(it);
            c.Country ??= m.Country;
        }
        MergeAcronyms(places, clusters);
        MergeShortForms(places, items, LowerCaseWords(story));

        // People with full names. A name that is the tail of a longer name of the story ("Ní Bhraonáin" beside
        // "Saoirse Ní Bhraonáin", "Varga Moss" beside "Ilena Varga Moss") is a reference like a surname.
        var personNames = items.Where(i => i.Mention.Type == EntityType.Person && i.Mention.Kind == "name").ToList();
        var tails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var it in personNames)
        {
            var words = NameWords(it.Mention.Text);
            for (int k = 1; k < words.Length; k++) tails.Add(string.Concat(words[k..]));
        }
        var singles = new List<Item>();
        foreach (var it in personNames)
        {
            var parts = NameKeys.Parts(it.Mention.Text);
            if (parts.Length == 0) continue;
            var key = NameKeys.FullKey(it.Mention.Text);
            if (NameWords(it.Mention.Text).Length < 2 || tails.Contains(key)) { singles.Add(it); continue; }
            if (!people.TryGetValue(key, out var c)) { people[key] = c = new Cluster(EntityType.Person); clusters.Add(c); }
            c.Items.Add(it);
        }
        MergeInitials(people, clusters);
        MergeNearSpellings(people);
        MergeTransliterations(people);
        // The same name tagged a person once and an organisation or place more often ("The Marevia Coast Guard said"): the majority wins.
        foreach (var c in people.Values)
        {
            if (c.Items.Count == 0) continue;
            var plain = NameKeys.PlainKey(c.Items[0].Mention.Text);
            if (!c.Items.All(i => NameKeys.PlainKey(i.Mention.Text) == plain)) continue;
            if (!places.TryGetValue(plain, out var place) && plain.Contains(' '))
            {
                // "The Alder Star, built in 1987" tagged a person beside "MV Alder Star" the organisation named more often.
                var longer = places.Where(kv => kv.Value.Items.Count > c.Items.Count
                                                && kv.Key.EndsWith(" " + plain, StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
                if (longer.Count == 1) place = longer[0];
            }
            // "Other" is the tagger's shrug: a full name tagged a person somewhere and only "other" elsewhere is the person.
            if (place is not null && place.Items.Count > 0 && NameKeys.PlainKey(place.Items[0].Mention.Text) == plain
                && place.Items.All(i => i.Mention.Type is EntityType.Other or EntityType.Person))
            {
                c.Items.AddRange(place.Items);
                place.Items.Clear();
                continue;
            }
            if (place is not null && place.Items.Count >= c.Items.Count)
            {
                place.Items.AddRange(c.Items);
                c.Items.Clear();
            }
            // "Ilona Brezak Tamm" typed an organisation once beside the person "Ilona Brezak-Tamm" named more often: a
            // full name of two words or more is the person (never a gazetteer place or country)
            else if (place is not null && place.Items.Count > 0 && plain.Contains(' ') && place.Country is null
                     && NameKeys.PlainKey(place.Items[0].Mention.Text) == plain)
            {
                c.Items.AddRange(place.Items);
                place.Items.Clear();
            }
        }

        // Surname-only (and other partial) references.
        var fullPeople = people.Values.Where(c => c.Items.Count > 0).ToList();
        foreach (var c in people.Values.Where(c => c.Items.Count == 0).ToList()) clusters.Remove(c);
        JoinSurnamesTaggedOtherwise(places, fullPeople);
        foreach (var it in singles)
        {
            var part = NameKeys.FullKey(it.Mention.Text);
            var candidates = fullPeople.Where(c => c.Items.Any(i => IsNamePart(i.Mention.Text, part))).ToList();
            var target = Choose(candidates, it) ?? ChooseByRole(candidates, it);
            if (target is null && candidates.Count == 0 && NameWords(it.Mention.Text).Length == 1)
            {
                // The tagger's type slipped ("Dunmere" once a person): the organisation or place of the same name, or the
                // one organisation whose name it begins ("Tarnwater" for "Tarnwater Energy").
                var plain = NameKeys.PlainKey(it.Mention.Text);
                if (places.TryGetValue(plain, out var place) && place.Items.Count > 0) target = place;
                else if (!GenericOrgWords.Contains(plain)
                         && places.Where(kv => kv.Value.Items.Count > 0 && kv.Value.Type == EntityType.Organization && kv.Key.StartsWith(plain + " ", StringComparison.Ordinal))
                             .Select(kv => kv.Value).Distinct().ToList() is [var only]) target = only;
            }
            if (target is null)
            {
                var key = "?" + part;
                if (!people.TryGetValue(key, out target)) { people[key] = target = new Cluster(EntityType.Person); clusters.Add(target); }
            }
            target.Items.Add(it);
        }

        // Title-only references: join the person who holds that role.
        foreach (var it in items.Where(i => i.Mention.Kind == "title"))
        {
            var title = RoleWords(it.Mention.Text);
            var candidates = clusters.Where(c => c.Type == EntityType.Person && c.Items.Any(i => i.Mention.Kind == "name" && i.Mention.Role is { } r && title.IsSubsetOf(RoleWords(r)))).ToList();
            var target = Choose(candidates, it);
            target?.Items.Add(it);
        }

        // Organisations and places take the type most of their mentions have ("Halvorsen Petrochem" once tagged MISC, then ORG).
        foreach (var c in clusters)
        {
            if (c.Type is EntityType.Person or EntityType.Country || c.Items.Count < 2) continue;
            var votes = c.Items.Where(i => i.Mention.Type is not (EntityType.Person or EntityType.Country)).GroupBy(i => i.Mention.Type)
                .Select(g => (Type: g.Key, Count: g.Count() * (g.Key == EntityType.Other ? 1 : 2))).ToList();
            // a name opening a dateline ("KESTRAVA, Veldoria (Ostrel Press) —") is where the report was filed: a place
            int datelines = c.Items.Count(i => OpensDateline(story.Documents[i.Doc].Text, i.Mention.Span));
            if (datelines > 0) votes.Add((EntityType.Location, 3 * datelines));
            votes = votes.GroupBy(v => v.Type).Select(g => (Type: g.Key, Count: g.Sum(v => v.Count))).OrderByDescending(v => v.Count).ThenBy(v => v.Type).ToList();
            if (votes.Count > 0) c.Type = votes[0].Type;
        }

        // "the North" / "the South" used as a noun: the one country of the story whose name begins with that word.
        foreach (var c in clusters.Where(c => c.Type != EntityType.Country && c.Type != EntityType.Person && c.Items.Count > 0).ToList())
        {
            var word = NameKeys.StripPossessive(c.Items[0].Mention.Text);
            if (word is not ("North" or "South" or "East" or "West")) continue;
            if (!c.Items.All(i => NameKeys.StripPossessive(i.Mention.Text) == word && PrecededByThe(story.Documents[i.Doc].Text, i.Mention.Span.Start))) continue;
            var named = countries.Where(kv => kv.Value.Items.Count > 0 && kv.Key.StartsWith(word + " ", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
            if (named.Count != 1) continue;
            named[0].Items.AddRange(c.Items);
            c.Items.Clear();
        }

        // "Estravian" beside "Estravia": a word that is a name of the story plus -n/-an/-ian is its demonym or language, not
        // an entity of its own (demonyms are not listed), and the name it comes from is a place
        DropDemonymsOfStoryNames(clusters);

        // Capitals and places link to their country (created when only its capital is named).
        foreach (var c in clusters.ToList()) if (c.Type != EntityType.Country && c.Country is { } country) Country(country);

        var ordered = clusters.Where(c => c.Items.Count > 0 || c.Type == EntityType.Country)
            .OrderBy(c => c.First).ThenBy(c => c.Type).ToList();
        var names = ordered.Select(NameOf).ToList();
        var ids = new Dictionary<Cluster, string>();
        for (int i = 0; i < ordered.Count; i++) ids[ordered[i]] = "e" + (i + 1);
        var entities = ImmutableArray.CreateBuilder<StoryEntity>();
        for (int i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            var surfaces = c.Items.Where(x => x.Mention.Kind != "title").Select(x => NameKeys.StripPossessive(x.Mention.Text)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
            var roles = c.Items.Select(x => x.Mention.Role).OfType<string>().Select(r => r.Trim()).Where(r => r.Length > 0)
                .DistinctBy(r => r.ToLowerInvariant()).ToImmutableArray();
            string? countryId = c.Type != EntityType.Country && c.Country is { } cn && countries.TryGetValue(cn, out var cc) ? ids[cc] : null;
            entities.Add(new StoryEntity(ids[c], c.Type, names[i])
            {
                Aliases = surfaces.Where(s => s != names[i]).ToImmutableArray(),
                Roles = roles,
                Mentions = c.Items.OrderBy(x => x.Doc).ThenBy(x => x.Mention.Span).Select(x => new DocSpan(x.DocId, x.Mention.Span)).ToImmutableArray(),
                CountryId = countryId,
            });
        }
        return story with { Entities = entities.ToImmutable() };
    }

    /// <summary>The span opens a line, is written in capitals and is followed by a comma: the place of a dateline.</summary>
    private static bool OpensDateline(string text, TextSpan span)
    {
        int i = span.Start - 1;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        if (i >= 0 && text[i] != '\n') return false;
        var name = text.AsSpan(span.Start, span.Length);
        foreach (var ch in name) if (char.IsLetter(ch) && !char.IsUpper(ch)) return false;
        return span.End < text.Length && text[span.End] == ',';
    }

    private static void DropDemonymsOfStoryNames(List<Cluster> clusters)
    {
        var single = clusters.Where(c => c.Items.Count > 0 && c.Type is not (EntityType.Person or EntityType.Country))
            .Select(c => (C: c, Name: NameKeys.StripPossessive(c.Items[0].Mention.Text)))
            .Where(x => x.Name.Length >= 4 && !x.Name.Contains(' ') && char.IsUpper(x.Name[0]) && x.C.Items.All(i => NameKeys.StripPossessive(i.Mention.Text).Equals(x.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var byName = single.GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().C, StringComparer.OrdinalIgnoreCase);
        foreach (var (c, name) in single)
            foreach (var suffix in new[] { "n", "an", "ian", "ese" })
            {
                if (!name.EndsWith(suffix, StringComparison.Ordinal) || name.Length - suffix.Length < 4) continue;
                var stem = name[..^suffix.Length];
                if (!byName.TryGetValue(stem, out var place) || place == c) continue;
                if (place.Type is EntityType.Organization or EntityType.Other) place.Type = EntityType.Location;
                c.Items.Clear();
                break;
            }
    }

    /// <summary>"Oduya-Krantz" tagged "other" (or, when written in several parts, an organisation) beside the person
    /// "Anneliese Oduya Krantz": a non-person cluster all of whose names are a tail of the full name of exactly one person
    /// of the story joins that person. Hyphen and space variants meet (the folded key ignores both).</summary>
    private static void JoinSurnamesTaggedOtherwise(Dictionary<string, Cluster> places, List<Cluster> fullPeople)
    {
        if (fullPeople.Count == 0) return;
        var owners = new Dictionary<string, HashSet<Cluster>>(StringComparer.Ordinal);
        foreach (var c in fullPeople)
            foreach (var i in c.Items)
            {
                var words = NameWords(i.Mention.Text);
                for (int k = 1; k < words.Length; k++)
                {
                    var tail = string.Concat(words[k..]);
                    if (!owners.TryGetValue(tail, out var set)) owners[tail] = set = [];
                    set.Add(c);
                }
            }
        foreach (var (_, c) in places.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (c.Items.Count == 0 || c.Type == EntityType.Country) continue;
            bool onlyOther = c.Items.All(i => i.Mention.Type is EntityType.Other or EntityType.Person);
            // A one-word organisation or place ("Halvorsen" the company beside "Erik Halvorsen") keeps its type.
            if (!onlyOther && !c.Items.All(i => NameKeys.Parts(i.Mention.Text).Length > 1)) continue;
            Cluster? target = null;
            foreach (var i in c.Items)
            {
                if (!owners.TryGetValue(NameKeys.FullKey(i.Mention.Text), out var set) || set.Count != 1) { target = null; break; }
                var only = set.First();
                if (target is not null && target != only) { target = null; break; }
                target = only;
            }
            if (target is null) continue;
            target.Items.AddRange(c.Items);
            c.Items.Clear();
        }
    }

    private static readonly System.Text.RegularExpressions.Regex GroupPrefix = new(
        @"^(?:Staff|Members|Officials|Employees|Workers|Representatives|Officers|Lawyers|Spokespeople|Volunteers|Inspectors|Investigators|Experts|Engineers)\s+(?:of|at|from|for)\s+(?:the\s+)?(?=\p{Lu})",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"Staff of the Kestrava Electoral Commission" as a name: the organisation it names, without the group noun.</summary>
    private static EntityMention StripGroupPrefix(EntityMention m)
    {
        if (m.Kind != "name" || m.Type == EntityType.Person) return m;
        var match = GroupPrefix.Match(m.Text);
        if (!match.Success || match.Length >= m.Text.Length) return m;
        return m with { Text = m.Text[match.Length..], Span = new TextSpan(m.Span.Start + match.Length, m.Span.End) };
    }

    private const System.Text.RegularExpressions.RegexOptions Rx = System.Text.RegularExpressions.RegexOptions.CultureInvariant;
    private static readonly System.Text.RegularExpressions.Regex WhoChairs = new(
        @"^\s*,\s+who\s+(?<v>chairs|chaired|heads|headed|leads|led|directs|directed)\s+(?:the\s+)?(?<x>[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,5}?)\s*(?=[,.;:!?\u201D""]|$)", Rx);
    private static readonly System.Text.RegularExpressions.Regex ChairedBy = new(
        @"(?<x>(?:\p{Lu}[\p{L}'’-]*\s+){0,5}\p{Lu}[\p{L}'’-]*|\bthe\s+\p{Ll}+(?:\s+\p{Ll}+)?)\s*,\s+(?<v>chaired|headed|directed)\s+by\s+$", Rx);

    /// <summary>A role written as a verb around a person's name: "Jan Roe, who chairs the board" and "the Harbour Board,
    /// chaired by Jan Roe" give "board chair" / "Harbour Board chair", so that "the board chair" later finds that person.</summary>
    private static string? VerbRole(string text, TextSpan span)
    {
        var after = text.Substring(span.End, Math.Min(120, text.Length - span.End));
        var m = WhoChairs.Match(after);
        if (!m.Success)
        {
            int from = Math.Max(0, span.Start - 120);
            m = ChairedBy.Match(text[from..span.Start]);
        }
        if (!m.Success) return null;
        var x = m.Groups["x"].Value.Trim();
        if (x.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) x = x[4..];
        var agent = m.Groups["v"].Value switch
        {
            "chairs" or "chaired" => "chair",
            "heads" or "headed" => "head",
            "leads" or "led" => "leader",
            _ => "director",
        };
        return x.Length == 0 ? null : x + " " + agent;
    }

    private static bool PrecededByThe(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && text[i] == ' ') i--;
        return i >= 2 && string.Compare(text, i - 2, "the", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && (i < 3 || !char.IsLetter(text[i - 3]));
    }

    private static string? CanonicalCountry(string text) =>
        CountryGazetteer.Default.LookupPhrase(NerTokenizer.TokenizeToStrings(NameKeys.StripPossessive(text))) is { Kind: GazetteerKind.Country } e ? e.Country : null;

    /// <summary>The folded words of a name as written with spaces ("Varga-Moss" stays one word: "vargamoss").</summary>
    private static string[] NameWords(string name) =>
        NameKeys.StripPossessive(name).Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Select(NameKeys.FullKey).Where(w => w.Length > 0).ToArray();

    /// <summary>True when <paramref name="key"/> is the first word of the full name, or a tail of its words ("Moss", "Varga Moss", "Varga-Moss").</summary>
    private static bool IsNamePart(string fullName, string key)
    {
        var words = NameWords(fullName);
        if (words.Length < 2) return false;
        if (words[0] == key) return true;
        for (int k = 1; k < words.Length; k++) if (string.Concat(words[k..]) == key) return true;
        return false;
    }

    /// <summary>"Jonas Ekweme" joins "Jonas Ekwueme": full names with the same first word whose keys differ by one letter
    /// (long names only, so that short different names stay apart). Compared within a first word only.</summary>
    private static void MergeNearSpellings(Dictionary<string, Cluster> people)
    {
        var byFirst = people.Where(kv => kv.Value.Items.Count > 0 && kv.Key.Length >= 9)
            .GroupBy(kv => NameWords(kv.Value.Items[0].Mention.Text).FirstOrDefault() ?? "")
            .Where(g => g.Key.Length > 0 && g.Count() > 1);
        foreach (var g in byFirst.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = g.OrderByDescending(kv => kv.Value.Items.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    var (ca, cb) = (list[a].Value, list[b].Value);
                    if (ca.Items.Count == 0 || cb.Items.Count == 0 || !OneEditApart(list[a].Key, list[b].Key)) continue;
                    ca.Items.AddRange(cb.Items);
                    cb.Items.Clear();
                }
        }
    }

    /// <summary>
    /// "Dmitri Velichko" joins "Dmytro Velichko", "Muhammad Idris" joins "Mohammed Idris": two-word names with the same
    /// surname whose given names have the same consonants (vowels and "y" dropped, doubled letters once, at least three
    /// left) — the usual shape of a transliteration variant. Never two spellings that one document writes side by side
    /// (an outlet keeps its own spelling of one person, so two spellings in one text are two people).
    /// </summary>
    private static void MergeTransliterations(Dictionary<string, Cluster> people)
    {
        var bySurname = people.Where(kv => kv.Value.Items.Count > 0)
            .Select(kv => (kv.Key, C: kv.Value, Words: NameWords(kv.Value.Items[0].Mention.Text)))
            .Where(x => x.Words.Length == 2 && x.Words[1].Length >= 3)
            .GroupBy(x => x.Words[1]).Where(g => g.Count() > 1);
        foreach (var g in bySurname.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = g.OrderByDescending(x => x.C.Items.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    var (ca, cb) = (list[a].C, list[b].C);
                    if (ca.Items.Count == 0 || cb.Items.Count == 0 || list[a].Words[0] == list[b].Words[0]) continue;
                    var (ka, kb) = (Consonants(list[a].Words[0]), Consonants(list[b].Words[0]));
                    // same consonants (three at least), or one letter apart in given names of four letters or more ("Yuliia" / "Yulia")
                    bool near = ka.Length >= 3 && ka == kb
                                || Math.Min(list[a].Words[0].Length, list[b].Words[0].Length) >= 4 && OneEditApart(list[a].Words[0], list[b].Words[0]);
                    if (!near) continue;
                    if (ca.Items.Any(i => cb.Items.Any(j => j.Doc == i.Doc))) continue;
                    ca.Items.AddRange(cb.Items);
                    cb.Items.Clear();
                }
        }
    }

    private static string Consonants(string word)
    {
        var sb = new System.Text.StringBuilder(word.Length);
        foreach (var ch in word)
        {
            if ("aeiouy".Contains(ch) || !char.IsLetter(ch)) continue;
            if (sb.Length > 0 && sb[^1] == ch) continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static bool OneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length < b.Length) (a, b) = (b, a);
        int i = 0;
        while (i < b.Length && a[i] == b[i]) i++;
        return a.Length == b.Length ? a[(i + 1)..] == b[(i + 1)..] : a[(i + 1)..] == b[i..];
    }

    /// <summary>The candidate a reference points to: the nearest earlier mention in its document, else a later one
    /// in its document, else the only candidate of the story; null when the story leaves it ambiguous.</summary>
    private static Cluster? Choose(List<Cluster> candidates, Item it)
    {
        if (candidates.Count == 0) return null;
        if (candidates.Count == 1) return candidates[0];
        Cluster? best = null; int bestPos = -1;
        foreach (var c in candidates)
            foreach (var i in c.Items)
                if (i.Doc == it.Doc && i.Mention.Span.Start < it.Mention.Span.Start && i.Mention.Span.Start > bestPos) { best = c; bestPos = i.Mention.Span.Start; }
        if (best is not null) return best;
        var inDoc = candidates.Where(c => c.Items.Any(i => i.Doc == it.Doc)).ToList();
        return inDoc.Count == 1 ? inDoc[0] : null;
    }

    /// <summary>"Governor Haldane" when the story has two Haldanes: the one candidate whose roles hold the reference's role words.</summary>
    private static Cluster? ChooseByRole(List<Cluster> candidates, Item it)
    {
        if (candidates.Count < 2 || it.Mention.Role is not { } role || RoleWords(role) is not { Count: > 0 } words) return null;
        var fit = candidates.Where(c => c.Items.Any(i => i != it && i.Mention.Role is { } r && words.IsSubsetOf(RoleWords(r)))).ToList();
        return fit.Count == 1 ? fit[0] : null;
    }

    private static readonly HashSet<string> RoleStopWords = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "of", "senior", "former", "top" };

    private static HashSet<string> RoleWords(string role) =>
        role.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(NameKeys.StripPossessive).Where(w => w.Length > 0 && !RoleStopWords.Contains(w))
            .Select(w => w == "advisor" ? "adviser" : w).ToHashSet();

    /// <summary>"NSC" joins "National Security Council" when exactly one organisation of the story has those initials.</summary>
    private static void MergeAcronyms(Dictionary<string, Cluster> places, List<Cluster> clusters)
    {
        foreach (var (key, c) in places.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList())
        {
            if (c.Items.Count == 0) continue;
            var text = NameKeys.StripPossessive(c.Items[0].Mention.Text).Replace(".", "");
            if (text.Length < 2 || text.Length > 6 || !text.All(char.IsUpper)) continue;
            var targets = places.Where(kv => kv.Value != c && kv.Value.Items.Count > 0 && kv.Value.Type == EntityType.Organization
                                             && NameKeys.Initials(kv.Value.Items[0].Mention.Text) == text).Select(kv => kv.Value).Distinct().ToList();
            if (targets.Count != 1) continue;
            targets[0].Items.AddRange(c.Items);
            c.Items.Clear();
        }
    }

    private static readonly HashSet<string> GenericOrgWords = new(StringComparer.Ordinal)
    {
        "council", "committee", "ministry", "office", "department", "agency", "institute", "university", "party", "union", "bank",
        "court", "army", "navy", "government", "group", "company", "association", "commission", "authority", "board", "service",
        "national", "united", "international", "the", "new", "north", "south", "east", "west", "central", "state", "federal",
    };

    /// <summary>A last word an organisation's name drops in short ("Ferrow Press Agency" → "Ferrow Press").</summary>
    private static readonly HashSet<string> CorporateSuffixes = new(StringComparer.Ordinal)
    {
        "agency", "group", "company", "co", "corporation", "corp", "inc", "incorporated", "ltd", "limited", "plc", "llc", "holdings", "ag", "sa", "gmbh", "nv",
    };

    /// <summary>"Halvorsen" joins "Halvorsen Petrochem", "Alder Star" joins "MV Alder Star", "Security Council" joins the
    /// "UN Security Council" named before it: a one-word name that begins a longer organisation name of the story (not a
    /// generic word, not a place), or a longer name that ends one (a qualifier dropped; "Lake Orvanne" does not join
    /// "Lake Orvanne Shipping Authority"); when several long names fit,
    /// the nearest earlier one in the same document decides, else the story must have only one.</summary>
    private static void MergeShortForms(Dictionary<string, Cluster> places, List<Item> items, HashSet<string> lowerWords)
    {
        // (a name holding a possessive, "Velmora Pharma's Pyrelin", is two names run together: never a long form)
        var longs = places.Where(kv => kv.Value.Items.Count > 0 && kv.Value.Type is EntityType.Organization or EntityType.Other or EntityType.Location && kv.Key.Contains(' ')
                                       && !kv.Key.Contains("'s ", StringComparison.Ordinal) && !kv.Key.Contains("’s ", StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var byWord = new Dictionary<string, List<(string Key, Cluster C)>>(StringComparer.Ordinal);
        foreach (var (key, c) in longs)
            foreach (var w in key.Split(' ').Distinct())
            {
                if (!byWord.TryGetValue(w, out var l)) byWord[w] = l = [];
                l.Add((key, c));
            }
        foreach (var (key, c) in places.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList())
        {
            var words = key.Split(' ');
            if (c.Items.Count == 0 || c.Type is not (EntityType.Organization or EntityType.Other) && !(c.Type == EntityType.Location && words.Length > 1)) continue;
            if (words.Length == 1 && (GenericOrgWords.Contains(key) || key.Length < 3)) continue;
            // A one-word name used as a place somewhere ("in Marevia", "PORT SAVELL, Marevia") is the place, not a short form of "Marevia Coast Guard".
            // (Half its mentions or more: the tagger may type one source's mentions of a company as a place.)
            if (words.Length == 1 && c.Items.Count(i => i.Mention.Type is EntityType.Location or EntityType.Country) * 2 >= c.Items.Count) continue;
            if (!byWord.TryGetValue(words[0], out var pool)) continue;
            var candidates = pool.Where(p => p.C != c && p.Key.Length > key.Length && (words.Length > 1 || p.C.Type != EntityType.Location)
                                             && (words.Length == 1 ? p.Key.StartsWith(key + " ", StringComparison.Ordinal)
                                                 : p.Key.EndsWith(" " + key, StringComparison.Ordinal)
                                                   || p.Key.StartsWith(key + " ", StringComparison.Ordinal) && CorporateSuffixes.Contains(p.Key[(key.Length + 1)..])))
                // "Marevia Coast Guard" is the coast guard of Marevia (the story also writes "the coast guard"): "Marevia" alone is not it.
                .Where(p => words.Length > 1 || !p.Key[(key.Length + 1)..].Split(' ').All(lowerWords.Contains))
                .Select(p => p.C).Distinct().ToList();
            if (candidates.Count == 0) continue;
            foreach (var it in c.Items.ToList())
            {
                var target = Choose(candidates, it);
                if (target is null) continue;
                target.Items.Add(it);
                c.Items.Remove(it);
            }
        }
    }

    /// <summary>The words the story's texts write in lower case (its common nouns).</summary>
    private static HashSet<string> LowerCaseWords(Story story)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in story.Documents)
        {
            var t = d.Text;
            for (int i = 0; i < t.Length;)
            {
                if (!char.IsLetter(t[i])) { i++; continue; }
                int s0 = i;
                while (i < t.Length && char.IsLetter(t[i])) i++;
                if (char.IsLower(t[s0]) && (s0 == 0 || !char.IsLetter(t[s0 - 1]))) set.Add(t[s0..i]);
            }
        }
        return set;
    }

    /// <summary>"V. Putin" joins "Vladimir Putin" when one full name of the story fits the initial.</summary>
    private static void MergeInitials(Dictionary<string, Cluster> people, List<Cluster> clusters)
    {
        foreach (var c in people.Values.ToList())
        {
            var parts = NameKeys.Parts(c.Items[0].Mention.Text);
            if (parts.Length < 2 || parts[0].Length != 1) continue;
            var targets = people.Values.Where(o => o != c && o.Items.Count > 0).Where(o =>
            {
                var p = NameKeys.Parts(o.Items[0].Mention.Text);
                return p.Length >= 2 && p[0].Length > 1 && p[0][0] == parts[0][0] && NameKeys.Fold(p[^1]) == NameKeys.Fold(parts[^1]);
            }).ToList();
            if (targets.Count != 1) continue;
            targets[0].Items.AddRange(c.Items);
            c.Items.Clear();
        }
    }

    /// <summary>The fullest spelling: most name parts, then most frequent, then earliest.</summary>
    private static string NameOf(Cluster c)
    {
        if (c.Type == EntityType.Country && c.Country is { } country) return country;
        var forms = c.Items.Where(i => i.Mention.Kind != "title").Select(i => NameKeys.StripPossessive(i.Mention.Text)).Where(s => s.Length > 0).ToList();
        if (forms.Count == 0) return c.Items[0].Mention.Text;
        return forms.GroupBy(f => f, StringComparer.Ordinal)
            .OrderByDescending(g => NameKeys.Parts(g.Key).Length).ThenByDescending(g => char.IsUpper(g.Key[0]) ? 1 : 0)
            .ThenByDescending(g => g.Count()).ThenBy(g => forms.IndexOf(g.Key)).First().Key;
    }
}
