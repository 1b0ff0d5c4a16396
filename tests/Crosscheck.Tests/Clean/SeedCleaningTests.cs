using Crosscheck.Core.Clean;
using Crosscheck.Core.Model;
using Crosscheck.Core.Segment;
using Crosscheck.Tests.Support;

namespace Crosscheck.Tests.Clean;

public class SeedCleaningTests
{
    public static TheoryData<string> Seeds() => SharedData.Available
        ? new TheoryData<string>(Directory.GetFiles(SharedData.SeedsDir).Order(StringComparer.Ordinal).Select(Path.GetFileName)!)
        : new TheoryData<string>("none");

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Seed_clutter_lines_are_removed_and_each_seed_gets_a_title(string file)
    {
        var text = File.ReadAllText(Path.Combine(SharedData.SeedsDir, file));
        var doc = new Segmenter().Annotate(new BoilerplateCleaner().Annotate(TestDocs.Raw(text, file: file)));
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.NotNull(doc.TitleSpan);
        var kept = doc.Clean!.Blocks.Select(b => doc.Slice(b.Span)).ToList();
        // Generic page furniture must never survive as article text.
        string[] furniture = ["Most Commented", "Related Articles", "Back to top button", "Comments are closed.", "Contributor via Getty Images", "Views"];
        foreach (var line in kept)
            Assert.DoesNotContain(furniture, f => line == f || (line.EndsWith(" " + f) && line.Split(' ').Length <= 4));
        Assert.DoesNotContain(kept, line => line.Skip(1).Zip(line, (b, a) => char.IsLower(a) && char.IsUpper(b)).Count(x => x) >= 2 && line.Split(' ').Length <= 4);
        // Every line of 20 words or more that ends like a sentence is article text and must be kept.
        foreach (var line in BoilerplateCleaner.SplitLines(text).Select(s => text[s.Start..s.End]))
            if (line.Split(' ').Length >= 20 && line.TrimEnd('”', '"').EndsWith('.'))
                Assert.True(kept.Contains(line) || doc.Clean.Removed.Any(r => r.Reason == "photo caption" && doc.Slice(r.Span) == line), line);
        Assert.NotEmpty(doc.Sentences);
    }
}
