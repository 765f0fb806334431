using System.Net;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Assessment;

public sealed class QuestionsTests() : AppTest(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("weeks-since-onset", "lots", "Must be a whole number from 0 to 520")]
    [InlineData("weeks-since-onset", "600", "not 600")]
    [InlineData("numbness", "maybe", "Must be true or false")]
    [InlineData("made-up-item", "yes", "Check your answer to 'made-up-item'")]
    public async Task A_bad_answer_is_shown_on_the_page_and_nothing_is_saved(string item, string value, string message)
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "6",
            [$"a[{item}]"] = value,
            ["command"] = "next",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = Database.OpenContext();
        Assert.Equal(0, await db.Assessments.CountAsync());
    }

    [Fact]
    public async Task The_last_screen_saves_and_shows_the_result()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "6",
            ["a[sit-bone-pain]"] = "yes",
            ["a[pain-sitting-on-sit-bone]"] = "yes",
            ["a[weeks-since-onset]"] = "10",
            ["command"] = "next",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The hamstring tendon at the sit bone", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_whose_question_was_answered_no_is_dropped()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "6",
            ["a[sit-bone-pain]"] = "no",
            ["a[pain-sitting-on-sit-bone]"] = "yes",
            ["command"] = "next",
        });

        await using var db = Database.OpenContext();
        var saved = await db.Assessments.SingleAsync();
        Assert.DoesNotContain("pain-sitting-on-sit-bone", saved.AnswersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_safety_questions_are_named_instead_of_a_reassurance()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "6",
            ["a[bladder-bowel-change]"] = "no",
            ["command"] = "next",
        });

        var result = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("No warning signs in the answers you gave", result, StringComparison.Ordinal);
        Assert.Contains("numbness around your genitals, bottom or inner thighs", result, StringComparison.Ordinal);
        Assert.DoesNotContain("You can start managing this yourself", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_answer_keeps_the_answers_from_earlier_screens()
    {
        var client = App.Browser();
        await client.RegisterAsync("ada@example.com");

        var response = await client.SubmitAsync("/assessment/questions", new Dictionary<string, string>
        {
            ["Step"] = "6",
            ["a[pins-and-needles]"] = "yes",
            ["a[saddle-numbness]"] = "no",
            ["a[weeks-since-onset]"] = "-3",
            ["command"] = "next",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("name=\"a[pins-and-needles]\" value=\"yes\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a[saddle-numbness]\" value=\"no\"", html, StringComparison.Ordinal);
        Assert.Contains("Check your answer to", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
