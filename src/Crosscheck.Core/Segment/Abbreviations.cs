using System.Collections.Frozen;

namespace Crosscheck.Core.Segment;

/// <summary>
/// Word lists the sentence splitter consults when a period follows a short word. General English newswire
/// knowledge: titles, months, corporate suffixes, and the capitalised words that usually open a sentence.
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and prefixes that are always followed by a name: a period after them never ends a sentence.</summary>
    public static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
    [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt",
        "Adm", "Cmdr", "Cdr", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Sr", "Mt", "Ft", "Pvt", "Cpl",
        "Gens", "Sens", "Reps", "Messrs", "Mme", "Mlle", "Brig", "Lieut", "Amb", "Atty", "Sec", "Rt", "Hon", "Dept",
        "Ave", "Blvd", "Rd", "Univ", "Assn", "Bros", "approx", "Fig", "fig", "cf", "vol", "Vol", "pp", "Nos",
    ], StringComparer.Ordinal);

    /// <summary>Words that end with a period only as abbreviations when a number follows ("Jan. 5", "No. 10", "Art. 51").</summary>
    public static readonly FrozenSet<string> BeforeNumbers = FrozenSet.ToFrozenSet(
    [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "no", "Art", "art", "Sec", "sec", "Ch", "ch", "Para", "para", "Vol", "vol", "p", "pp", "Nr", "nr",
    ], StringComparer.Ordinal);

    /// <summary>Abbreviations that may also end a sentence ("... in the U.S. The ..."): split only before a typical sentence opener.</summary>
    public static readonly FrozenSet<string> Ambiguous = FrozenSet.ToFrozenSet(
    [
        "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "etc", "vs", "v", "e.g", "i.e", "a.m", "p.m", "al", "Bros", "LLC",
        "Plc", "plc", "PLC", "est", "ca", "min", "max", "govt", "Govt", "Intl", "intl", "Natl", "natl",
    ], StringComparer.Ordinal);

    /// <summary>Capitalised words that typically open a sentence (used to break after an ambiguous abbreviation or initial).</summary>
    public static readonly FrozenSet<string> SentenceOpeners = FrozenSet.ToFrozenSet(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But", "And",
        "Or", "In", "On", "At", "As", "After", "Before", "When", "While", "If", "His", "Her", "Its", "Their", "Our",
        "My", "There", "Some", "Many", "Most", "Meanwhile", "However", "Yet", "So", "Still", "Also", "Despite",
        "During", "Since", "Although", "Though", "Other", "Others", "One", "Two", "Both", "Such", "Earlier", "Later",
        "Last", "Next", "Then", "Now", "Officials", "What", "Why", "How", "Who", "Where", "According", "For", "From",
        "With", "Without", "By", "To", "Under", "Among", "Several", "All", "No", "Not", "Each", "Every", "Further",
        "Separately", "Instead", "Previously", "Additionally", "Moreover", "Thus", "Hence", "Nevertheless",
    ], StringComparer.Ordinal);
}
