using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Core.Annotate.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Microsoft.Extensions.AI;

namespace Crosscheck.Core.CrossCheck.Claims;

/// <summary>A fact offered to the abstractive writer: one claim that tells it, and every claim and source behind it.</summary>
public sealed record BriefFact(string Id, string Text)
{
    public ImmutableArray<string> Claims { get; init; } = [];
    public ImmutableArray<string> Sources { get; init; } = [];
    public int Origins { get; init; }
    public bool Disputed { get; init; }
}

/// <summary>A sentence the model wrote, with the claims it cites and what the check found wrong with it (nothing when supported).</summary>
public sealed record CheckedSentence(string Text)
{
    public ImmutableArray<string> Claims { get; init; } = [];
    public ImmutableArray<string> Sources { get; init; } = [];
    public ImmutableArray<string> Problems { get; init; } = [];
    public bool Disputed { get; init; }
    public bool Supported => Problems.IsEmpty;
}

/// <summary>
/// The abstractive brief: <see cref="Sentences"/> holds only the sentences that passed the check, each citing its claims
/// and sources; <see cref="Checked"/> holds every sentence the model wrote, the unsupported ones flagged with their reasons.
/// <see cref="FellBack"/> is true when nothing passed (or the model failed) and the extractive brief was kept.
/// </summary>
public sealed record AbstractiveBrief(ImmutableArray<BriefSentence> Sentences, ImmutableArray<CheckedSentence> Checked, bool FellBack)
{
    public string? Failure { get; init; }
}

/// <summary>
/// Optional abstractive brief through Microsoft.Extensions.AI: any <see cref="IChatClient"/> the user configures gets the
/// supported facts of the story (one claim each, with its id), writes a few sentences citing those ids, and every sentence is
/// checked against the claims it cites before it may enter the brief: it must cite offered claims, every number and name in
/// it must occur in them, and most of its content words must too. Unsupported sentences are dropped from the brief and
/// returned flagged; provenance is never lost, since a kept sentence carries the claims and sources of the facts it cites.
/// The extractive <see cref="BriefWriter"/> stays the default; this writer is only used when a caller plugs it in.
/// </summary>
public sealed class AbstractiveBriefWriter(IChatClient client)
{
    /// <summary>Most facts offered to the model.</summary>
    public int MaxFacts { get; init; } = 12;
    /// <summary>Most sentences asked for.</summary>
    public int MaxSentences { get; init; } = 5;
    /// <summary>Least share of a sentence's content words that must occur in the claims it cites.</summary>
    public double MinContentOverlap { get; init; } = 0.6;

    private static readonly Regex Citation = new(@"\[\s*([A-Za-z]?\d+(?:\s*[,;]\s*[A-Za-z]?\d+)*)\s*\]", RegexOptions.CultureInvariant);

    /// <summary>Words a summary may add without support: they describe the reporting, not the story.</summary>
    private static readonly HashSet<string> Glue = new(StringComparer.OrdinalIgnoreCase)
    {
        "report", "reported", "reports", "reportedly", "according", "source", "sources", "outlet", "outlets", "disputed", "dispute",
        "conflicting", "differ", "differs", "however", "meanwhile", "also", "stated", "state", "states", "say", "said", "says",
    };

    public async Task<AbstractiveBrief> WriteAsync(Story story, CancellationToken cancellationToken = default)
    {
        var facts = SupportedFacts(story, MaxFacts);
        if (facts.Count == 0) return new AbstractiveBrief(story.Brief, [], FellBack: true) { Failure = "no supported facts" };
        string reply;
        try
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, SystemPrompt(MaxSentences)), new ChatMessage(ChatRole.User, FactList(facts))],
                new ChatOptions { Temperature = 0f }, cancellationToken).ConfigureAwait(false);
            reply = response.Text ?? "";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AbstractiveBrief(story.Brief, [], FellBack: true) { Failure = e.GetType().Name + ": " + e.Message };
        }
        var checkedSentences = Sentences(reply).Select(s => Check(s, facts)).ToImmutableArray();
        var kept = checkedSentences.Where(c => c.Supported).Take(MaxSentences)
            .Select(c => new BriefSentence(c.Text) { Claims = c.Claims, Sources = c.Sources, Disputed = c.Disputed }).ToImmutableArray();
        return kept.IsEmpty
            ? new AbstractiveBrief(story.Brief, checkedSentences, FellBack: true) { Failure = "no sentence of the model passed the check" }
            : new AbstractiveBrief(kept, checkedSentences, FellBack: false);
    }

    /// <summary>The facts that the most independent sources carry (at least two when any has two), one claim telling each.</summary>
    public static List<BriefFact> SupportedFacts(Story story, int max)
    {
        var originOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in story.SharedOrigins) foreach (var id in group) originOf[id] = group[0];
        var disputed = story.Discrepancies.Where(d => !d.IsUpdate).SelectMany(d => d.Values).SelectMany(v => v.Claims).ToHashSet(StringComparer.Ordinal);
        var facts = story.Claims.Where(c => c.Fact is not null).GroupBy(c => c.Fact!)
            .Select(g =>
            {
                var members = g.ToList();
                var teller = members.OrderBy(c => ClaimOf(story, c).Attributed ? 1 : 0).ThenBy(c => Penalty(ClaimOf(story, c).Text.Length))
                    .ThenBy(c => c.Id, ClaimIdComparer.Instance).First();
                return new BriefFact(teller.Id, ClaimOf(story, teller).Text)
                {
                    Claims = [.. members.Select(c => c.Id)],
                    Sources = [.. members.Select(c => c.DocId).Distinct()],
                    Origins = members.Select(c => originOf.GetValueOrDefault(c.DocId, c.DocId)).Distinct().Count(),
                    Disputed = members.Any(c => disputed.Contains(c.Id)),
                };
            })
            .OrderByDescending(f => f.Origins).ThenBy(f => int.Parse(f.Id[1..], CultureInfo.InvariantCulture)).ToList();
        int least = facts.Count > 0 && facts[0].Origins >= 2 ? 2 : 1;
        return [.. facts.Where(f => f.Origins >= least).Take(max).OrderBy(f => int.Parse(f.Id[1..], CultureInfo.InvariantCulture))];
    }

    public static string SystemPrompt(int maxSentences) =>
        $"You write a short, neutral news brief using only the numbered facts you are given. Write at most {maxSentences} sentences, one per line. "
        + "End every sentence with the ids of the facts it uses in square brackets, for example [c3, c7]. Do not add any fact, number, name or date "
        + "that is not in the facts you cite. When a fact is marked DISPUTED, say that the sources disagree.";

    public static string FactList(IReadOnlyList<BriefFact> facts)
    {
        var sb = new StringBuilder();
        foreach (var f in facts)
            sb.Append('[').Append(f.Id).Append("] (").Append(f.Origins).Append(f.Origins == 1 ? " source" : " independent sources")
              .Append(f.Disputed ? ", DISPUTED" : "").Append(") ").Append(f.Text.Replace('\n', ' ')).Append('\n');
        return sb.ToString();
    }

    /// <summary>Checks one sentence of the model (citations included) against the facts offered.</summary>
    public CheckedSentence Check(string sentence, IReadOnlyList<BriefFact> facts)
    {
        var problems = new List<string>();
        var byId = new Dictionary<string, BriefFact>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in facts) foreach (var id in f.Claims.Prepend(f.Id)) byId.TryAdd(id, f);
        var cited = new List<BriefFact>();
        foreach (Match m in Citation.Matches(sentence))
            foreach (var raw in m.Groups[1].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var id = char.IsDigit(raw[0]) ? "c" + raw : raw.ToLowerInvariant();
                if (byId.TryGetValue(id, out var f)) { if (!cited.Contains(f)) cited.Add(f); }
                else problems.Add($"cites {raw}, which is not a claim it was given");
            }
        var text = Regex.Replace(Citation.Replace(sentence, ""), @"\s+([.,;:!?])", "$1");
        text = Regex.Replace(text, @"\s{2,}", " ").Trim();
        if (cited.Count == 0) problems.Add("cites no claim");
        var support = string.Join("\n", cited.Select(f => f.Text));
        var supportWords = TextWords.Split(support, new TextSpan(0, support.Length));
        var supportStems = supportWords.Where(w => w.IsLetters).Select(w => TextWords.Stem(w.Text)).ToHashSet(StringComparer.Ordinal);
        var supportLower = supportWords.Where(w => w.IsLetters).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
        var supportNumbers = QuantityParser.Parse(support, new TextSpan(0, support.Length)).Select(q => q.Value).ToHashSet();
        var supportDigits = supportWords.Where(w => w.IsNumber).Select(w => w.Text.Replace(",", "")).ToHashSet(StringComparer.Ordinal);

        var words = TextWords.Split(text, new TextSpan(0, text.Length));
        // numbers: every figure (digits or words) and every digit string (years, dates) must be in the cited claims
        foreach (var q in QuantityParser.Parse(text, new TextSpan(0, text.Length)))
            if (!supportNumbers.Contains(q.Value) && !supportDigits.Contains(ClaimFeatures.ValueText(q.Value)))
                problems.Add($"the number “{q.Surface}” is not in the cited claims");
        foreach (var w in words.Where(w => w.IsNumber))
            if (!supportDigits.Contains(w.Text.Replace(",", "")) && !problems.Any(p => p.Contains($"“{w.Text}")))
                problems.Add($"the number “{w.Text}” is not in the cited claims");
        // names: capitalised words after the first must occur in the cited claims
        for (int i = 1; i < words.Count; i++)
        {
            var w = words[i];
            if (!w.IsLetters || !char.IsUpper(w.Text[0]) || TextWords.StopWords.Contains(w.Text) || Glue.Contains(w.Text)) continue;
            if (!supportLower.Contains(w.Lower) && !supportStems.Contains(TextWords.Stem(w.Text))) problems.Add($"the name “{w.Text}” is not in the cited claims");
        }
        // content words: most must come from the cited claims
        var content = words.Where(w => w.IsLetters && w.Text.Length >= 3 && !TextWords.StopWords.Contains(w.Text) && !Glue.Contains(w.Text))
            .Select(w => TextWords.Stem(w.Text)).Distinct().ToList();
        if (content.Count > 0 && cited.Count > 0)
        {
            double overlap = content.Count(supportStems.Contains) / (double)content.Count;
            if (overlap < MinContentOverlap)
                problems.Add($"only {overlap.ToString("0%", CultureInfo.InvariantCulture)} of its content words are in the cited claims");
        }
        if (text.Length == 0) problems.Add("empty");
        return new CheckedSentence(text)
        {
            Claims = [.. cited.SelectMany(f => f.Claims).Distinct().OrderBy(id => id, ClaimIdComparer.Instance)],
            Sources = [.. cited.SelectMany(f => f.Sources).Distinct().OrderBy(s => s, StringComparer.Ordinal)],
            Problems = [.. problems.Distinct()],
            Disputed = cited.Any(f => f.Disputed),
        };
    }

    /// <summary>The model's sentences: one per line, a line holding several split at sentence ends; bullets and numbering removed.</summary>
    public static IEnumerable<string> Sentences(string reply)
    {
        foreach (var rawLine in reply.Replace("\r", "").Split('\n'))
        {
            var line = Regex.Replace(rawLine.Trim(), @"^(?:[-*•]|\d+[.)])\s+", "");
            if (line.Length == 0) continue;
            foreach (var span in SentenceSplitter.Split(line, new TextSpan(0, line.Length)))
            {
                var s = line.Substring(span.Start, span.Length).Trim();
                if (s.Length > 0) yield return s;
            }
        }
    }

    private static Claim ClaimOf(Story story, StoryClaim c) => story.Doc(c.DocId).Claims[c.Index];
    private static int Penalty(int length) => length < 80 ? 80 - length : length > 250 ? length - 250 : 0;
}

/// <summary>
/// A story pass that replaces the extractive brief by the checked abstractive one when at least one sentence passes; add it
/// after the defaults: <c>new PipelineBuilder().UseDefaults().UseStoryPass(new AbstractiveBriefPass(chatClient))</c>.
/// </summary>
public sealed class AbstractiveBriefPass(IChatClient client) : IStoryPass
{
    public AbstractiveBriefWriter Writer { get; init; } = new(client);
    public string Name => "abstractive-brief";

    public Story Apply(Story story)
    {
        var brief = Writer.WriteAsync(story).GetAwaiter().GetResult();
        return brief.FellBack ? story : story with { Brief = brief.Sentences };
    }
}
