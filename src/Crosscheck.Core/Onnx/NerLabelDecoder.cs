using Crosscheck.Core.Annotate.Entities;

namespace Crosscheck.Core.Onnx;

/// <summary>
/// Turns per-word labels of a token classifier into <see cref="NerSpan"/>s. Reads BIO/IOB2, IOB1 (a span may open
/// with I-), BIOES/BILOU (S-/U- single, E-/L- last) and bare type labels, with '-' or '_' after the prefix; maps label
/// sets beyond CoNLL's (OntoNotes' PERSON, GPE, NORP …) onto PER, ORG, LOC, MISC and drops the rest (dates, numbers).
/// </summary>
public static class NerLabelDecoder
{
    /// <summary>A parsed label: its prefix (B, I, E, S or O) and CoNLL type, or null type for outside.</summary>
    public readonly record struct Label(char Prefix, string? Type);

    public static Label Parse(string label)
    {
        var l = label.Trim();
        if (l.Length == 0 || l is "O" or "o" || l.Equals("outside", StringComparison.OrdinalIgnoreCase)) return new('O', null);
        char prefix = 'I';
        string type = l;
        if (l.Length > 2 && l[1] is '-' or '_' && "BIESLUbieslu".Contains(l[0]))
        {
            prefix = char.ToUpperInvariant(l[0]) switch { 'L' => 'E', 'U' => 'S', var c => c };
            type = l[2..];
        }
        var mapped = MapType(type);
        return mapped is null ? new('O', null) : new(prefix, mapped);
    }

    /// <summary>The CoNLL type of a model's entity type, or null for types this project does not keep.</summary>
    public static string? MapType(string type) => type.Trim().ToUpperInvariant() switch
    {
        "PER" or "PERSON" or "PERS" => "PER",
        "ORG" or "ORGANIZATION" or "ORGANISATION" or "CORPORATION" or "GROUP" => "ORG",
        "LOC" or "LOCATION" or "GPE" or "FAC" or "FACILITY" or "GEO" => "LOC",
        "MISC" or "NORP" or "EVENT" or "PRODUCT" or "WORK_OF_ART" or "LAW" or "LANGUAGE" or "NAT" => "MISC",
        _ => null,
    };

    /// <summary>Spans over word indexes from one label per word.</summary>
    public static List<NerSpan> Decode(IReadOnlyList<Label> labels)
    {
        var spans = new List<NerSpan>();
        int start = -1;
        string? type = null;
        void Close(int end)
        {
            if (type is not null) spans.Add(new NerSpan(start, end, type));
            type = null; start = -1;
        }
        for (int i = 0; i < labels.Count; i++)
        {
            var (p, t) = labels[i];
            if (t is null) { Close(i); continue; }
            if (p is 'B' or 'S' || type != t) { Close(i); start = i; type = t; }
            if (p is 'E' or 'S') Close(i + 1);
        }
        Close(labels.Count);
        return spans;
    }
}
