using Crosscheck.Core.Model;

namespace Crosscheck.Core.Annotate.Entities;

/// <summary>
/// Turns tagged token spans of one sentence into <see cref="EntityMention"/>s: links countries, capitals and demonyms
/// to the gazetteer (also inside hyphenated compounds such as "Moscow-Pyongyang"), marks capitals used for their
/// governments, attaches roles to people, trims bylines, and adds title-only references.
/// </summary>
public sealed class MentionBuilder(string text, CountryGazetteer gazetteer)
{
    private static readonly HashSet<string> GovernmentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "warned", "warns", "has", "had", "have", "is", "was", "will", "would", "could", "accused", "accuses", "expressed",
        "announced", "condemned", "urged", "denied", "called", "rejected", "responded", "summoned", "criticised", "criticized",
        "insisted", "agreed", "plans", "wants", "claims", "claimed", "threatened", "vowed", "sought", "signed", "decided", "imposed",
        "reacted", "dismissed", "stated", "added", "described", "demanded", "protested", "sanctioned", "retaliated", "believes",
    };
    private static readonly HashSet<string> MetonymPrepositions = new(StringComparer.OrdinalIgnoreCase) { "from", "with", "against", "by" };
    private static readonly HashSet<string> BylineWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "views", "view", "reports", "report", "says", "writes", "analysis", "opinion", "comment", "commentary", "column", "staff", "reporter",
        "correspondent", "contributor", "editor", "news", "updated", "photo", "photos",
    };
    private static readonly HashSet<string> LowercaseBlock = new(StringComparer.OrdinalIgnoreCase)
    {
        "male", "nice", "victoria", "lima", "sofia", "georgia", "jordan", "chad", "turkey", "china", "guinea", "peru", "cuba", "rome",
    };

    public IEnumerable<EntityMention> Build(string[] words, List<TextSpan> tokens, IReadOnlyList<NerSpan> spans)
    {
        var result = new List<EntityMention>();
        var fine = FineGazetteerMatches(words, tokens);
        var adjusted = new List<NerSpan>(spans.Count);
        foreach (var s0 in SplitAtLowerCase(words, SplitAtBrackets(words, SplitPlaceLists(words, spans))))
        {
            int a = s0.Start, b = s0.End;
            // "Standard that the" cut at "that" leaves "the": a piece starts and ends with a name word, and holds a capital.
            while (a < b && (IsPunctuation(words[a]) || LeadingFunctionWords.Contains(words[a]))) a++;
            while (b > a && (IsPunctuation(words[b - 1]) || Connectives.Contains(words[b - 1]))) b--;
            if (s0.Type == "PER") while (b - a > 1 && IsHonorific(words[a])) a++; // "Dr Ovárek", "Mrs. Aldous"
            if (!HasCapital(words, a, b) || b - a == 1 && LeadingFunctionWords.Contains(words[a].ToLowerInvariant())) continue; // "At", "The"
            while (b - a > 1 && DateWords.Contains(words[b - 1])) b--; // "Pyongyang Wednesday"
            if (b <= a) continue;
            var span0 = new TextSpan(tokens[a].Start, tokens[b - 1].End);
            // A piece of a country name that hyphenation cut ("South" of "South Korea-Russia"): the gazetteer match wins.
            if (s0.Type != "PER" && fine.Any(f => f.Entry.Kind == GazetteerKind.Country && f.Span.Contains(span0) && f.Span != span0)) continue;
            adjusted.Add(StripLeadingTitle(words, s0 with { Start = a, End = b }));
        }
        spans = JoinOrganisations(words, RepairPersonNames(words, adjusted));
        foreach (var s in spans)
        {
            int start = s.Start, end = s.End;
            if (s.Type == "PER") while (end - start >= 3 && BylineWords.Contains(words[end - 1])) end--;
            var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
            var phrase = words[start..end];
            var entry = gazetteer.LookupPhrase(phrase);
            if (entry is not null && s.Type != "PER") { result.Add(FromGazetteer(entry, span, words, start, end)); continue; }
            var inner = fine.Where(f => span.Contains(f.Span)).ToList();
            if (inner.Count > 0 && phrase.Any(w => w.Contains('-')) && (s.Type is "MISC" or "LOC" || inner.Sum(f => f.Span.Length) * 2 >= span.Length))
            {
                foreach (var f in inner) result.Add(FromGazetteer(f.Entry, f.Span, words, f.TokenStart, f.TokenEnd));
                continue;
            }
            var type0 = s.Type;
            // A name with an appositive role ("Ahn Chan-il, a defector-turned-researcher") is a person whatever the tagger said.
            if (type0 is "MISC" && end - start <= 3 && phrase.All(w => char.IsUpper(w[0]))
                && WithRole(new EntityMention(span, "", EntityType.Person), words, tokens, start, end, spans).Role is not null) type0 = "PER";
            if (type0 is "ORG" or "MISC" && IsPlaceByItsNoun(words, start, end)) type0 = "LOC";
            // "Quay Street" tagged a person: a street, road or square is a place whoever it is named after
            if (type0 == "PER" && end - start >= 2 && StreetHeads.Contains(words[end - 1])) type0 = "LOC";
            // "Digital Affairs Minister Tomas Reinholt": a portfolio before a minister's title is part of the title, not a name
            if (type0 is "ORG" or "MISC" && end < words.Length && PortfolioHeads.Contains(words[end]) && end - start <= 3
                && end + 1 < words.Length && words[end + 1].Length > 0 && char.IsUpper(words[end + 1][0])
                && gazetteer.LookupPhrase(phrase) is null) continue;
            var type = type0 switch { "PER" => EntityType.Person, "ORG" => EntityType.Organization, "LOC" => EntityType.Location, _ => EntityType.Other };
            var m = new EntityMention(span, text[span.Start..span.End], type);
            if (type == EntityType.Person) m = WithRole(m, words, tokens, start, end, spans);
            result.Add(m);
        }
        // Gazetteer matches the tagger missed (including lower-case capitals such as "kyiv"), or cut short
        // ("Democratic People's Republic of Korea" tagged in pieces).
        foreach (var f in fine)
        {
            if (f.TokenEnd - f.TokenStart >= 3 && f.Entry.Kind == GazetteerKind.Country)
            {
                var covered = result.Where(m => m.Span.Overlaps(f.Span)).ToList();
                if (covered.Count > 0 && covered.All(m => f.Span.Contains(m.Span) && m.Span != f.Span)) result.RemoveAll(covered.Contains);
            }
            if (result.Any(m => m.Span.Overlaps(f.Span))) continue;
            if (spans.Any(s => s.Type == "PER" && tokens[s.Start].Start <= f.Span.Start && f.Span.End <= tokens[s.End - 1].End)) continue;
            result.Add(FromGazetteer(f.Entry, f.Span, words, f.TokenStart, f.TokenEnd));
        }
        result.AddRange(TitleMentions(words, tokens, spans, result));
        return result;
    }

    /// <summary>Titles whose portfolio is written before them ("Digital Affairs Minister", "Home Secretary").</summary>
    private static readonly HashSet<string> PortfolioHeads = new(StringComparer.Ordinal) { "Minister", "Secretary", "Commissioner", "Chancellor" };

    /// <summary>Common nouns of places that follow a name ("the Vesk valley", "the Upper Tarn region").</summary>
    private static readonly HashSet<string> PlaceNounsAfter = new(StringComparer.Ordinal)
    {
        "valley", "region", "river", "basin", "province", "district", "county", "delta", "plateau", "peninsula", "coast", "lake",
        "mountains", "hills", "island", "islands", "estuary", "gorge", "plain", "plains", "highlands", "lowlands", "canal", "strait",
    };

    /// <summary>Last words of the names of places and structures ("Tarnhollow Dam", "Orrin Bridge", "Lake Marrow" has its own rule).</summary>
    private static readonly HashSet<string> PlaceHeads = new(StringComparer.Ordinal)
    {
        "Dam", "Bridge", "River", "Valley", "Lake", "Reservoir", "Mountains", "Mountain", "Island", "Islands", "Bay", "Harbour", "Harbor",
        "Airport", "Canal", "Strait", "Peninsula", "Desert", "Glacier", "Gorge", "Forest", "Square", "Street", "Avenue", "Road",
    };

    private static readonly HashSet<string> StreetHeads = new(StringComparer.Ordinal) { "Street", "Road", "Avenue", "Square", "Lane", "Boulevard", "Bridge", "Dam" };

    /// <summary>A name the tagger typed an organisation that its own last word, or the noun after it, shows to be a place.</summary>
    private static bool IsPlaceByItsNoun(string[] words, int start, int end) =>
        end < words.Length && PlaceNounsAfter.Contains(words[end]) && words[start..end].All(w => w.Length > 0 && char.IsUpper(w[0]))
        || end - start >= 2 && PlaceHeads.Contains(words[end - 1]);

    private static readonly HashSet<string> OrgKeywords = new(StringComparer.Ordinal)
    {
        "Institute", "Council", "Ministry", "Department", "Center", "Centre", "University", "Organization", "Organisation", "Committee",
        "Agency", "Office", "Bank", "Fund", "Foundation", "Association", "Union", "Court", "Commission", "Academy", "School", "College",
        "Society", "League", "Party", "Bureau", "Service", "Forum", "Group", "Federation", "Alliance", "Coalition", "Board", "Authority",
    };

    /// <summary>"Institute for the Study of War", "World Institute for North Korea Studies": an organisation keyword,
    /// "of"/"for"/"on" (and "the"), then a name, make one organisation even when the tagger cut it in two.</summary>
    private static List<NerSpan> JoinOrganisations(string[] words, List<NerSpan> spans)
    {
        var result = new List<NerSpan>(spans);
        for (int i = 0; i < result.Count; i++)
        {
            var b = result[i];
            if (b.Type == "PER") continue;
            int j = b.Start - 1;
            if (j >= 0 && words[j] == "the") j--;
            if (j < 1 || words[j] is not ("of" or "for" or "on")) continue;
            j--;
            if (!OrgKeywords.Contains(words[j])) continue;
            int start = j;
            int a = result.FindIndex(x => x.End == j + 1 && x.Start <= j);
            if (a >= 0) start = result[a].Start;
            else while (start > 0 && words[start - 1].Length > 0 && char.IsUpper(words[start - 1][0]) && j - start < 3
                        && !result.Any(x => x.Start <= start - 1 && start - 1 < x.End)) start--;
            int end = b.End;
            while (end < words.Length && end - b.End < 2 && words[end].Length > 1 && char.IsUpper(words[end][0]) && !RoleLexicon.IsModifier(words[end]))
            {
                int covering = result.FindIndex(x => x.Start == end);
                if (covering >= 0 && result[covering].End != end + 1) break;
                if (covering >= 0) { result.RemoveAt(covering); if (covering < i) i--; if (a > covering) a--; }
                end++;
            }
            var joined = new NerSpan(start, end, "ORG");
            if (a >= 0) { result[a] = joined; result.RemoveAt(i); i--; }
            else result[i] = joined;
        }
        result.Sort((x, y) => x.Start.CompareTo(y.Start));
        return result;
    }

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "of", "for", "the", "and", "on", "de", "da", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "bin",
        "al", "el", "y", "e", "und", "zu", "'s", "'", "&", "at", "du", "in", "to", "a",
    };

    /// <summary>Plural nouns of places that, after "X and Y", make X and Y two places ("the Lower Mill and Sankt Aurel districts").</summary>
    private static readonly HashSet<string> PlacePlurals = new(StringComparer.Ordinal)
    {
        "districts", "regions", "provinces", "states", "villages", "towns", "cities", "counties", "municipalities", "neighbourhoods",
        "neighborhoods", "valleys", "rivers", "islands", "streets", "wards", "areas", "parishes", "suburbs", "prefectures", "boroughs",
        "departments", "cantons", "oblasts", "governorates", "communities", "settlements", "camps", "ports", "airports", "roads",
    };

    /// <summary>"Castellan Press ) — At least" tagged as one name (a dateline's agency and the lead's first word): a bracket
    /// or dash inside a span ends a name; a piece that is only a function word ("At") is dropped. "Linden Pharmacy on Mill
    /// Street", "Hospital in Orrenburg": "in", "on" or "at" before a place ends the name before it.</summary>
    private IReadOnlyList<NerSpan> SplitAtBrackets(string[] words, IReadOnlyList<NerSpan> spans)
    {
        List<NerSpan>? result = null;
        for (int k = 0; k < spans.Count; k++)
        {
            var s = spans[k];
            var pieces = new List<NerSpan>();
            int start = s.Start;
            for (int i = s.Start; i < s.End; i++)
            {
                bool bracket = words[i] is ")" or "(" or "—" or "–" or "--" or ";" or "[" or "]";
                bool placeAfter = s.Type != "PER" && words[i] is "in" or "on" or "at" && i > start && i + 1 < s.End
                                  && (PlaceHeads.Contains(words[s.End - 1]) || gazetteer.LongestAt(words, i + 1) is not null || s.End - (i + 1) == 1 && char.IsUpper(words[i + 1][0]));
                if (!bracket && !placeAfter) continue;
                if (i > start) pieces.Add(s with { Start = start, End = i });
                if (placeAfter) { pieces.Add(new NerSpan(i + 1, s.End, "LOC")); start = s.End; break; }
                start = i + 1;
            }
            if (pieces.Count == 0 && start == s.Start) { result?.Add(s); continue; }
            if (start < s.End) pieces.Add(s with { Start = start });
            result ??= spans.Take(k).ToList();
            foreach (var p in pieces)
                if (!(p.End - p.Start == 1 && LeadingFunctionWords.Contains(words[p.Start].ToLowerInvariant()))) result.Add(p);
        }
        return result ?? spans;
    }

    /// <summary>"Lower Mill and Sankt Aurel districts" tagged as one name: before a plural noun of places, a name with "and"
    /// inside is two places.</summary>
    private static IReadOnlyList<NerSpan> SplitPlaceLists(string[] words, IReadOnlyList<NerSpan> spans)
    {
        List<NerSpan>? result = null;
        for (int k = 0; k < spans.Count; k++)
        {
            var s = spans[k];
            int and = -1;
            if (s.Type != "PER" && s.End < words.Length && PlacePlurals.Contains(words[s.End]))
                for (int i = s.Start + 1; i < s.End - 1; i++) if (words[i] == "and") { and = i; break; }
            if (and < 0) { result?.Add(s); continue; }
            result ??= spans.Take(k).ToList();
            result.Add(new NerSpan(s.Start, and, "LOC"));
            result.Add(new NerSpan(and + 1, s.End, "LOC"));
        }
        return result ?? spans;
    }

    /// <summary>"Institute for the Study of War say Russia" tagged as one name: a lower-case word other than a connective
    /// ("of", "for", "van") ends a name.</summary>
    private static IEnumerable<NerSpan> SplitAtLowerCase(string[] words, IReadOnlyList<NerSpan> spans)
    {
        foreach (var s in spans)
        {
            int start = s.Start;
            for (int i = s.Start; i < s.End; i++)
            {
                var w = words[i];
                if (w.Length == 0 || !char.IsLower(w[0]) || Connectives.Contains(w) || RoleLexicon.IsModifier(w) || i == s.Start) continue;
                if (i > start) yield return s with { Start = start, End = i };
                start = i + 1;
            }
            if (start == s.Start) yield return s;
            else if (start < s.End) yield return s with { Start = start };
        }
    }

    /// <summary>Lower-case words a name never starts with (name particles such as "van" or "de" may).</summary>
    private static readonly HashSet<string> LeadingFunctionWords = new(StringComparer.Ordinal) { "the", "a", "an", "and", "of", "for", "on", "at", "in", "to", "'s", "'", "&" };

    /// <summary>Forms of address before a person's name, with or without their period; not roles, not part of the name.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "dame", "rev", "mme", "mlle", "herr", "frau",
    };

    private static bool IsHonorific(string w) => Honorifics.Contains(w.TrimEnd('.')) && w.Length <= 5 && char.IsUpper(w[0]);

    private static bool HasCapital(string[] words, int a, int b)
    {
        for (int i = a; i < b; i++) if (words[i].Length > 0 && (char.IsUpper(words[i][0]) || char.IsDigit(words[i][0]))) return true;
        return false;
    }

    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "by", "for", "but", "and", "as", "if", "so", "to", "of", "his", "her", "its", "our", "this",
        "that", "with", "from", "after", "when", "while", "then", "also", "yet", "not", "no", "he", "she", "it", "they", "we", "i", "you",
        "mr", "mrs", "ms", "dr", "sir", "both", "all", "some", "new",
    };

    /// <summary>English words that follow a hyphen in compounds ("Cold War-era", "Seoul-based"): not a given name's second syllable.</summary>
    private static readonly HashSet<string> CompoundTails = new(StringComparer.OrdinalIgnoreCase)
    {
        "era", "based", "born", "led", "style", "like", "made", "run", "owned", "backed", "free", "wide", "long", "old", "year", "day",
        "time", "term", "scale", "level", "type", "class", "age", "built", "held", "bound", "area", "zone", "side", "way", "size", "rich",
        "poor", "less", "ish", "ism", "ist", "war", "day", "man", "men",
    };

    /// <summary>A romanised two-syllable given name: "Ho-jin", "Jong-un", "Suk-yeol".</summary>
    private static bool IsSyllableName(string w)
    {
        int dash = w.IndexOf('-');
        if (dash < 1 || dash > 4 || w.Length - dash - 1 is < 1 or > 4 || !char.IsUpper(w[0])) return false;
        if (CompoundTails.Contains(w[(dash + 1)..])) return false;
        for (int k = 1; k < w.Length; k++) if (k != dash && !char.IsLower(w[k])) return k == dash + 1 && char.IsUpper(w[k]) && w[(k + 1)..].All(char.IsLower);
        return true;
    }

    private bool NameLike(string[] words, int i) =>
        words[i].Length is > 0 and <= 4 && char.IsUpper(words[i][0]) && words[i].All(char.IsLetter) && !NerFeatures.IsAllCaps(words[i]) || IsSyllableName(words[i]);

    private static bool LongNamePart(string w) =>
        w.Length > 4 && char.IsUpper(w[0]) && !NerFeatures.IsAllCaps(w) && w.All(c => char.IsLetter(c) || c is '-' or '\'');

    private bool Free(string[] words, int i, List<NerSpan> spans) =>
        !spans.Any(x => x.Start <= i && i < x.End) && !NotNameWords.Contains(words[i]) && !DateWords.Contains(words[i])
        && !RoleLexicon.IsModifier(words[i]) && gazetteer.LongestAt(words, i) is null;

    /// <summary>
    /// Person names from outside the training news, cut or mistyped by the tagger: adjacent person spans join ("Kim" + "Jong Un"),
    /// a person span takes in a short capitalised part or a romanised given name beside it ("Chang" + "Ho-jin"), and a
    /// two- or three-word span holding such a given name is a person whatever type it was given ("Kim Jong-un"/MISC).
    /// </summary>
    private List<NerSpan> RepairPersonNames(string[] words, List<NerSpan> spans)
    {
        var result = new List<NerSpan>(spans.Count);
        foreach (var s in spans)
        {
            var x = s;
            if (x.Type is "MISC" or "ORG" && x.End - x.Start is 2 or 3 && words[x.Start..x.End].All(w => w.Length > 0 && char.IsUpper(w[0]))
                && words[(x.Start + 1)..x.End].Any(IsSyllableName) && !words[x.Start].Contains('-')
                && gazetteer.LongestAt(words, x.Start) is null) x = x with { Type = "PER" };
            if (result.Count > 0 && result[^1] is var prev && prev.End == x.Start
                && (prev.Type == "PER" && (x.Type == "PER" || x.End - x.Start == 1 && NameLike(words, x.Start) && gazetteer.LongestAt(words, x.Start) is null)
                    || x.Type == "PER" && prev.End - prev.Start == 1 && gazetteer.LongestAt(words, prev.Start) is null
                       && (NameLike(words, prev.Start) || prev.Type is "ORG" or "MISC" && x.End - prev.Start <= 4 && LongNamePart(words[prev.Start]))))
            {
                result[^1] = new NerSpan(prev.Start, x.End, "PER");
                continue;
            }
            result.Add(x);
        }
        for (int k = 0; k < result.Count; k++)
        {
            var x = result[k];
            if (x.Type != "PER") continue;
            int end = x.End, start = x.Start;
            while (end < words.Length && end - start < 4 && NameLike(words, end) && Free(words, end, result)) end++;
            // A longer given name before a short person span, at the start of the sentence or after a lower-case word
            // ("Chang" + "Ho Jin", "leader Saoirse" + "Ní Bhraonáin").
            if (start > 0 && end - start <= 2 && !NameLike(words, start - 1) && LongNamePart(words[start - 1]) && Free(words, start - 1, result)
                && (start == 1 || words[start - 2].Length > 0 && char.IsLower(words[start - 2][0]))) start--;
            while (start > 0 && end - start < 4 && NameLike(words, start - 1) && !IsSyllableName(words[start - 1]) && Free(words, start - 1, result)
                ) start--;
            result[k] = x with { Start = start, End = end };
        }
        // "MV Alder" untagged before "Star" tagged: capitalised words right before a name belong to it.
        bool titleCase = EntityRecognizer.IsTitleCase(words);
        for (int k = 0; k < result.Count; k++)
        {
            var x = result[k];
            if (x.Type == "PER" || titleCase || gazetteer.LongestAt(words, x.Start) is { } g && g.Tokens.Length >= x.End - x.Start) continue;
            int start = x.Start;
            while (start > 0 && x.End - start < 5 && words[start - 1].Length > 1 && char.IsUpper(words[start - 1][0]) && words[start - 1].All(c => char.IsLetter(c) || c is '-' or '.')
                   && Free(words, start - 1, result) && (start - 1 > 0 || NerFeatures.IsAllCaps(words[0]))) start--;
            result[k] = x with { Start = start };
        }
        for (int k = result.Count - 1; k > 0; k--)
            if (result[k - 1].Type == "PER" && result[k].Type == "PER" && result[k - 1].End == result[k].Start && result[k].End - result[k - 1].Start <= 4)
            {
                result[k - 1] = result[k - 1] with { End = result[k].End };
                result.RemoveAt(k);
            }
        return result;
    }

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June",
        "July", "August", "September", "October", "November", "December",
    };

    private static bool IsPunctuation(string w) => w.All(c => !char.IsLetterOrDigit(c));

    /// <summary>"Director of National Security Chang" or "Supreme Leader Kim" tagged whole: the name is the part after the title.</summary>
    private NerSpan StripLeadingTitle(string[] words, NerSpan s)
    {
        if (s.End - s.Start < 2) return s;
        int k = s.Start, lastRole = -1;
        // "Director of National Security Chang Ho-jin" tagged from "National": the title began before the span.
        bool head = s.Start >= 2 && words[s.Start - 1] == "of" && RoleLexicon.IsHead(words[s.Start - 2]);
        while (k < s.End - 1)
        {
            var w = words[k];
            if (w.Length == 0) break;
            if (RoleLexicon.IsHead(w)) { head = true; lastRole = k; }
            else if (RoleLexicon.Modifiers.Contains(w) || w == "of") lastRole = k;
            else if (gazetteer.LongestAt(words, k) is { } e && e.Kind is GazetteerKind.Demonym or GazetteerKind.Country && k + e.Tokens.Length < s.End)
            {
                lastRole = k + e.Tokens.Length - 1; k += e.Tokens.Length; continue; // "North Korean leader Kim"
            }
            else break;
            k++;
        }
        if (!head || lastRole < s.Start) return s;
        int start = lastRole + 1;
        if (start >= s.End || RoleLexicon.IsModifier(words[start]) || !char.IsUpper(words[start][0]) || s.End - start > 4) return s;
        if (s.Type != "PER" && (s.End - start > 3 || words[start..s.End].Any(OrgKeywords.Contains))) return s;
        return new NerSpan(start, s.End, "PER");
    }

    private EntityMention FromGazetteer(GazetteerEntry entry, TextSpan span, string[] words, int start, int end)
    {
        var surface = text[span.Start..span.End];
        return entry.Kind switch
        {
            GazetteerKind.Country => new EntityMention(span, surface, EntityType.Country) { Country = entry.Country },
            GazetteerKind.Demonym => new EntityMention(span, surface, EntityType.Other) { Country = entry.Country, Kind = "demonym" },
            _ => new EntityMention(span, surface, EntityType.Location) { Country = entry.Country, Kind = IsMetonym(words, start, end) ? "capital" : "name" },
        };
    }

    /// <summary>A capital that stands for its government: it speaks or acts ("Seoul said"), owns ("Moscow's side"), or is a party ("calls from Washington").</summary>
    private static bool IsMetonym(string[] words, int start, int end)
    {
        if (end < words.Length && (GovernmentVerbs.Contains(words[end]) || words[end] is "'s" or "'")) return true;
        return start > 0 && MetonymPrepositions.Contains(words[start - 1]);
    }

    private sealed record FineMatch(GazetteerEntry Entry, TextSpan Span, int TokenStart, int TokenEnd);

    /// <summary>Gazetteer phrases over the sentence with hyphenated tokens split into their parts.</summary>
    private List<FineMatch> FineGazetteerMatches(string[] words, List<TextSpan> tokens)
    {
        var parts = new List<string>(); var partSpans = new List<TextSpan>(); var partToken = new List<int>();
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i]; int offset = tokens[i].Start, p = 0;
            for (int k = 0; k <= w.Length; k++)
                if (k == w.Length || w[k] == '-' && w.Length == tokens[i].Length)
                {
                    if (k > p) { parts.Add(w[p..k]); partSpans.Add(new TextSpan(offset + p, offset + k)); partToken.Add(i); }
                    p = k + 1;
                }
        }
        var result = new List<FineMatch>();
        for (int i = 0; i < parts.Count;)
        {
            var e = gazetteer.LongestAt(parts, i);
            bool lower = false;
            if (e is null && parts[i].Length >= 4 && parts[i].All(char.IsLower) && !LowercaseBlock.Contains(parts[i]))
            {
                e = gazetteer.LongestAt(parts, i, caseSensitive: false);
                lower = e is { Kind: GazetteerKind.Capital, Tokens.Length: 1 };
                if (!lower) e = null;
            }
            if (e is null) { i++; continue; }
            int last = i + e.Tokens.Length - 1;
            result.Add(new FineMatch(e, new TextSpan(partSpans[i].Start, partSpans[last].End), partToken[i], partToken[last] + 1));
            i = last + 1;
        }
        return result;
    }

    private EntityMention WithRole(EntityMention m, string[] words, List<TextSpan> tokens, int start, int end, IReadOnlyList<NerSpan> spans)
    {
        bool InOther(int i) => spans.Any(s => s.Start <= i && i < s.End) || gazetteer.LongestAt(words, i) is not null;
        // Before the name: "national security adviser Chang Ho-jin", "Secretary of State Antony Blinken".
        int j = start - 1, lastHead = -1;
        while (j >= 0 && !InOther(j))
        {
            var w = words[j];
            bool cap = w.Length > 0 && char.IsUpper(w[0]);
            if (RoleLexicon.IsModifier(w)) { if (RoleLexicon.IsHead(w) && lastHead < 0) lastHead = j; j--; continue; }
            if (w == "of" && j > 0) { j--; continue; }
            if (cap && lastHead < 0 && j >= start - 3) { j--; continue; }
            break;
        }
        int from = j + 1;
        while (from < start && (words[from] == "of" || !RoleLexicon.IsModifier(words[from]))) from++;
        if (lastHead >= 0 && from <= lastHead)
        {
            var tail = words[(lastHead + 1)..start];
            bool ok = tail.Length == 0 || tail[0] == "of" && tail.Skip(1).All(w => w.Length > 0 && char.IsUpper(w[0]));
            if (ok) return WithRoleSpan(m, new TextSpan(tokens[from].Start, tokens[start - 1].End));
        }
        // After the name: "Chang Ho Jin, the head of the National Security Office,", "Ahn Chan-il, a defector-turned-researcher who".
        if (end + 1 < words.Length && words[end] == ",")
        {
            int k = end + 1;
            if (words[k] is "the" or "a" or "an" or "The") k++;
            int roleStart = k, head = -1;
            while (k < words.Length && k - roleStart < 10)
            {
                var w = words[k];
                if (w is "," or "." or "who" or "which" or "that" or "said" or "told" or ";" or "\"" or "and") break;
                if (head < 0 && RoleLexicon.IsHead(w)) head = k;
                if (head < 0 && k - roleStart >= 4) break;
                k++;
            }
            if (head >= 0 && k > roleStart) return WithRoleSpan(m, new TextSpan(tokens[roleStart].Start, tokens[k - 1].End));
        }
        return m;
    }

    private EntityMention WithRoleSpan(EntityMention m, TextSpan role) => m with { Role = text[role.Start..role.End], RoleSpan = role };

    /// <summary>"the national security adviser", "The security adviser", "the Kremlin leader": a person named by title alone.</summary>
    private IEnumerable<EntityMention> TitleMentions(string[] words, List<TextSpan> tokens, IReadOnlyList<NerSpan> spans, List<EntityMention> existing)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (!words[i].Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
            int k = i + 1, head = -1;
            while (k < words.Length && k - i <= 5)
            {
                var w = words[k];
                bool cap = w.Length > 0 && char.IsUpper(w[0]);
                if (RoleLexicon.IsHead(w)) { head = k; k++; continue; }
                if (head >= 0) break;
                if (RoleLexicon.Modifiers.Contains(w) || cap && k == i + 1) { k++; continue; }
                break;
            }
            if (head < 0) continue;
            int end = head + 1;
            if (words[head].Equals("head", StringComparison.OrdinalIgnoreCase) || words[head].Equals("general", StringComparison.OrdinalIgnoreCase)) continue;
            if (end < words.Length && (words[end] == "of" || spans.Any(s => s.Start == end && s.Type == "PER"))) continue;
            if (i > 0 && words[i - 1] == ",") continue; // an appositive: the role of the name before it
            var span = new TextSpan(tokens[i + 1].Start, tokens[head].End);
            if (existing.Any(m => m.Span.Overlaps(span) && m.Type != EntityType.Other && m.Kind != "demonym" && m.Type != EntityType.Organization)) continue;
            var surface = text[span.Start..span.End];
            yield return new EntityMention(span, surface, EntityType.Person) { Kind = "title", Role = surface, RoleSpan = span };
        }
    }
}
