using System.Net;
using Nervewise.Data;
using Nervewise.Domain.Rehab;
using Nervewise.Web.Tests.Pages.Plan;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.FirstAid;

/// <summary>
/// A strain or tendon flare is not a nerve flare: after the warning signs, flare-up help gives the person's own
/// pathway's steps from rehab-plan.json, written into the page so the offline copy has them too.
/// </summary>
public sealed class PathwayFlareTests() : AppTest(DatabaseProvider.Sqlite)
{
    private static async Task<string> PageAsync(HttpClient client)
    {
        var response = await client.GetAsync("/first-aid");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> NonNerve => ["muscle", "tendon"];

    [Theory]
    [MemberData(nameof(NonNerve))]
    public async Task A_person_on_the_strain_or_tendon_plan_gets_that_pathways_steps_after_the_warning_signs(string name)
    {
        Assert.True(RehabNames.TryParsePathway(name, out var pathway));
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.AssessAsync(pathway == Pathway.Muscle ? PathwayAnswers.Strain() : PathwayAnswers.Tendon());

        var html = await PageAsync(client);

        Assert.Contains($"data-pathway=\"{name}\"", html, StringComparison.Ordinal);
        var check = html.IndexOf("id=\"step-check\"", StringComparison.Ordinal);
        var steps = html.IndexOf("id=\"step-pathway\"", StringComparison.Ordinal);
        Assert.True(check > 0 && steps > check, "The warning signs come before the pathway's steps.");
        foreach (var line in RehabRules.Current.For(pathway).FlareUp)
        {
            Assert.Contains($"<li>{line}</li>", html, StringComparison.Ordinal);
        }
        // None of the nerve flow: no "pull back up the leg", no warmth timer, no nerve reassurance.
        Assert.DoesNotContain("id=\"step-move\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("back up your leg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-timer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("touchy nerve", html, StringComparison.Ordinal);
        Assert.Contains("Step 2 of 4", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/lessons/{(pathway == Pathway.Muscle ? "hamstring-strain" : "sit-bone-tendon")}\">Why these steps help", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/lessons/flare-up-first-aid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_script_none_of_these_opens_the_pathways_steps_too()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");
        await client.AssessAsync(PathwayAnswers.Tendon());

        var page = await client.GetStringAsync("/first-aid");
        var response = await client.PostAsync("/first-aid", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(page), ["none"] = "true", ["tz"] = "0",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Steps for a sore sit-bone tendon", html, StringComparison.Ordinal);
        Assert.Contains(RehabRules.Current.For(Pathway.Tendon).FlareUp[0], html, StringComparison.Ordinal);
        Assert.DoesNotContain("back up your leg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_and_people_on_the_nerve_plan_keep_the_nerve_steps()
    {
        var visitor = await PageAsync(App.Browser());
        var client = App.Browser();
        await client.RegisterAsync("kai@example.com");
        var person = await PageAsync(client);

        foreach (var html in new[] { visitor, person })
        {
            Assert.Contains("data-pathway=\"nerve\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"step-move\"", html, StringComparison.Ordinal);
            Assert.Contains("Pain moving back up is a good sign.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"step-pathway\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/lessons/flare-up-first-aid\"", html, StringComparison.Ordinal);
        }
    }
}
