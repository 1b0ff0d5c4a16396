using Crosscheck.Core.Ingest.Html;

namespace Crosscheck.Tests.Html;

public class ExtractionScorerTests
{
    [Fact]
    public void Tokenizes_word_character_runs_keeping_case()
    {
        Assert.Equal(["Der", "Bürgermeister", "sagte", "3", "mal_nein"], ExtractionScorer.Tokenize("Der Bürgermeister sagte: 3-mal_nein!"));
    }

    [Fact]
    public void Identical_texts_score_one_and_count_as_accurate()
    {
        var m = ExtractionScorer.Match("one two three four five", "one, two; three four five.");
        Assert.Equal(1.0, m.Tp, 6);
        Assert.Equal(0.0, m.Fp, 6);
        Assert.True(m.ExactTokens);
    }

    [Fact]
    public void Extra_and_missing_shingles_are_normalised_by_their_sum()
    {
        // truth: a b c d e → shingles {abcd, bcde}; predicted: a b c d x → {abcd, bcdx}
        var m = ExtractionScorer.Match("a b c d e", "a b c d x");
        Assert.Equal(1 / 3.0, m.Tp, 6);
        Assert.Equal(1 / 3.0, m.Fp, 6);
        Assert.Equal(1 / 3.0, m.Fn, 6);
        Assert.False(m.ExactTokens);
    }

    [Fact]
    public void Short_texts_give_one_shorter_shingle_and_repeats_count_as_multisets()
    {
        Assert.Single(ExtractionScorer.Shingles(["just", "two"]));
        var repeated = ExtractionScorer.Shingles(ExtractionScorer.Tokenize("a b c d a b c d"));
        Assert.Equal(2, repeated["a b c d"]);
        var m = ExtractionScorer.Match("a b c d", "a b c d a b c d");
        // predicted shingles: abcd ×2, bcda, cdab, dabc → tp 1, fp 4, fn 0 → tp/(tp+fp+fn) = 0.2
        Assert.Equal(0.2, m.Tp, 6);
        Assert.Equal(0.8, m.Fp, 6);
    }

    [Fact]
    public void Aggregate_averages_per_page_and_skips_empty_predictions_in_precision()
    {
        var pages = new[]
        {
            ExtractionScorer.Match("a b c d e", "a b c d e"), // P 1, R 1
            ExtractionScorer.Match("a b c d e", ""),          // no prediction: recall 0, no precision
        };
        var s = ExtractionScorer.Aggregate(pages);
        Assert.Equal(1.0, s.Precision, 6);
        Assert.Equal(0.5, s.Recall, 6);
        Assert.Equal(2 * 0.5 / 1.5, s.F1, 6);
        Assert.Equal(0.5, s.Accuracy, 6);
    }
}
