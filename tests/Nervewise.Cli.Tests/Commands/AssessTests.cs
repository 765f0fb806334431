using System.Text.Json;

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
        Assert.Equal("not-recommended", root.GetProperty("imaging").GetString());
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
        Assert.Contains("a change in bladder or bowel control", run.Output, StringComparison.Ordinal);
        Assert.Contains("guidance, not a diagnosis", run.Output, StringComparison.Ordinal);
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
