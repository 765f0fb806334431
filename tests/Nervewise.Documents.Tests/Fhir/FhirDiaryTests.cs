using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Safety;
using Nervewise.Testing.Fhir;

namespace Nervewise.Documents.Tests.Fhir;

/// <summary>A busy record with every diary type: nothing left out, each with its codes, valid to two validators.</summary>
public sealed partial class FhirDiaryTests
{
    // Seven fractional digits on purpose: the export must cut them to the second.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
    private static readonly Uri Base = new("https://clinic.example/fhir/");

    private static DiaryEntry Row(int hoursAgo, EntryType type, string item, decimal? value, int? minutes = null, string note = "") =>
        DiaryEntry.Create(Now.AddHours(-hoursAgo).AddTicks(7654321).ToOffset(TimeSpan.FromHours(1)), type, item, value, minutes, note);

    private static readonly DiaryEntry[] Busy =
    [
        Row(90, EntryType.Pain, "posterior-thigh", 5, note: "after the drive"),
        Row(80, EntryType.Flare, "calf", 7.5m, 40),
        Row(70, EntryType.Symptom, "numbness", 3),
        Row(69, EntryType.Symptom, "heaviness", 2, 30),
        Row(60, EntryType.Symptom, "saddle-numbness", 1),
        Row(50, EntryType.Checked, DiaryVocabulary.CheckedRedFlags, null, note: "Recorded by physio@example.com (clinician)."),
        Row(40, EntryType.Sleep, "night", 6.5m),
        Row(30, EntryType.Activity, "driving", 6, 95),
        Row(29, EntryType.Activity, "desk-work", null, 240),
        Row(20, EntryType.Exercise, "slump-slider", 3, 12),
        Row(19, EntryType.Exercise, "my-own-stretch", 0, 5),
        Row(10, EntryType.Relief, "heat", -2),
        Row(9, EntryType.Checkin, "sleep", 2),
    ];

    private static FhirExport.Record Record()
    {
        var answers = AssessmentInput.Parse("""{"pins-and-needles": true, "weeks-since-onset": 6}""");
        var taken = new FhirExport.TakenAssessment(Guid.Parse("0193b3c0-0000-7000-8000-000000000009"), Now.AddDays(-7), answers);
        var diary = Busy.Select((e, i) => new FhirExport.DiaryRow(new Guid(i + 1, 0, 0, new byte[8]), e)).ToList();
        var safety = SafetyState.Of(new AssessmentTaken(answers, taken.TakenAt), Busy, Now);
        var plan = new FhirExport.Plan("sliders", "Nerve sliders", Now.AddDays(-10), [new("slump-slider", "Slump slider", "2 sets of 10")]);
        return new FhirExport.Record("busy-user", "busy@example.com", [taken], diary, plan, safety, "Sam Busy", new DateOnly(1990, 1, 2));
    }

    private static Observation For(IEnumerable<Resource> resources, DiaryEntry entry) =>
        resources.OfType<Observation>().Single(o => o.Id == new Guid(Array.IndexOf(Busy, entry) + 1, 0, 0, new byte[8]).ToString());

    [Fact]
    public void Every_diary_row_becomes_an_observation_with_its_codes()
    {
        var resources = FhirExport.Resources(Record(), Now, Base);
        var ours = FhirCodeSystem.Url(Base);

        Assert.Equal(Busy.Length, resources.OfType<Observation>().Count());
        bool Has(Observation o, string system, string code) => o.Code.Coding.Any(c => c.System == system && c.Code == code);

        var numbness = For(resources, Busy[2]);
        Assert.True(Has(numbness, "http://snomed.info/sct", "44077006") && Has(numbness, ours, "symptom-numbness"));
        Assert.IsType<Integer>(numbness.Value);
        var heaviness = For(resources, Busy[3]);
        Assert.Equal("symptom-heaviness", Assert.Single(heaviness.Code.Coding).Code); // no standard code we are sure of
        var lasted = Assert.IsType<Period>(heaviness.Effective);
        Assert.Equal(TimeSpan.FromMinutes(30), lasted.EndElement!.ToDateTimeOffset(TimeSpan.Zero) - lasted.StartElement!.ToDateTimeOffset(TimeSpan.Zero));
        Assert.True(Has(For(resources, Busy[4]), ours, "red-flag-saddle-numbness"));

        var sleep = For(resources, Busy[6]);
        Assert.True(Has(sleep, "http://loinc.org", "93832-4"));
        Assert.Equal((6.5m, "h"), (Assert.IsType<Quantity>(sleep.Value).Value, Assert.IsType<Quantity>(sleep.Value).Code));

        var driving = For(resources, Busy[7]);
        Assert.True(Has(driving, ours, "activity"));
        Assert.Equal("Activity: driving", driving.Code.Text);
        Assert.Equal((95m, "min"), (Assert.IsType<Quantity>(driving.Value).Value, Assert.IsType<Quantity>(driving.Value).Code));
        Assert.Equal(6, Assert.IsType<Integer>(Assert.Single(driving.Component).Value).Value);
        Assert.Empty(For(resources, Busy[8]).Component); // no effort given, none made up

        var session = For(resources, Busy[9]);
        Assert.True(Has(session, ours, "exercise-session") && Has(session, ours, "exercise-slump-slider"));
        Assert.Contains(session.Component, c => c.Code.Coding[0].Code == "55411-3" && c.Value is Quantity { Value: 12m, Code: "min" });
        Assert.Contains(session.Component, c => c.Code.Coding[0].Code == "exercise-peak-pain" && c.Value is Integer { Value: 3 });
        Assert.Equal("Exercise: my own stretch", For(resources, Busy[10]).Code.Text); // a person's own exercise keeps its name

        var relief = For(resources, Busy[11]);
        Assert.True(Has(relief, ours, "relief-heat"));
        Assert.Equal(-2, Assert.IsType<Integer>(relief.Value).Value);
        Assert.True(Has(For(resources, Busy[12]), ours, "checkin-sleep"));
        Assert.True(Has(For(resources, Busy[5]), ours, "red-flags-checked"));
    }

    [Fact]
    public void Every_code_of_ours_is_in_the_served_code_system()
    {
        var ours = FhirCodeSystem.Url(Base);
        var defined = FhirCodeSystem.For(Base).Concept.ToDictionary(c => c.Code!);
        var json = FhirJson.Serialize(FhirExport.ToBundle(Record(), Now, Base));

        var used = CodingOf().Matches(json).Select(m => (System: m.Groups["system"].Value, Code: m.Groups["code"].Value))
            .Where(c => c.System == ours).Select(c => c.Code).Distinct().ToList();

        Assert.True(used.Count > 10, string.Join(", ", used));
        Assert.All(used, code => Assert.True(defined.TryGetValue(code, out var concept) && concept.Definition is { Length: > 0 }, code));
        Assert.DoesNotContain("urn:nervewise:", json.Replace("urn:nervewise:user", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_time_is_to_the_second()
    {
        var json = FhirJson.Serialize(FhirExport.ToBundle(Record(), Now, Base));

        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2}\.\d", json);
        Assert.Contains("\"timestamp\":\"2026-11-24T09:00:00+00:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_busy_record_passes_the_Firely_validator()
    {
        var bundle = FhirExport.ToBundle(Record(), Now, Base);

        var errors = FirelyValidator.Errors(bundle);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task The_busy_record_and_each_resource_pass_the_R4_schema_and_Medplum()
    {
        var bundle = FhirExport.ToBundle(Record(), Now, Base);
        var ndjson = string.Join("\n", bundle.Entry.Select(e => FhirJson.Serialize(e.Resource!)));

        Assert.Empty(await NodeFhirValidator.ValidateAsync(FhirJson.Serialize(bundle)));
        Assert.Empty(await NodeFhirValidator.ValidateAsync(ndjson, ndjson: true));
    }

    [Fact]
    public async Task The_node_validator_does_find_errors()
    {
        var problems = await NodeFhirValidator.ValidateAsync("""{"resourceType":"Observation","status":"done","subject":{"reference":"Patient/1"}}""");

        Assert.Contains(problems, p => p.Contains("status", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("code", StringComparison.Ordinal)); // required, missing
    }

    [Fact]
    public async Task The_code_system_and_the_served_questionnaire_pass_both_validators()
    {
        var codes = FhirCodeSystem.For(Base);
        var questionnaire = FhirQuestionnaire.For(Base);

        Assert.Equal("https://clinic.example/fhir/CodeSystem/nervewise", codes.Url);
        Assert.Equal(codes.Concept.Count, codes.Count);
        Assert.Equal("https://clinic.example/fhir/Questionnaire/assessment", questionnaire.Url);
        Assert.Equal(AssessmentQuestionnaire.Canonical, Assert.Single(questionnaire.Identifier).Value);
        foreach (Resource resource in new Resource[] { codes, questionnaire })
        {
            Assert.True(FirelyValidator.Errors(resource) is [], string.Join(Environment.NewLine, FirelyValidator.Errors(resource)));
            Assert.Empty(await NodeFhirValidator.ValidateAsync(FhirJson.Serialize(resource)));
        }
    }

    [GeneratedRegex("\"system\":\"(?<system>[^\"]+)\",\"code\":\"(?<code>[^\"]+)\"")]
    private static partial Regex CodingOf();
}
