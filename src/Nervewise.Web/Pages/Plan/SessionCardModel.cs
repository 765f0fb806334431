using Nervewise.Domain.Diary;
using Nervewise.Domain.Rehab;

namespace Nervewise.Web.Pages.Plan;

/// <summary>
/// One exercise as a card: picture, dose, how to do it, and the one-tap log of the pain during it (only for an exercise
/// of the person's own pathway: <paramref name="CanLog"/>).
/// </summary>
public sealed record SessionCardModel(RehabRules.Exercise Exercise, Dose Dose, bool OwnDose, DiaryEntry? Logged, int AgreedPainLevel, bool Detailed = false,
    bool CanLog = true)
{
    public string Picture => $"/img/exercises/{Exercise.Id}.svg";

    public string Anchor => $"ex-{Exercise.Id}";
}
