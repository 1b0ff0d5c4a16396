using System.Text.Json;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.CrossCheck.Entities;

/// <summary>One annotated mention: a span of a file and the entity (a label) it belongs to.</summary>
public sealed record GoldMention(string File, TextSpan Span, string Entity, string Type);

/// <summary>Pairwise merge scores: of the pairs of annotated mentions the system put in one entity, how many belong together (precision), and how many of the pairs that belong together it put in one entity (recall).</summary>
public sealed record MergeScore(int GoldMentions, int FoundMentions, long GoldPairs, long SystemPairs, long CorrectPairs, IReadOnlyList<string> FalseMerges)
{
    /// <summary>Annotated entities spread over several system entities (or partly not found).</summary>
    public IReadOnlyList<string> Splits { get; init; } = [];

    /// <summary>Annotated mentions in text the cleaning stage removed (captions, bylines, repeated headlines): not scored here, since
    /// no later stage reads that text; <c>eval clean</c> measures what is kept.</summary>
    public int OutsideKept { get; init; }

    /// <summary>Each scored annotated mention with the system entity it landed in (null: not found).</summary>
    public IReadOnlyList<(GoldMention Gold, string? EntityId)> Assignments { get; init; } = [];

    /// <summary>Annotated mentions that no system entity covers.</summary>
    public IReadOnlyList<GoldMention> NotFound { get; init; } = [];

    public double Precision => SystemPairs == 0 ? 1 : (double)CorrectPairs / SystemPairs;
    public double Recall => GoldPairs == 0 ? 1 : (double)CorrectPairs / GoldPairs;
}

/// <summary>Reads entity annotations (data/annotations/entities/*.json) and scores a story's entities against them.</summary>
public static class MergeEvaluation
{
    /// <summary>Reads an annotation file: <c>{"files": {"name.txt": [{"start", "end", "entity", "type"}]}}</c>.</summary>
    public static List<GoldMention> ReadAnnotations(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new List<GoldMention>();
        foreach (var file in doc.RootElement.GetProperty("files").EnumerateObject())
            foreach (var m in file.Value.EnumerateArray())
                result.Add(new GoldMention(file.Name, new TextSpan(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32()),
                    m.GetProperty("entity").GetString()!, m.TryGetProperty("type", out var t) ? t.GetString() ?? "" : ""));
        return result;
    }

    /// <summary>Scores <paramref name="story"/>'s entities; <paramref name="fileOf"/> maps a document id to its file name.</summary>
    public static MergeScore Score(Story story, IReadOnlyList<GoldMention> gold, Func<Document, string> fileOf)
    {
        var docByFile = story.Documents.ToDictionary(fileOf, d => d.Id);
        var cleanByFile = story.Documents.ToDictionary(fileOf, d => d.Clean);
        int outside = gold.Count(g => cleanByFile.TryGetValue(g.File, out var c) && c is not null && !c.IsKept(g.Span));
        gold = gold.Where(g => !(cleanByFile.TryGetValue(g.File, out var c) && c is not null && !c.IsKept(g.Span))).ToList();
        var spansByDoc = story.Entities.SelectMany(e => e.Mentions.Select(m => (m, e.Id))).GroupBy(x => x.m.DocId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.m.Span).ToList());
        var assigned = new List<(string Gold, string? Sys)>();
        var notFound = new List<GoldMention>();
        var assignments = new List<(GoldMention, string?)>();
        foreach (var g in gold)
        {
            string? sys = null;
            if (docByFile.TryGetValue(g.File, out var docId) && spansByDoc.TryGetValue(docId, out var list))
            {
                int best = 0;
                foreach (var (m, id) in list)
                {
                    int overlap = Math.Min(m.Span.End, g.Span.End) - Math.Max(m.Span.Start, g.Span.Start);
                    if (overlap > best) { best = overlap; sys = id; }
                }
            }
            assigned.Add((g.Entity, sys));
            assignments.Add((g, sys));
            if (sys is null) notFound.Add(g);
        }
        static long Pairs(long n) => n * (n - 1) / 2;
        long goldPairs = assigned.GroupBy(a => a.Gold).Sum(g => Pairs(g.Count()));
        long sysPairs = assigned.Where(a => a.Sys is not null).GroupBy(a => a.Sys).Sum(g => Pairs(g.Count()));
        long correct = assigned.Where(a => a.Sys is not null).GroupBy(a => (a.Gold, a.Sys)).Sum(g => Pairs(g.Count()));
        var names = story.Entities.ToDictionary(e => e.Id, e => e.Name);
        var falseMerges = assigned.Where(a => a.Sys is not null).GroupBy(a => a.Sys!).Where(g => g.Select(a => a.Gold).Distinct().Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{names[g.Key]} ({g.Key}) holds {string.Join(", ", g.Select(a => a.Gold).Distinct().Order(StringComparer.Ordinal))}").ToList();
        var splits = assigned.GroupBy(a => a.Gold).Where(g => g.Select(a => a.Sys).Distinct().Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} split over {string.Join(", ", g.GroupBy(a => a.Sys).OrderByDescending(x => x.Count()).Select(x => (x.Key is null ? "not found" : names[x.Key] + " (" + x.Key + ")") + " x" + x.Count()))}").ToList();
        return new MergeScore(gold.Count, assigned.Count(a => a.Sys is not null), goldPairs, sysPairs, correct, falseMerges) { Splits = splits, NotFound = notFound, OutsideKept = outside, Assignments = assignments };
    }
}
