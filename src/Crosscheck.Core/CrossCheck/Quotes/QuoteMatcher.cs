using System.Collections.Immutable;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Core.CrossCheck.Quotes;

/// <summary>
/// Story pass: places every quote in the story (<see cref="Story.Quotes"/>), links its speaker to a story entity, and
/// groups quotes of different sources that render one statement (<see cref="StoryQuote.SameStatementAs"/>), across
/// translations and truncations. Two signals join a pair, each scored only on candidates (no all-pairs step):
/// <list type="bullet">
/// <item>wording: the IDF-weighted overlap of the quotes' content terms and numbers (candidates share rare terms through an
/// inverted index), nudged by agreement of speakers;</item>
/// <item>context, for translations that share few words ("nothing to fear" / "nothing to worry about"): the same speaker,
/// at least one shared content term (or a near-synonym), and a sentence around the quote that shares its entities, dates
/// and keywords (candidates come from the speaker's own quotes).</item>
/// </list>
/// Numbers veto: two quotes that both state numbers and share none ("rose to 19" / "rose to 23") are different
/// statements. An optional <see cref="Similarity"/> (e.g. sentence embeddings) may join candidates the words miss.
/// Groups whose members name different speakers add an <see cref="DiscrepancyKind.Attribution"/> discrepancy.
/// </summary>
public sealed class QuoteMatcher : IStoryPass
{
    public string Name => "quote-matching";

    /// <summary>Weighted overlap a pair needs to be the same statement.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Weighted overlap of the context (sentence around the quote) that, with the same speaker, joins a pair of weak wording overlap.</summary>
    public double ContextThreshold { get; init; } = 0.3;

    /// <summary>The least wording overlap a context-joined pair needs.</summary>
    public double MinWordingForContext { get; init; } = 0.28;

    /// <summary>
    /// The translation-robust signals: same speaker with shared surroundings, neighbouring statements, and one-word
    /// partial quotes read through their sentence. Off: wording overlap only (for comparison in <c>eval quotes</c>).
    /// </summary>
    public bool UseContext { get; init; } = true;

    /// <summary>Context terms (words, entities, days) that a context-joined pair must share at least.</summary>
    public int MinSharedContext { get; init; } = 2;

    /// <summary>At most this many candidates (those sharing the most rare terms) are scored per quote and signal.</summary>
    public int MaxCandidates { get; init; } = 40;

    /// <summary>
    /// Optional similarity of two quote texts in [0, 1] (e.g. cosine of sentence embeddings); null: words only. Only
    /// candidate pairs are scored, never all pairs; a pair with a similarity of at least <see cref="SimilarityThreshold"/>
    /// joins unless the speakers differ or the numbers disagree.
    /// </summary>
    public Func<string, string, double>? Similarity { get; init; }

    public double SimilarityThreshold { get; init; } = 0.8;

    private sealed record Item(int Index, Document Doc, Quote Quote, string Id, string? EntityId, string? SpeakerKey, List<string> Terms)
    {
        /// <summary>The speaker's name, normalised (accents folded), when one is known.</summary>
        public string? NameKey { get; init; }
        public List<string> Numbers { get; init; } = [];
        /// <summary>The terms the quote negates ("would not pay" → "pay").</summary>
        public HashSet<string> Negated { get; init; } = [];
        /// <summary>For a described speaker, the story entity named inside the description ("Haldane's office" → Haldane).</summary>
        public string? RelatedEntityId { get; init; }
        /// <summary>True when <see cref="Terms"/> come from the sentence around a one-word quote.</summary>
        public bool FromSentence { get; init; }
        public List<string> Context { get; init; } = [];
    }

    public Story Apply(Story story)
    {
        var mentions = MentionIndex(story);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in story.Entities)
        {
            order.TryAdd(e.Id, order.Count);
            foreach (var alias in e.Aliases.Prepend(e.Name)) byName.TryAdd(Normalize(alias), e.Id);
        }
        var entityName = story.Entities.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var items = new List<Item>();
        foreach (var doc in story.Documents)
            for (int i = 0; i < doc.Quotes.Length; i++)
            {
                var q = doc.Quotes[i];
                var entity = SpeakerEntity(story, doc, q, mentions, order, byName);
                // the entity a description names ("Katrin Sorel-Vance's company" → Sorel-Vance): not the speaker, but
                // enough to tell this speaker from another named one ("Haldane")
                var related = entity is null && q.SpeakerName is null && q.SpeakerDescription is not null
                    ? SpeakerEntity(story, doc, q, mentions, order, byName, inside: true) : null;
                string? key = entity ?? (q.SpeakerName is { } n ? "name:" + Normalize(n) : q.SpeakerDescription is { } d ? "desc:" + Normalize(d) : null);
                // the words of a time expression ("at the end of the month", "on Friday") are no wording evidence: two
                // statements about one day share them without saying the same thing (a date that differs is a
                // discrepancy, found elsewhere)
                var terms = StatementTerms.Of(WithoutTimes(doc, q));
                // a one-word partial quote (will "reconsider" a policy ...) reports the statement of its sentence
                bool fromSentence = UseContext && terms.Count < 2;
                if (fromSentence) terms = SentenceTerms(doc, q);
                string? name = q.SpeakerName ?? (entity is null ? null : entityName[entity]);
                items.Add(new Item(items.Count, doc, q, $"q{items.Count + 1}", entity, key, terms)
                {
                    NameKey = name is null ? null : Fold(Normalize(name)),
                    RelatedEntityId = related,
                    Numbers = Numbers(doc, q),
                    Negated = StatementTerms.Negated(q.Text),
                    FromSentence = fromSentence,
                    Context = ContextTerms(doc, q, entity, mentions),
                });
            }

        var groups = Group(items);
        var groupOf = new int[items.Count];
        Array.Fill(groupOf, -1);
        for (int g = 0; g < groups.Count; g++) foreach (var m in groups[g]) groupOf[m] = g;

        var quotes = items.Select(it => new StoryQuote(it.Id, it.Doc.Id, Index(it))
        {
            SpeakerEntityId = it.EntityId,
            StatementGroup = groupOf[it.Index] >= 0 ? $"g{groupOf[it.Index] + 1}" : null,
            SameStatementAs = groupOf[it.Index] >= 0 ? [.. groups[groupOf[it.Index]].Where(m => m != it.Index).Select(m => items[m].Id)] : [],
        }).ToImmutableArray();

        var discrepancies = story.Discrepancies.ToBuilder();
        foreach (var group in groups)
            if (AttributionConflict(story, items, group) is { } d)
                discrepancies.Add(d with { Id = $"d{discrepancies.Count + 1}" });
        return story with { Quotes = quotes, Discrepancies = discrepancies.ToImmutable() };
    }

    private static int Index(Item it) => it.Doc.Quotes.IndexOf(it.Quote);

    /// <summary>Per document, the story entity mentions sorted by start.</summary>
    private static Dictionary<string, List<(TextSpan Span, string Entity)>> MentionIndex(Story story)
    {
        var index = new Dictionary<string, List<(TextSpan, string)>>(StringComparer.Ordinal);
        foreach (var e in story.Entities)
            foreach (var m in e.Mentions)
            {
                if (!index.TryGetValue(m.DocId, out var list)) index[m.DocId] = list = [];
                list.Add((m.Span, e.Id));
            }
        foreach (var list in index.Values) list.Sort((a, b) => a.Item1.Start.CompareTo(b.Item1.Start));
        return index;
    }

    /// <summary>
    /// The context of a quote: the sentence that holds it and the one before (in its paragraph, or the previous one when
    /// that gives little), less the quotation itself and its speaker and cue,
    /// as content terms, the story entities mentioned there (not the speaker) and the calendar days its times resolve to.
    /// </summary>
    private static List<string> ContextTerms(Document doc, Quote q, string? speakerEntity, Dictionary<string, List<(TextSpan Span, string Entity)>> mentions)
    {
        var terms = ContextTerms(doc, q, speakerEntity, mentions, ContextWindow(doc, q.Span, sameBlock: true));
        // a quote that opens its paragraph ("He pointed out that ...") takes the sentence before from the previous one
        return terms.Count >= 4 ? terms : ContextTerms(doc, q, speakerEntity, mentions, ContextWindow(doc, q.Span, sameBlock: false));
    }

    /// <summary>The content terms of the sentence around a quote, less its speaker and cue (the quote's own words included).</summary>
    private static List<string> SentenceTerms(Document doc, Quote q)
    {
        int si = doc.SentenceAt(q.Span.Start), se = doc.SentenceAt(Math.Max(q.Span.Start, q.Span.End - 1));
        if (si < 0 || se < 0) return StatementTerms.Of(q.Text);
        var window = new TextSpan(doc.Sentences[si].Span.Start, doc.Sentences[se].Span.End);
        var skip = new[] { q.SpeakerNameSpan, q.SpeakerSpan, q.CueSpan }.Where(s => s is { } x && x.Overlaps(window)).Select(s => s!.Value).OrderBy(s => s.Start);
        var terms = new List<string>();
        int pos = window.Start;
        foreach (var cut in skip)
        {
            if (cut.Start > pos) terms.AddRange(StatementTerms.Of(doc.Text[pos..cut.Start]));
            pos = Math.Max(pos, cut.End);
        }
        if (window.End > pos) terms.AddRange(StatementTerms.Of(doc.Text[pos..window.End]));
        terms.RemoveAll(ContextStop.Contains);
        return terms.Distinct().ToList();
    }

    private static List<string> ContextTerms(Document doc, Quote q, string? speakerEntity, Dictionary<string, List<(TextSpan Span, string Entity)>> mentions, TextSpan window)
    {
        var terms = new List<string>();
        var skip = new List<TextSpan> { q.Span };
        if (q.SpeakerNameSpan is { } ns) skip.Add(ns);
        if (q.SpeakerSpan is { } ss) skip.Add(ss);
        if (q.CueSpan is { } cs) skip.Add(cs);
        int pos = window.Start;
        foreach (var cut in skip.Where(s => s.Overlaps(window)).OrderBy(s => s.Start))
        {
            if (cut.Start > pos) terms.AddRange(StatementTerms.Of(doc.Text[pos..cut.Start]));
            pos = Math.Max(pos, cut.End);
        }
        if (window.End > pos) terms.AddRange(StatementTerms.Of(doc.Text[pos..window.End]));
        terms.RemoveAll(ContextStop.Contains);
        if (mentions.TryGetValue(doc.Id, out var list))
            foreach (var (span, entity) in list)
            {
                if (span.Start >= window.End) break;
                if (span.End > window.Start && entity != speakerEntity && !span.Overlaps(q.Span)) terms.Add("e:" + entity);
            }
        foreach (var t in doc.Times)
            if (t.Span.Overlaps(window) && !t.Span.Overlaps(q.Span) && t.Date is { } day && t.Precision == DatePrecision.Day)
                terms.Add("t:" + day.ToString("yyyy-MM-dd"));
        return terms.Distinct().ToList();
    }

    /// <summary>Reporting verbs and words about the act of speaking say nothing of what was said.</summary>
    private static readonly HashSet<string> ContextStop = new(StringComparer.Ordinal)
    {
        "told", "added", "warne", "state", "noted", "annou", "repor", "accor", "speak", "spoke", "press", "journ", "comme", "remar",
        "insis", "claim", "expla", "menti", "decla", "indic", "quote", "inter", "brief", "sayin", "addin", "descr", "calle",
    };

    private static TextSpan ContextWindow(Document doc, TextSpan quote, bool sameBlock)
    {
        int si = doc.SentenceAt(quote.Start), se = doc.SentenceAt(Math.Max(quote.Start, quote.End - 1));
        if (si < 0 || se < 0) return quote;
        int start = doc.Sentences[si].Span.Start, end = doc.Sentences[se].Span.End;
        if (si > 0 && (!sameBlock || doc.Sentences[si - 1].BlockIndex == doc.Sentences[si].BlockIndex)) start = doc.Sentences[si - 1].Span.Start;
        return new TextSpan(start, end);
    }

    private sealed class Index2(List<Item> items, Func<Item, List<string>> terms)
    {
        public readonly Dictionary<string, List<int>> Postings = Build(items, terms);
        private readonly int _n = Math.Max(items.Count, 1);

        private static Dictionary<string, List<int>> Build(List<Item> items, Func<Item, List<string>> terms)
        {
            var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var it in items)
                foreach (var t in terms(it))
                {
                    if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                    list.Add(it.Index);
                }
            return postings;
        }

        public double Idf(string t) => Math.Log(1.0 + (double)_n / (Postings.TryGetValue(t, out var p) ? p.Count : 1));
    }

    /// <summary>Union of the pairs that score above the threshold; candidates share a rare term or the speaker (inverted indexes).</summary>
    private List<List<int>> Group(List<Item> items)
    {
        var words = new Index2(items, it => it.Terms);
        var context = new Index2(items, it => it.Context);
        int n = Math.Max(items.Count, 1);
        // terms carried by most quotes of a big story do not make candidates
        int maxPosting = Math.Max(8, n / 5);
        // with a similarity model, the speaker's quotes in other sources are candidates too (the words may share nothing)
        var bySpeaker = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        if (Similarity is not null)
            foreach (var it in items)
                foreach (var k in SpeakerKeys(it))
                {
                    if (!bySpeaker.TryGetValue(k, out var list)) bySpeaker[k] = list = [];
                    list.Add(it.Index);
                }

        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        // one document's quotes in one group only when they repeat one statement (wording at the threshold) or are the
        // two parts of one interrupted quotation: a speaker's different statements never join through a third quote
        var comp = Enumerable.Range(0, items.Count).Select(i => new List<int> { i }).ToArray();
        void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb) return;
            foreach (var x in comp[ra])
                foreach (var y in comp[rb])
                    if (items[x].Doc.Id == items[y].Doc.Id && !SameStatementInOneDocument(items[x], items[y], words.Idf)) return;
            int root = Math.Min(ra, rb), other = Math.Max(ra, rb);
            parent[other] = root;
            comp[root].AddRange(comp[other]);
            comp[other] = [];
        }

        var shared = new Dictionary<int, int>();
        foreach (var a in items)
        {
            if (a.Terms.Count == 0) continue;
            // wording candidates: quotes of other sources sharing terms that are not everywhere in the story
            shared.Clear();
            foreach (var t in a.Terms)
            {
                var posting = words.Postings[t];
                if (posting.Count > maxPosting) continue;
                foreach (var b in posting)
                    if (b > a.Index && items[b].Doc.Id != a.Doc.Id) shared[b] = shared.GetValueOrDefault(b) + 1;
            }
            var wordCandidates = shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key).ToList();
            foreach (var bi in wordCandidates)
            {
                var b = items[bi];
                if (shared[bi] >= 2 && a.Terms.Count >= 2 && b.Terms.Count >= 2 && Score(a, b, words.Idf) >= Threshold) Union(a.Index, bi);
                else if (Similarity is not null && Joins(a, b, words, context)) Union(a.Index, bi);
            }
            // context candidates: quotes of other sources sharing rare context terms (entities, days, keywords); the
            // same speaker is checked on the candidates
            if (UseContext && PersonKey(a) is not null)
            {
                shared.Clear();
                foreach (var t in a.Context)
                {
                    var posting = context.Postings[t];
                    if (posting.Count > maxPosting) continue;
                    foreach (var b in posting)
                        if (b > a.Index && items[b].Doc.Id != a.Doc.Id) shared[b] = shared.GetValueOrDefault(b) + 1;
                }
                foreach (var bi in shared.Where(kv => kv.Value >= MinSharedContext).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
                             .Take(MaxCandidates).Select(kv => kv.Key).ToList())
                    if (Find(a.Index) != Find(bi) && Joins(a, items[bi], words, context)) Union(a.Index, bi);
            }
        }
        if (Similarity is not null)
            foreach (var a in items)
                foreach (var bi in SpeakerKeys(a).SelectMany(k => bySpeaker[k]).Where(b => b > a.Index && items[b].Doc.Id != a.Doc.Id).Distinct().Take(MaxCandidates).ToList())
                    if (Find(a.Index) != Find(bi) && Joins(a, items[bi], words, context)) Union(a.Index, bi);
        // neighbours: two sources that report the same passage quote its statements in the same order, so a pair of the
        // speaker's quotes whose neighbouring quotes (same speaker, same document) already render one statement joins
        // on a weaker wording overlap ("preposterous and absurd ..." / "It makes no sense ..." beside the "any
        // cooperation" statement in both). Candidates are the neighbours of that statement's other members.
        var members = items.GroupBy(it => Find(it.Index)).ToDictionary(g => g.Key, g => g.Select(it => it.Index).ToList());
        var neighbours = items.Select(it => UseContext ? NeighbourGroups(items, it, Find, members) : []).ToList();
        foreach (var a in items)
        {
            if (PersonKey(a) is null || neighbours[a.Index].Count == 0) continue;
            var candidates = neighbours[a.Index].SelectMany(root => members[root]).Where(m => items[m].Doc.Id != a.Doc.Id)
                .SelectMany(m => new[] { m - 1, m + 1 }.Where(j => j >= 0 && j < items.Count && items[j].Doc.Id == items[m].Doc.Id))
                .Distinct().Order().Take(MaxCandidates).ToList();
            foreach (var bi in candidates)
            {
                var b = items[bi];
                if (Find(a.Index) == Find(bi) || !neighbours[a.Index].Overlaps(neighbours[bi])) continue;
                if (NumbersDisagree(a, b) || Relation(a, b) <= 0) continue;
                if (Overlap(a.Terms, b.Terms, words.Idf) >= MinWordingForContext) Union(a.Index, bi);
            }
        }
        return items.GroupBy(it => Find(it.Index)).Where(g => g.Count() >= 2)
            .Select(g => g.Select(it => it.Index).OrderBy(i => i).ToList()).OrderBy(g => g[0]).ToList();
    }

    /// <summary>The groups (roots) of the quotes just before and after <paramref name="it"/> in its document by the same speaker, when grouped.</summary>
    private static HashSet<int> NeighbourGroups(List<Item> items, Item it, Func<int, int> find, Dictionary<int, List<int>> members)
    {
        var result = new HashSet<int>();
        foreach (int step in new[] { -1, 1 })
        {
            int j = it.Index + step;
            if (j < 0 || j >= items.Count || items[j].Doc.Id != it.Doc.Id || !SameSpeaker(items[j], it)) continue;
            int root = find(j);
            bool grouped = members[root].Any(o => items[o].Doc.Id != items[j].Doc.Id);
            if (grouped && root != find(it.Index)) result.Add(root);
        }
        return result;
    }

    /// <summary>Keys of the speaker for the similarity candidates: the entity and each word of the name ("jonas" joins "Ekweme" and "Ekwueme").</summary>
    private static IEnumerable<string> SpeakerKeys(Item it)
    {
        if (PersonKey(it) is null) yield break;
        if (it.EntityId is { } e) yield return "e:" + e;
        if (it.NameKey is { } n) foreach (var w in n.Split(' ').Where(w => w.Length >= 3).Distinct()) yield return "w:" + w;
    }

    /// <summary>The speaker as a person or named organisation (not a generic description such as "the union").</summary>
    private static string? PersonKey(Item it) =>
        it.EntityId ?? (it.SpeakerKey is { } k && k.StartsWith("name:", StringComparison.Ordinal) ? k : null);

    /// <summary>The context signal (same speaker, shared term, shared surroundings) or the optional similarity.</summary>
    private bool Joins(Item a, Item b, Index2 words, Index2 context)
    {
        if (NumbersDisagree(a, b)) return false;
        var relation = Relation(a, b);
        if (relation < 0) return false;
        if (Similarity is { } sim && sim(a.Quote.Text, b.Quote.Text) >= SimilarityThreshold) return true;
        int sharedTerms = a.Terms.Intersect(b.Terms).Count();
        if (relation == 0 || sharedTerms == 0) return false;
        // one shared word is evidence only between renderings of similar length ("nothing to fear" / "nothing to worry
        // about"), not between a two-word fragment and a long quote that happens to hold the word
        if (sharedTerms == 1 && Math.Max(a.Terms.Count, b.Terms.Count) > 2 * Math.Min(a.Terms.Count, b.Terms.Count)) return false;
        double wording = Overlap(a.Terms, b.Terms, words.Idf);
        if (wording < MinWordingForContext) return false;
        return a.Context.Intersect(b.Context).Count() >= MinSharedContext && Overlap(a.Context, b.Context, context.Idf) >= ContextThreshold;
    }

    /// <summary>Two quotes of one document that may share a statement group: a repetition, or adjacent parts of one quotation.</summary>
    private bool SameStatementInOneDocument(Item x, Item y, Func<string, double> idf)
    {
        if (Math.Abs(x.Index - y.Index) == 1 && SameSpeaker(x, y) && x.Quote.Direct == y.Quote.Direct)
        {
            var (first, second) = x.Quote.Span.Start < y.Quote.Span.Start ? (x.Quote.Span, y.Quote.Span) : (y.Quote.Span, x.Quote.Span);
            if (second.Start - first.End < 60) return true;
        }
        // a one-word fragment ("will “reconsider” a policy") beside a fuller rendering of the same statement
        if (x.FromSentence || y.FromSentence) return true;
        return !NegationDisagrees(x, y) && Overlap(x.Terms, y.Terms, idf) >= Threshold;
    }

    /// <summary>IDF-weighted share of the smaller set's weight that both sets carry.</summary>
    private static double Overlap(List<string> a, List<string> b, Func<string, double> idf)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double ws = a.Intersect(b).Sum(idf);
        return ws / Math.Min(a.Sum(idf), b.Sum(idf));
    }

    private static bool NumbersDisagree(Item a, Item b) =>
        a.Numbers.Count > 0 && b.Numbers.Count > 0 && !a.Numbers.Intersect(b.Numbers).Any() || NegationDisagrees(a, b);

    /// <summary>A shared term negated in one quote and not in the other ("would not pay" / "would pay"): opposite statements.</summary>
    private static bool NegationDisagrees(Item a, Item b) =>
        a.Terms.Intersect(b.Terms).Any(t => a.Negated.Contains(t) != b.Negated.Contains(t));

    /// <summary>1: the same speaker; -1: speakers named differently; 0: unknown or a generic description on one side.</summary>
    private static int Relation(Item a, Item b)
    {
        if (SameSpeaker(a, b)) return 1;
        if (PersonKey(a) is not null && PersonKey(b) is not null) return -1;
        // "Sorel-Vance's company" and "Haldane": a description tied to one entity differs from a speaker who is another
        if (a.RelatedEntityId is { } ra && b.EntityId is { } eb && ra != eb) return -1;
        if (b.RelatedEntityId is { } rb && a.EntityId is { } ea && rb != ea) return -1;
        return 0;
    }

    private static double Score(Item a, Item b, Func<string, double> idf)
    {
        if (NumbersDisagree(a, b)) return 0;
        var shared = a.Terms.Intersect(b.Terms).ToList();
        if (shared.Count < 2) return 0;
        int relation = Relation(a, b);
        // a fragment of a few words inside a much longer quote ("feather duvet lung" in a whole sentence) is the same
        // statement only when the same speaker says both
        int small = Math.Min(a.Terms.Count, b.Terms.Count), large = Math.Max(a.Terms.Count, b.Terms.Count);
        if (small < 4 && large > 3 * small && relation <= 0) return 0;
        double wa = a.Terms.Sum(idf), wb = b.Terms.Sum(idf), ws = shared.Sum(idf);
        double score = ws / Math.Min(wa, wb);
        // a short fragment inside a long quote is weaker evidence than two full renderings
        if (Math.Min(a.Terms.Count, b.Terms.Count) < 4) score *= 0.5 + 0.5 * shared.Count / (double)Math.Max(a.Terms.Count, b.Terms.Count) + 0.25;
        if (relation > 0) score += 0.1;
        else if (relation < 0) score -= 0.1;
        return score;
    }

    /// <summary>The numbers a quote states, less those that belong to a date or time ("March 12, 2025").</summary>
    private static List<string> Numbers(Document doc, Quote q) =>
        [.. StatementTerms.Of(WithoutTimes(doc, q)).Where(t => char.IsDigit(t[0]))];

    /// <summary>The quote's text with the time expressions it holds blanked out (same length).</summary>
    private static string WithoutTimes(Document doc, Quote q)
    {
        var text = q.Text.ToCharArray();
        foreach (var t in doc.Times)
            if (t.Span.Overlaps(q.Span))
                for (int i = Math.Max(t.Span.Start, q.Span.Start); i < Math.Min(t.Span.End, q.Span.End); i++) text[i - q.Span.Start] = ' ';
        return new string(text);
    }

    /// <summary>Lower-case letters without accents ("Ní Bhraonáin" → "ni bhraonain").</summary>
    private static string Fold(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (char c in s.Normalize(System.Text.NormalizationForm.FormD))
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>
    /// Two names of one person: equal, one inside the other ("Putin" / "Vladimir Putin"), or spelled a letter or two
    /// apart ("Jonas Ekwueme" / "Jonas Ekweme").
    /// </summary>
    public static bool SameName(string a, string b)
    {
        if (a == b) return true;
        var ta = a.Split(' '); var tb = b.Split(' ');
        if (ta.Length != tb.Length)
        {
            var (shortT, longT) = ta.Length < tb.Length ? (ta, tb) : (tb, ta);
            // the shorter is the first or last words of the longer ("Chang", "Vladimir Putin")
            return longT.Take(shortT.Length).SequenceEqual(shortT) || longT.Skip(longT.Length - shortT.Length).SequenceEqual(shortT);
        }
        return Distance(a, b) <= Math.Max(1, Math.Min(a.Length, b.Length) / 8);
    }

    private static int Distance(string a, string b) => Text.EditDistance.Levenshtein(a, b);

    /// <summary>Same speaker: one story entity, or names of one person, or one and the same description.</summary>
    private static bool SameSpeaker(Item a, Item b) =>
        (a.EntityId is not null && a.EntityId == b.EntityId) || (a.NameKey is { } na && b.NameKey is { } nb && SameName(na, nb))
        || (a.SpeakerKey is { } ka && ka == b.SpeakerKey);

    /// <summary>The story entity of the speaker: one whose mentions hold the speaker's name or reference, else one whose names match.</summary>
    private static string? SpeakerEntity(Story story, Document doc, Quote q, Dictionary<string, List<(TextSpan Span, string Entity)>> mentions,
        Dictionary<string, int> order, Dictionary<string, string> byName, bool inside = false)
    {
        foreach (var span in new[] { q.SpeakerNameSpan, q.SpeakerSpan })
        {
            if (span is not { } s || !mentions.TryGetValue(doc.Id, out var list)) continue;
            // a described speaker ("Residents of Senne", "Mayor Lind's own campaign") is not the place or person named
            // inside the description: only a mention that is the whole description (less a leading article) links it
            // (with inside: any entity named in it, the one the description relates to)
            var whole = q.SpeakerName is null && q.SpeakerDescription is not null && !inside ? WithoutArticle(doc.Text, s) : (TextSpan?)null;
            // the first entity of the story (in its order) with a mention over the span
            string? hit = null;
            foreach (var (m, entity) in list)
            {
                if (m.Start >= s.End) break;
                if (whole is { } w && !(m.Start <= w.Start && m.End >= w.End)) continue;
                if (m.Overlaps(s) && (hit is null || order[entity] < order[hit])) hit = entity;
            }
            if (hit is not null) return hit;
        }
        if (q.SpeakerName is not { } name) return null;
        return byName.GetValueOrDefault(Normalize(name));
    }

    /// <summary>The span less a leading "the", "a" or "an" ("the Harbour Board" → "Harbour Board").</summary>
    private static TextSpan WithoutArticle(string text, TextSpan span)
    {
        foreach (var article in new[] { "the ", "a ", "an " })
            if (span.Length > article.Length && text.AsSpan(span.Start, article.Length).Equals(article, StringComparison.OrdinalIgnoreCase))
                return new TextSpan(span.Start + article.Length, span.End);
        return span;
    }

    internal static string Normalize(string s) =>
        string.Join(' ', s.ToLowerInvariant().Replace('-', ' ').Replace('\u2019', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Discrepancy? AttributionConflict(Story story, List<Item> items, List<int> group)
    {
        // a description counts as a differing speaker only when it describes a person ("a presidential official"),
        // not when it is a generic reference to an organisation ("the union")
        // a place or country as speaker ("Seoul expressed its grave concern") stands for its government: not a rival name
        var places = story.Entities.Where(e => e.Type is EntityType.Location or EntityType.Country).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var labelled = group.Select(i => items[i]).Where(it => it.SpeakerKey is { } k && !(it.EntityId is { } id && places.Contains(id)) && (!k.StartsWith("desc:")
            || k[5..].Split(' ').Any(w => Crosscheck.Core.Annotate.Quotes.QuoteLexicon.SpeakerNouns.Contains(w)))).ToList();
        var byKey = new List<(string Key, List<Item> Members)>();
        foreach (var it in labelled)
        {
            int k = byKey.FindIndex(x => SameSpeaker(x.Members[0], it));
            if (k < 0) byKey.Add((it.SpeakerKey!, [it])); else byKey[k].Members.Add(it);
        }
        if (byKey.Count < 2) return null;
        if (!byKey.Any(x => !x.Key.StartsWith("desc:"))) return null; // only differing descriptions: not a conflict of names
        var values = byKey.Select(x =>
        {
            var first = x.Members[0];
            string label = first.EntityId is { } id ? story.Entities.First(e => e.Id == id).Name
                : first.Quote.SpeakerName ?? first.Quote.SpeakerDescription ?? "?";
            return new DiscrepancyValue(label)
            {
                Sources = [.. x.Members.Select(m => m.Doc.Id).Distinct()],
                Spans = [.. x.Members.Select(m => new DocSpan(m.Doc.Id, m.Quote.Span))],
            };
        }).ToImmutableArray();
        // the title quotes the member whose words the others share most (the statement's core, not a long outlier)
        var df = group.SelectMany(i => items[i].Terms).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var core = group.Select(i => items[i]).OrderBy(it => it.FromSentence).ThenByDescending(it => it.Terms.Sum(t => df[t]) / (double)Math.Max(1, it.Terms.Count))
            .ThenBy(it => it.Index).First();
        var firstQuote = core.Quote.Text;
        if (firstQuote.Length > 80) firstQuote = firstQuote[..77] + "...";
        return new Discrepancy("", DiscrepancyKind.Attribution, $"who said \u201C{firstQuote}\u201D") { Values = values };
    }
}
