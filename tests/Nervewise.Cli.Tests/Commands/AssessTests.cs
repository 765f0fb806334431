using System.Text.Json;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Safety;

namespace Nervewise.Cli.Tests.Commands;

public sealed class AssessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-assess-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Json_output_follows_the_contract()
    {
        var file = Write("answers.json", """{"pins-and-needles": true, "pain-below-knee": true, "sitting-bending-worst": true, "weakness": true, "weeks-since-onset": 6}""");

        var run = await CliRun.Of("assess", file, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("nerve", root.GetProperty("primarySource").GetString());
        Assert.Equal(["nerve", "muscle", "tendon"], root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetString()));
        var nerve = root.GetProperty("sources")[0];
        Assert.Equal("likely", nerve.GetProperty("level").GetString());
        Assert.InRange(nerve.GetProperty("likelihood").GetDouble(), 0.6, 1);
        Assert.Equal("pins-and-needles", nerve.GetProperty("reasons")[0].GetString());
        Assert.False(root.GetProperty("mixed").GetBoolean());
        Assert.Equal("weakness", root.GetProperty("redFlags")[0].GetProperty("item").GetString());
        Assert.Equal("soon", root.GetProperty("urgency").GetString());
        // Weakness makes a scan worth discussing (2026-11-28).
        Assert.Equal("discuss-with-clinician", root.GetProperty("imaging").GetString());
        Assert.Contains(root.GetProperty("unansweredRedFlags").EnumerateArray(), r =>
            r.GetProperty("item").GetString() == "progressive-weakness" && r.GetProperty("urgency").GetString() == "emergency");
    }

    [Fact]
    public async Task A_fhir_questionnaire_response_is_read_too()
    {
        var file = Write("response.json", """
            {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
              {"linkId": "saddle-numbness", "answer": [{"valueBoolean": true}]}]}
            """);

        var run = await CliRun.Of("assess", file, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("emergency", JsonDocument.Parse(run.Output).RootElement.GetProperty("urgency").GetString());
    }

    [Fact]
    public async Task The_summary_leads_with_what_to_do_and_says_why()
    {
        var file = Write("answers.json", """{"bladder-bowel-change": true, "pins-and-needles": true}""");

        var run = await CliRun.Of("assess", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Go to an emergency department now", run.Output, StringComparison.Ordinal);
        Assert.Contains("Because of: " + WarningSigns.Says("bladder-bowel-change"), run.Output, StringComparison.Ordinal);
        Assert.Contains("guidance, not a diagnosis", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swollen_calf_in_a_plain_object_is_today_with_the_open_safety_questions_listed()
    {
        var file = Write("calf.json", """{"calf-swelling": true, "pain-below-knee": true, "bladder-bowel-change": false}""");

        var run = await CliRun.Of("assess", file, "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("today", root.GetProperty("urgency").GetString());
        Assert.Equal("today", root.GetProperty("redFlags")[0].GetProperty("urgency").GetString());
        var open = root.GetProperty("unansweredRedFlags").EnumerateArray().Select(r => (r.GetProperty("item").GetString(), r.GetProperty("urgency").GetString())).ToList();
        Assert.Contains(("saddle-numbness", "emergency"), open);
        Assert.Contains(("foot-drop", "today"), open);
        Assert.Contains(("lowered-immunity", "urgent"), open);
        Assert.DoesNotContain(open, r => r.Item1 is "calf-swelling" or "bladder-bowel-change" or "progressive-weakness");
    }

    [Fact]
    public async Task A_swollen_calf_in_a_fhir_response_is_today_too()
    {
        var file = Write("calf-fhir.json", """
            {"resourceType": "QuestionnaireResponse", "status": "completed",
             "questionnaire": "urn:nervewise:questionnaire:assessment|1.1.0",
             "item": [{"linkId": "screen-more-safety", "item": [
                {"linkId": "calf-swelling", "answer": [{"valueBoolean": true}]},
                {"linkId": "foot-drop", "answer": [{"valueBoolean": false}]}]}]}
            """);

        var run = await CliRun.Of("assess", file, "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("today", root.GetProperty("urgency").GetString());
        Assert.DoesNotContain(root.GetProperty("unansweredRedFlags").EnumerateArray(), r => r.GetProperty("item").GetString() is "foot-drop" or "calf-swelling");
    }

    [Fact]
    public async Task The_summary_lists_the_open_safety_questions_with_what_to_do_if_yes()
    {
        var file = Write("calf.json", """{"calf-swelling": true, "saddle-numbness": false}""");

        var run = await CliRun.Of("assess", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(AssessmentWording.For(Urgency.Today).Headline, run.Output, StringComparison.Ordinal);
        Assert.Contains("Because of: " + WarningSigns.Says("calf-swelling"), run.Output, StringComparison.Ordinal);
        Assert.Contains("Safety questions not answered yes or no", run.Output, StringComparison.Ordinal);
        var emergency = run.Output.IndexOf(AssessmentWording.IfYes(Urgency.Emergency), StringComparison.Ordinal);
        var bladder = run.Output.IndexOf("- " + WarningSigns.Says("bladder-bowel-change"), StringComparison.Ordinal);
        var urgent = run.Output.IndexOf(AssessmentWording.IfYes(Urgency.Urgent), StringComparison.Ordinal);
        var drugs = run.Output.IndexOf("- " + WarningSigns.Says("injected-drugs"), StringComparison.Ordinal);
        Assert.True(emergency >= 0 && emergency < bladder && bladder < urgent && urgent < drugs, run.Output);
        Assert.DoesNotContain("- " + WarningSigns.Says("saddle-numbness"), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routine_summary_with_open_questions_never_says_there_are_no_warning_signs()
    {
        var file = Write("sciatica.json", """{"pins-and-needles": true, "pain-below-knee": true}""");

        var run = await CliRun.Of("assess", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Some safety questions are still open", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing in your answers needs urgent care", run.Output, StringComparison.Ordinal);
        Assert.Contains("- " + WarningSigns.Says("cancer-history"), run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"calf-sweling": true}""", "item 'calf-sweling' is not an item")]
    [InlineData("""{"calf-swelling": "yes"}""", "item 'calf-swelling' must be true or false")]
    [InlineData("""{"resourceType": "QuestionnaireResponse", "status": "completed", "item": [{"linkId": "footdrop", "answer": [{"valueBoolean": true}]}]}""", "item 'footdrop' is not an item")]
    public async Task An_unknown_or_mistyped_new_item_exits_2_naming_it(string content, string message)
    {
        var run = await CliRun.Of("assess", Write("typo.json", content), "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains($"typo.json: {message}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_answers_exit_2_naming_the_file_and_every_item()
    {
        var file = Write("bad.json", """{"numbness": "yes", "pins-and-needle": true}""");

        var run = await CliRun.Of("assess", file, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("bad.json: item 'numbness' must be true or false", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.json: item 'pins-and-needle' is not an item", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"resourceType": "Observation"}""", "resourceType must be QuestionnaireResponse")]
    public async Task Malformed_files_exit_2(string content, string message)
    {
        var run = await CliRun.Of("assess", Write("odd.json", content));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var run = await CliRun.Of("assess", Path.Combine(_folder, "nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nope.json: no such file.", run.Error, StringComparison.Ordinal);
    }
}
