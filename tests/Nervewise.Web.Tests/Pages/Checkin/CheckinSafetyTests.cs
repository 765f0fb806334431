using System.Net;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.CheckIns;
using Nervewise.Web.Pages.Checkin;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.Checkin;

public sealed class CheckinSafetyTestsOnSqlite() : CheckinSafetyTests(DatabaseProvider.Sqlite);

public sealed class CheckinSafetyTestsOnPostgres() : CheckinSafetyTests(DatabaseProvider.Postgres);

/// <summary>The check-in's ideas under a warning sign: at urgent or higher none suggests exercise, movement, heat or reassurance.</summary>
public abstract class CheckinSafetyTests(DatabaseProvider provider) : AppTest(provider)
{
    private readonly FakeTimeProvider _clock = Clock(3, 9);

    /// <summary>The areas whose ideas are mostly about moving, scored highest so they are the ones shown.</summary>
    private static readonly Dictionary<string, string> MovingAreas = new()
    {
        ["s[movement]"] = "4", ["s[recovery]"] = "4", ["s[routine]"] = "3",
    };

    private async Task<string> CheckedInAsync(string? symptom)
    {
        var client = App.OnClock(_clock).Browser();
        await client.RegisterAsync("ada@example.com");
        if (symptom is not null)
        {
            await client.PostAsync(At(2, 20), "symptom", symptom, 3);
        }
        // Three areas only: saved as they are with "Save without them" (Partial), as the person would after the note.
        var saved = await client.SubmitAsync("/checkin", new Dictionary<string, string>(MovingAreas) { ["FormId"] = Guid.NewGuid().ToString(), ["Partial"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync("/checkin"));
    }

    [Fact]
    public async Task Without_a_warning_sign_every_idea_of_the_highest_areas_is_offered()
    {
        var page = await CheckedInAsync(null);

        foreach (var area in CheckinContent.Current.Areas.Where(a => a.AreaId is "movement" or "recovery" or "routine"))
        {
            Assert.All(area.Ideas, idea => Assert.Contains(idea, page, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(CheckinModel.PausedIdea, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("constant-night-pain")]
    [InlineData("saddle-numbness")]
    public async Task At_urgent_or_higher_no_idea_asks_for_exercise_work(string symptom)
    {
        var page = await CheckedInAsync(symptom);

        Assert.Contains("class=\"safety-card", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Missing movement</h3>", page, StringComparison.Ordinal);
        Assert.Contains(CheckinModel.PausedIdea, page, StringComparison.Ordinal);
        // The ideas section alone: after saving, the page shows the saved check-in, not the form that used to follow it.
        var start = page.IndexOf("id=\"ideas\"", StringComparison.Ordinal);
        var ideas = page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)]
            .Replace(CheckinModel.PausedIdea, "", StringComparison.Ordinal);
        foreach (var word in new[] { "walk", "stroll", "movement session", "Gentle movement", "session", "stretch", "cycling", "swimming", "training" })
        {
            Assert.DoesNotContain(word, ideas, StringComparison.OrdinalIgnoreCase);
        }
        // What does not ask for exercise stays: rest and energy, as the person scored recovery highest.
        Assert.Contains("Notice your energy, not only your pain, when deciding what to do tomorrow.", ideas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_soon_the_ideas_stay_as_they_are()
    {
        var page = await CheckedInAsync("weakness");

        Assert.Contains("data-urgency=\"soon\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(CheckinModel.PausedIdea, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A short walk outside, even ten minutes, often takes the edge off a tense day.", true)]
    [InlineData("When you're ill, nerves often get touchier for a while. Ease your training back and expect it to settle as you recover.", true)]
    [InlineData("Nerve pain can feel alarming, yet it rarely means damage. Reading the lesson on why may help.", true)]
    [InlineData("A warm shower or heat pack before bed can calm things down.", true)]
    [InlineData("Adapt rather than stop: a shorter run, a different class, the parts of practice that feel good.", true)]
    [InlineData("Breathe out for longer than you breathe in, five times, whenever you notice your shoulders rising.", false)]
    [InlineData("If you have a fever along with back or leg pain, check in with a doctor.", false)]
    [InlineData("Message one friend or training partner today, even just to say hello.", true)]
    public void Ideas_are_recognised_by_what_they_ask(string idea, bool exerciseWork) =>
        Assert.Equal(exerciseWork, CheckinModel.AsksForExerciseWork(idea));

    [Fact]
    public void Every_idea_in_the_file_is_one_the_check_in_knows_what_to_do_with_and_every_area_keeps_something()
    {
        // Each idea either passes or is held back; an area left with nothing says why instead of going blank.
        var areas = CheckinContent.Current.Areas;
        Assert.Contains(areas, a => a.Ideas.All(CheckinModel.AsksForExerciseWork));
        Assert.All(areas.SelectMany(a => a.Ideas).Where(i => !CheckinModel.AsksForExerciseWork(i)),
            idea => Assert.DoesNotMatch(@"(?i)\b(jog|sprint|lift|bike|yoga|pilates|hike|dance)", idea));
    }
}
