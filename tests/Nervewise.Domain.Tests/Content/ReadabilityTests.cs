using Nervewise.Domain.Content;

namespace Nervewise.Domain.Tests.Content;

public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("make", 1)]
    [InlineData("settle", 2)]
    [InlineData("nervous", 2)]
    [InlineData("physiotherapy", 5)]
    [InlineData("pain", 1)]
    public void Syllables_are_counted_by_vowel_groups(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void Flesch_reading_ease_matches_a_hand_count()
    {
        // "The cat sat on the mat. It was a good cat." 11 words, 2 sentences, 11 syllables (all one syllable):
        // 206.835 - 1.015 * 11/2 - 84.6 * 11/11 = 206.835 - 5.5825 - 84.6 = 116.6525.
        Assert.Equal(116.6525, Readability.FleschReadingEase("The cat sat on the mat. It was a good cat."), 3);
    }

    [Fact]
    public void A_wrapped_paragraph_is_one_block_and_list_items_are_their_own()
    {
        var blocks = Readability.Blocks("## Why\n\nOne long line\nthat wraps. And more.\n\n- first item\n- second [link](/x) item\n");
        Assert.Equal(["Why", "One long line that wraps. And more.", "first item", "second link item"], blocks);
        Assert.Equal(2, Readability.Sentences(blocks[1]));
        Assert.Equal(1, Readability.Sentences(blocks[2]));
    }

    [Fact]
    public void Dense_clinical_prose_scores_low()
    {
        const string dense = "Neurodynamic mobilisation techniques demonstrate considerable heterogeneity regarding " +
            "biomechanical consequences, particularly concerning longitudinal excursion versus intraneural tension.";
        Assert.True(Readability.FleschReadingEase(dense) < 30);
    }
}
