using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Fhir;

namespace Nervewise.Domain.Tests.Fhir;

public sealed class FhirExportTests
{
    // The validator loads the whole R4 specification once; every test shares it.
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static FhirExport.Record Sample(FhirExport.Plan? plan = null)
    {
        var answers = AssessmentInput.Parse("""{"pins-and-needles": true, "pain-below-knee": true, "weeks-since-onset": 6}""");
        DiaryEntry At(int hour, EntryType type, string item, decimal? value, string note = "") =>
            DiaryEntry.Create(new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.FromHours(1)), type, item, value, null, note);
        return new FhirExport.Record(
            "3f2d5a8e-0000-4000-8000-000000000001",
            "pat@example.com",
            [new FhirExport.TakenAssessment(Guid.Parse("0193b3c0-0000-7000-8000-000000000001"), Now.AddDays(-7), answers)],
            [
                new(Guid.NewGuid(), At(8, EntryType.Pain, "calf", 6, "after the train")),
                new(Guid.NewGuid(), At(9, EntryType.Pain, "low-back", 2.5m)),
                new(Guid.NewGuid(), At(21, EntryType.Flare, "foot", 8)),
                new(Guid.NewGuid(), At(22, EntryType.Checkin, "stress", 3)),
                new(Guid.NewGuid(), DiaryEntry.Create(Now.AddDays(-3), EntryType.Activity, "sitting", 3, 480, "")),
            ],
            plan);
    }

    private static readonly FhirExport.Plan SliderPlan = new("sliders", "Nerve sliders", Now.AddDays(-10),
        [new("slump-slider", "Slump slider", "2 sets of 10, once a day"), new("slr-slider", "Straight-leg-raise slider", "2 sets of 10")]);

    [Fact]
    public void The_bundle_passes_the_Firely_validator_with_no_errors()
    {
        var bundle = FhirExport.ToBundle(Sample(SliderPlan), Now);

        var outcome = Validator.Value.Validate(bundle);

        var errors = outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_validator_does_find_errors_in_a_broken_bundle()
    {
        // Proof that the check above can fail: an Observation without its required status and code.
        var broken = FhirExport.ToBundle(Sample(), Now);
        var observation = broken.Entry.Select(e => e.Resource).OfType<Observation>().First();
        observation.Status = null;
        observation.Code = null!;

        var outcome = Validator.Value.Validate(broken);

        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public void It_holds_the_patient_an_answer_set_pain_flare_checkin_and_the_care_plan()
    {
        var bundle = FhirExport.ToBundle(Sample(SliderPlan), Now);
        var resources = bundle.Entry.Select(e => e.Resource).ToList();

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Single(resources.OfType<Patient>());
        var response = Assert.Single(resources.OfType<QuestionnaireResponse>());
        Assert.StartsWith("urn:nervewise:questionnaire:assessment|", response.Questionnaire, StringComparison.Ordinal);
        Assert.Contains(response.Item.SelectMany(g => g.Item), i => i.LinkId == "weeks-since-onset" && i.Answer[0].Value is Integer { Value: 6 });

        var observations = resources.OfType<Observation>().ToList();
        Assert.Equal(4, observations.Count); // the activity row stays in the CSV
        var pain = observations.Where(o => o.Code.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "72514-3")).ToList();
        Assert.Equal(2, pain.Count);
        Assert.Contains(pain, o => o.BodySite!.Coding.Any(c => c.System == "http://snomed.info/sct" && c.Code == "53840002") && o.Value is Integer { Value: 6 });
        Assert.Contains(pain, o => o.Value is Quantity { Value: 2.5m });
        Assert.Contains(observations, o => o.Code.Coding[0].Code == "flare-up");
        Assert.Contains(observations, o => o.Code.Coding[0].Code == "checkin-stress" && o.Value is Integer { Value: 3 });

        var plan = Assert.Single(resources.OfType<CarePlan>());
        Assert.Equal("sliders", plan.Category[0].Coding[0].Code);
        Assert.Equal(2, plan.Activity.Count);
        Assert.All(resources.Skip(1).OfType<Observation>(), o => Assert.Equal(bundle.Entry[0].FullUrl, o.Subject!.Reference));
    }

    [Fact]
    public void Exporting_twice_gives_the_same_ids()
    {
        var record = Sample();
        var first = FhirExport.ToBundle(record, Now).Entry.Select(e => e.FullUrl);
        var second = FhirExport.ToBundle(record, Now).Entry.Select(e => e.FullUrl);
        Assert.Equal(first, second);
    }
}
