using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;
using Nervewise.Web.Tests.Support;
using static Nervewise.Web.Tests.Support.PlanDiary;

namespace Nervewise.Web.Tests.Pages.FirstAid;

public sealed class FirstAidPageTestsOnSqlite() : FirstAidPageTests(DatabaseProvider.Sqlite);

public sealed class FirstAidPageTestsOnPostgres() : FirstAidPageTests(DatabaseProvider.Postgres);

/// <summary>
/// Flare-up help screens before it soothes: the warning signs come first, a yes gets its urgency's instructions and
/// nothing else, and only "none of these" opens the settling steps, with heat's cautions. Posted as a browser
/// without script does; first-aid.js does the same on the phone (see the browser tests).
/// </summary>
public abstract partial class FirstAidPageTests(DatabaseProvider provider) : AppTest(provider)
{
    private readonly FakeTimeProvider _clock = Clock(0, 9);

    /// <summary>Words of settling advice that must never reach a person who answered yes.</summary>
    private static readonly string[] Soothing =
        ["heat", "warmth", "movement", "change position", "changed position", "hot water", "damage", "settle", "gentle", "stretch"];

    public static TheoryData<string> ScreenedSigns => [.. WarningSigns.FirstAidScreen().Select(r => r.Item)];

    private HttpClient Visitor() => App.OnClock(_clock).Browser();

    private async Task<HttpClient> PersonAsync()
    {
        var client = Visitor();
        await client.RegisterAsync("ada@example.com");
        return client;
    }

    /// <summary>Fetches the page for its form's token, then posts the answers as the form would.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, IEnumerable<string> yes, bool none = false, Guid? formId = null)
    {
        var page = await client.GetStringAsync("/first-aid");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Forms.Token(page)), new("tz", "60") };
        fields.AddRange(yes.Select(item => new KeyValuePair<string, string>("yes", item)));
        if (none)
        {
            fields.Add(new("none", "true"));
        }
        if (formId is { } id)
        {
            fields.Add(new("FormId", id.ToString()));
        }
        return await client.PostAsync("/first-aid", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> MainAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MainOf(await response.Content.ReadAsStringAsync());
    }

    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)]);
    }

    private static void NoSoothing(string main, string why)
    {
        var text = Visible(main);
        foreach (var words in Soothing)
        {
            Assert.False(text.Contains(words, StringComparison.OrdinalIgnoreCase), $"{why}: the page says \"{words}\".");
        }
    }

    /// <summary>The page's own part of &lt;main&gt;, after the layout's card.</summary>
    private static string Guide(string main) =>
        main[main.LastIndexOf("<div", main.IndexOf("data-first-aid", StringComparison.Ordinal), StringComparison.Ordinal)..];

    /// <summary>The text of the page without its hidden parts, scripts and tags.</summary>
    private static string Visible(string main) => Tag().Replace(Hidden().Replace(Script().Replace(main, " "), " "), " ");

    [Fact]
    public async Task The_safety_questions_come_before_any_settling_step_or_heat()
    {
        var main = MainOf(await Visitor().GetStringAsync("/first-aid"));
        // Everything in the page's order, hidden steps included, without markup.
        var html = Tag().Replace(main, " ");

        var questions = html.IndexOf("First, a quick safety check", StringComparison.Ordinal);
        Assert.True(questions > 0);
        foreach (var later in new[] { "Stop, and change position", "Find a gentle movement", "Add warmth", "heat", "warm", "damage" })
        {
            var at = html.IndexOf(later, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0 || at > questions, $"\"{later}\" comes before the safety questions.");
        }
        // Nothing of the lead promises that it settles, or says it is not damage, before the answers.
        var lead = html[..questions];
        Assert.DoesNotContain("settle", lead, StringComparison.OrdinalIgnoreCase);
        // Every sign has its box, and the steps wait, hidden, for "none of these".
        foreach (var sign in WarningSigns.FirstAidScreen())
        {
            Assert.Contains($"name=\"yes\" id=\"sign-{sign.Item}\" value=\"{sign.Item}\"", main, StringComparison.Ordinal);
        }
        Assert.Matches("<section class=\"fa-step\" id=\"step-stop\"[^>]* hidden", main);
        Assert.Matches("<section class=\"fa-step\" id=\"step-warmth\"[^>]* hidden", main);
        NoSoothing(main, "Before any answer");
    }

    [Theory]
    [MemberData(nameof(ScreenedSigns))]
    public async Task A_yes_to_a_sign_gives_its_urgencys_instructions_and_no_settling_advice(string item)
    {
        var main = await MainAsync(await AnswerAsync(Visitor(), [item]));

        var urgency = RedFlagRules.Raise([item]).Single().Urgency;
        var words = AssessmentWording.For(urgency);
        Assert.Contains($"<h2 id=\"help-{Names.Of(urgency)}-title\" tabindex=\"-1\">{words.Headline}</h2>", main, StringComparison.Ordinal);
        Assert.Contains(words.Instructions, main, StringComparison.Ordinal);
        Assert.Contains($"<li>{WarningSigns.Says(item)}</li>", main, StringComparison.Ordinal);
        if (urgency >= Urgency.Today)
        {
            Assert.Contains("href=\"tel:999\"", main, StringComparison.Ordinal);
        }
        // Only this answer's help: no questions left to skip past, no other urgency's screen, no steps.
        Assert.Single(HelpSection().Matches(main));
        Assert.DoesNotContain("id=\"step-", main, StringComparison.Ordinal);
        NoSoothing(main, $"After a yes to {item}");
    }

    [Theory]
    [InlineData(new[] { "both-legs" }, Urgency.Today)]
    [InlineData(new[] { "both-legs", "foot-drop" }, Urgency.Emergency)]
    [InlineData(new[] { "fever-or-unwell", "calf-swelling" }, Urgency.Today)]
    [InlineData(new[] { "foot-drop", "bladder-bowel-change" }, Urgency.Emergency)]
    public async Task Several_yes_answers_take_the_engines_urgency(string[] yes, Urgency expected)
    {
        Assert.Equal(expected, RedFlagRules.Raise(yes).Max(r => r.Urgency)); // the engine's rule, as the page must follow it

        var main = await MainAsync(await AnswerAsync(Visitor(), yes, none: true)); // a tick wins over "none of these"

        Assert.Contains(AssessmentWording.For(expected).Headline, main, StringComparison.Ordinal);
        Assert.Single(HelpSection().Matches(main));
        NoSoothing(main, $"After {string.Join(" and ", yes)}");
    }

    [Fact]
    public async Task The_phones_urgency_table_is_the_engines_answer_for_every_set_of_boxes()
    {
        var html = await Visitor().GetStringAsync("/first-aid");

        var table = UrgencyTable().Match(html).Groups[1].Value;
        var bits = Bit().Matches(html).ToDictionary(m => int.Parse(m.Groups["bit"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["item"].Value);
        Assert.Equal(1 << bits.Count, table.Length);
        for (var mask = 0; mask < table.Length; mask++)
        {
            var present = bits.Where(b => (mask & (1 << b.Key)) != 0).Select(b => b.Value).ToList();
            var expected = present.Count == 0 ? Urgency.Routine : RedFlagRules.Raise(present).Max(r => r.Urgency);
            Assert.Equal(expected, (Urgency)(table[mask] - '0'));
        }
        // Each urgency a yes can reach has its own help screen ready, hidden, with the call button where it belongs.
        foreach (var urgency in table.Skip(1).Select(c => (Urgency)(c - '0')).Distinct())
        {
            var section = HelpSection().Matches(html).Single(m => m.Groups["urgency"].Value == Names.Of(urgency)).Value;
            Assert.Contains(" hidden", section, StringComparison.Ordinal);
            Assert.Contains(AssessmentWording.For(urgency).Headline, WebUtility.HtmlDecode(section), StringComparison.Ordinal);
            Assert.Equal(urgency >= Urgency.Today, section.Contains("href=\"tel:999\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task None_of_these_opens_the_settling_steps_with_heats_cautions()
    {
        var main = await MainAsync(await AnswerAsync(Visitor(), [], none: true));

        var text = Visible(main);
        var stop = text.IndexOf("Stop, and change position", StringComparison.Ordinal);
        var move = text.IndexOf("Find a gentle movement", StringComparison.Ordinal);
        var warmth = text.IndexOf("Add warmth, with care", StringComparison.Ordinal);
        Assert.True(stop >= 0 && stop < move && move < warmth, "The steps are stop, move, then warmth.");
        Assert.Contains("pull back up your leg", text, StringComparison.Ordinal);
        var cautions = text[warmth..];
        Assert.Contains("numb, or feels less than usual", cautions, StringComparison.Ordinal);
        Assert.Contains($"in the last {Domain.FirstAid.FirstAidRules.Current.FreshStrainHours.Value} hours", cautions, StringComparison.Ordinal);
        Assert.Contains("something cool", cautions, StringComparison.Ordinal);
        Assert.Contains("fall asleep", cautions, StringComparison.Ordinal);
        Assert.Contains("Look at your skin", cautions, StringComparison.Ordinal);
        // Calm, without promises.
        Assert.DoesNotContain("will settle", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("usually settles", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AssessmentWording.For(Urgency.Emergency).Headline, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_answer_at_all_asks_again_and_an_unknown_sign_is_refused()
    {
        var main = await MainAsync(await AnswerAsync(Visitor(), []));
        Assert.Contains("Tick each sign you have now, or choose \"None of these\".", main, StringComparison.Ordinal);
        NoSoothing(main, "Before any answer");

        using var unknown = await AnswerAsync(Visitor(), ["made-up-sign"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        // A red flag that first aid does not ask about is not answered here either.
        using var notAsked = await AnswerAsync(Visitor(), ["cancer-history"]);
        Assert.Equal(HttpStatusCode.BadRequest, notAsked.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_yes_is_stored_as_a_symptom_and_every_page_then_shows_the_card()
    {
        var client = await PersonAsync();
        var form = Guid.NewGuid();

        var main = await MainAsync(await AnswerAsync(client, ["saddle-numbness"], formId: form));
        // Posting the same form again (a double tap, a reload) stores nothing more.
        await MainAsync(await AnswerAsync(client, ["saddle-numbness"], formId: form));

        await using (var db = Database.OpenContext())
        {
            var row = await db.DiaryEntries.SingleAsync();
            Assert.Equal("symptom", row.Type);
            Assert.Equal("saddle-numbness", row.Item);
            Assert.Equal(10m, row.Value);
            Assert.Equal(TimeSpan.FromMinutes(60), row.ToEntry().Time.Offset); // the phone's local time
        }
        // The layout's card comes first on this page too, and the page does not repeat it.
        Assert.True(main.IndexOf("safety-card", StringComparison.Ordinal) < main.IndexOf("data-first-aid", StringComparison.Ordinal));
        Assert.Contains("What you ticked is saved in your diary.", main, StringComparison.Ordinal);
        NoSoothing(Guide(main), "After a signed-in yes");

        foreach (var url in new[] { "/today", "/plan", "/lessons/training-with-pain" })
        {
            var page = MainOf(await client.GetStringAsync(url));
            // The first thing inside <main> is the full-screen emergency card.
            Assert.StartsWith("<section class=\"safety-card safety-emergency safety-full\"", page[(page.IndexOf('>') + 1)..].TrimStart(), StringComparison.Ordinal);
            Assert.Contains("href=\"tel:999\"", page, StringComparison.Ordinal);
            Assert.Contains(WarningSigns.Says("saddle-numbness"), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_yes_to_both_legs_raises_an_earlier_sign_to_an_emergency()
    {
        var client = await PersonAsync();
        await client.PostAsync(At(0, 8), "symptom", "fever-or-unwell", 10);
        Assert.Contains("safety-card safety-today", await client.GetStringAsync("/today"), StringComparison.Ordinal);

        await MainAsync(await AnswerAsync(client, ["both-legs"]));

        // Alone, both legs is a same-day sign; with the fever logged earlier, the one safety state makes it an emergency.
        Assert.Contains("safety-card safety-emergency", await client.GetStringAsync("/plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_sign_in_force_at_urgent_or_higher_holds_back_movement_and_heat_advice()
    {
        var client = await PersonAsync();
        await client.PostAsync(At(0, 8), "symptom", "cancer-history", 10); // urgent

        var page = MainOf(await client.GetStringAsync("/first-aid"));

        Assert.True(page.IndexOf("safety-card safety-urgent", StringComparison.Ordinal) is >= 0 and var card
            && card < page.IndexOf("data-first-aid", StringComparison.Ordinal), "The card comes first.");
        var guide = Guide(page);
        // The questions still come first (a new sign can raise the urgency), then no movement or heat, hidden or not.
        Assert.Contains("First, a quick safety check", guide, StringComparison.Ordinal);
        Assert.Contains("Your warning sign comes first", guide, StringComparison.Ordinal);
        foreach (var advice in new[] { "Find a gentle movement", "Add warmth", "change position", "heat pack", "timer" })
        {
            Assert.DoesNotContain(advice, guide, StringComparison.OrdinalIgnoreCase);
        }

        var none = MainOf(await (await AnswerAsync(client, [], none: true)).Content.ReadAsStringAsync());
        var after = Guide(none);
        Assert.Contains("Your warning sign comes first", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Find a gentle movement", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Add warmth", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_that_only_needs_booking_keeps_the_steps()
    {
        var client = await PersonAsync();
        await client.PostAsync(At(0, 8), "symptom", "weakness", 4); // soon: a card, and the plan holds

        var page = MainOf(await client.GetStringAsync("/first-aid"));

        Assert.Contains("safety-card safety-soon", page, StringComparison.Ordinal);
        Assert.Contains("Add warmth, with care", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your warning sign comes first", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_a_yes_stores_nothing()
    {
        await MainAsync(await AnswerAsync(Visitor(), ["bladder-bowel-change"]));

        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }

    [GeneratedRegex(@"<section class=""fa-help fa-help-(?<urgency>[a-z]+)"".*?</section>", RegexOptions.Singleline)]
    private static partial Regex HelpSection();

    [GeneratedRegex(@"data-urgency-table=""([0-9]+)""")]
    private static partial Regex UrgencyTable();

    [GeneratedRegex(@"value=""(?<item>[a-z-]+)"" data-red-flag data-bit=""(?<bit>[0-9]+)""")]
    private static partial Regex Bit();

    [GeneratedRegex(@"<(script|svg)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex(@"<(section|form|div)\b[^>]*\bhidden\b[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
