using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.CheckIns;

/// <summary>The vulnerability check-in: ten areas scored 0 (no concern) to 4 (a big concern), with ideas to try.</summary>
public sealed record CheckinContent(IReadOnlyList<string> Scale, IReadOnlyList<CheckinContent.Area> Areas)
{
    private static readonly Lazy<CheckinContent> Loaded = new(() =>
    {
        var content = EmbeddedData.ReadJson<CheckinContent>("checkin-areas.json");
        if (!content.Areas.Select(a => a.AreaId).SequenceEqual(DiaryVocabulary.CheckinAreas))
        {
            throw new InvalidOperationException("checkin-areas.json must list the diary's ten check-in areas in order.");
        }
        return content;
    });

    public static CheckinContent Current => Loaded.Value;

    public sealed record Area(
        [property: System.Text.Json.Serialization.JsonPropertyName("area")] string AreaId,
        string Label,
        string Question,
        IReadOnlyList<string> Ideas);

    /// <summary>The areas to work on first: the highest scores of 2 or more, at most three, with their ideas.</summary>
    public IReadOnlyList<Area> Priorities(IReadOnlyDictionary<string, int> scores) =>
        [.. Areas.Where(a => scores.TryGetValue(a.AreaId, out var s) && s >= 2)
            .OrderByDescending(a => scores[a.AreaId])
            .Take(3)];
}
