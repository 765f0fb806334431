namespace Nervewise.Domain.Diary;

/// <summary>Pain on the 0–10 numeric rating scale, where 0 is no pain and 10 the worst imaginable.</summary>
public readonly record struct PainScore
{
    public const int Min = 0;
    public const int Max = 10;

    public int Value { get; }

    public PainScore(int value)
    {
        if (value is < Min or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Pain is scored from {Min} to {Max}.");
        }
        Value = value;
    }

    /// <summary>Parses boundary input without throwing; the error says what is allowed.</summary>
    public static bool TryCreate(int value, out PainScore score, out string? error)
    {
        if (value is < Min or > Max)
        {
            (score, error) = (default, $"must be a whole number from {Min} to {Max}, not {value}");
            return false;
        }
        (score, error) = (new PainScore(value), null);
        return true;
    }

    public override string ToString() => $"{Value}/10";
}
