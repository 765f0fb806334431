using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Tests.Diary;

public class PainScoreTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    public void Scores_from_0_to_10_are_kept(int value)
    {
        Assert.Equal(value, new PainScore(value).Value);
        Assert.True(PainScore.TryCreate(value, out var score, out var error));
        Assert.Equal(value, score.Value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(int.MaxValue)]
    public void Scores_outside_0_to_10_are_refused_with_the_range(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PainScore(value));
        Assert.False(PainScore.TryCreate(value, out _, out var error));
        Assert.Equal($"must be a whole number from 0 to 10, not {value}", error);
    }

    [Fact]
    public void A_score_reads_out_of_ten() => Assert.Equal("7/10", new PainScore(7).ToString());
}
