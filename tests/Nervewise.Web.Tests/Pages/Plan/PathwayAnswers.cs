using System.Net.Http.Json;
using Nervewise.Domain.Assessment;

namespace Nervewise.Web.Tests.Pages.Plan;

/// <summary>Assessment answers whose main source is a hamstring strain or the sit-bone tendon, sent through the API as a phone would.</summary>
public static class PathwayAnswers
{
    /// <summary>Every warning sign answered no, so no card or "unanswered" note gets in the way of what a test looks at.</summary>
    private static Dictionary<string, object> Calm() =>
        AssessmentRules.Current.RedFlags.Items.Where(r => r.Item != "progressive-weakness").ToDictionary(r => r.Item, _ => (object)false);

    public static Dictionary<string, object> Tendon()
    {
        var answers = Calm();
        foreach (var yes in new[] { "sit-bone-pain", "pain-sitting-on-sit-bone", "gradual-onset-load-change", "pain-loaded-hip-bend" })
        {
            answers[yes] = true;
        }
        foreach (var no in new[] { "pins-and-needles", "numbness", "pain-below-knee", "sudden-onset-in-activity" })
        {
            answers[no] = false;
        }
        return answers;
    }

    public static Dictionary<string, object> Strain()
    {
        var answers = Calm();
        foreach (var yes in new[] { "sudden-onset-in-activity", "bruising", "local-tender-spot" })
        {
            answers[yes] = true;
        }
        foreach (var no in new[] { "pins-and-needles", "numbness", "pain-below-knee" })
        {
            answers[no] = false;
        }
        return answers;
    }

    public static async Task AssessAsync(this HttpClient client, Dictionary<string, object> answers)
    {
        var response = await client.PostAsJsonAsync("/api/v1/assessments", answers);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
