using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Documents.Fhir;
using Nervewise.Domain.Rehab;
using Nervewise.Domain.Safety;
using Nervewise.Testing.Fhir;

namespace Nervewise.Documents.Tests.Fhir;

public sealed class FhirExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    internal static readonly Uri Base = new("https://clinic.example/fhir/");

    private static Bundle ToBundle(FhirExport.Record record) => FhirExport.ToBundle(record, Now, Base);

    private static FhirExport.Record Sample(FhirExport.Plan? plan = null, params DiaryEntry[] more) => Sample("Ada King", new DateOnly(1984, 3, 21), plan, more);

    private static FhirExport.Record Sample(string? name, DateOnly? born, FhirExport.Plan? plan = null, params DiaryEntry[] more)
    {
        var answers = AssessmentInput.Parse("""{"pins-and-needles": true, "pain-below-knee": true, "weeks-since-onset": 6}""");
        DiaryEntry At(int hour, EntryType type, string item, decimal? value, string note = "") =>
            DiaryEntry.Create(new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.FromHours(1)), type, item, value, null, note);
        var taken = new FhirExport.TakenAssessment(Guid.Parse("0193b3c0-0000-7000-8000-000000000001"), Now.AddDays(-7), answers);
        List<FhirExport.DiaryRow> diary =
        [
            new(Guid.NewGuid(), At(8, EntryType.Pain, "calf", 6, "after the train")),
            new(Guid.NewGuid(), At(9, EntryType.Pain, "low-back", 2.5m)),
            new(Guid.NewGuid(), At(21, EntryType.Flare, "foot", 8)),
            new(Guid.NewGuid(), At(22, EntryType.Checkin, "stress", 3)),
            new(Guid.NewGuid(), DiaryEntry.Create(Now.AddDays(-3), EntryType.Activity, "sitting", 3, 480, "")),
            .. more.Select(e => new FhirExport.DiaryRow(Guid.NewGuid(), e)),
        ];
        // The state as FhirRecord reads it: the latest assessment and the whole diary.
        var safety = SafetyState.Of(new AssessmentTaken(answers, taken.TakenAt), diary.Select(d => d.Entry), Now);
        return new FhirExport.Record("3f2d5a8e-0000-4000-8000-000000000001", "pat@example.com", [taken], diary, plan, safety, name, born);
    }

    private static DiaryEntry Symptom(int daysAgo, string item) => DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Symptom, item, 1, null, "");

    private static DiaryEntry Checked(int daysAgo) => DiaryEntry.Create(Now.AddDays(-daysAgo), EntryType.Checked, DiaryVocabulary.CheckedRedFlags,
        null, null, "Recorded by physio@example.com (clinician). Cleared: numbness between your legs.");

    private static IReadOnlyList<string> Errors(Resource resource) => FirelyValidator.Errors(resource);

    private static readonly FhirExport.Plan SliderPlan = new("sliders", "Nerve sliders", Now.AddDays(-10),
        [new("slump-slider", "Slump slider", "2 sets of 10, once a day"), new("slr-slider", "Straight-leg-raise slider", "2 sets of 10")]);

    [Fact]
    public void The_bundle_passes_the_Firely_validator_with_no_errors()
    {
        var bundle = ToBundle(Sample(SliderPlan));

        var errors = Errors(bundle);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_patient_carries_the_name_as_given_and_the_birth_date()
    {
        var patient = ToBundle(Sample(SliderPlan)).Entry.Select(e => e.Resource).OfType<Patient>().Single();

        var name = Assert.Single(patient.Name);
        Assert.Equal("Ada King", name.Text);
        Assert.Equal(HumanName.NameUse.Usual, name.Use);
        Assert.Empty(name.Given); // not split: which part is the family name is not ours to guess
        Assert.Null(name.Family);
        Assert.Equal("1984-03-21", patient.BirthDate);
        Assert.Empty(Errors(patient));
    }

    [Fact]
    public void Without_a_name_or_birth_date_the_patient_has_none_and_is_still_valid()
    {
        var bundle = ToBundle(Sample(null, null, SliderPlan));
        var patient = bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single();

        Assert.Empty(patient.Name);
        Assert.Null(patient.BirthDate);
        Assert.Empty(Errors(bundle));
    }

    [Fact]
    public void The_validator_does_find_errors_in_a_broken_bundle()
    {
        // Proof that the check above can fail: an Observation without its required status and code.
        var broken = ToBundle(Sample());
        var observation = broken.Entry.Select(e => e.Resource).OfType<Observation>().First();
        observation.Status = null;
        observation.Code = null!;

        Assert.NotEmpty(Errors(broken));
    }

    [Fact]
    public void It_is_a_transaction_of_the_patient_an_answer_set_the_diary_and_the_care_plan()
    {
        var bundle = ToBundle(Sample(SliderPlan));
        var resources = bundle.Entry.Select(e => e.Resource).ToList();

        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        // A server ingests it as it is: every entry at its place on the FHIR base, put there (so a second load updates).
        Assert.All(bundle.Entry, e =>
        {
            Assert.Equal($"{Base}{e.Resource!.TypeName}/{e.Resource.Id}", e.FullUrl);
            Assert.Equal((Bundle.HTTPVerb.PUT, $"{e.Resource.TypeName}/{e.Resource.Id}"), (e.Request!.Method, e.Request.Url));
        });
        var patient = Assert.Single(resources.OfType<Patient>());
        Assert.Equal(FhirExport.PatientId("3f2d5a8e-0000-4000-8000-000000000001"), patient.Id);
        var response = Assert.Single(resources.OfType<QuestionnaireResponse>());
        Assert.StartsWith("https://clinic.example/fhir/Questionnaire/assessment|", response.Questionnaire, StringComparison.Ordinal);
        Assert.Contains(response.Item.SelectMany(g => g.Item), i => i.LinkId == "weeks-since-onset" && i.Answer[0].Value is Integer { Value: 6 });

        var observations = resources.OfType<Observation>().ToList();
        Assert.Equal(5, observations.Count); // every diary row, the activity included
        var pain = observations.Where(o => o.Code.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "72514-3")).ToList();
        Assert.Equal(2, pain.Count);
        Assert.Contains(pain, o => o.BodySite!.Coding.Any(c => c.System == "http://snomed.info/sct" && c.Code == "53840002") && o.Value is Integer { Value: 6 });
        Assert.Contains(pain, o => o.Value is Quantity { Value: 2.5m });
        Assert.Contains(observations, o => o.Code.Coding[0].Code == "flare-up" && o.Code.Coding[0].System == "https://clinic.example/fhir/CodeSystem/nervewise");
        Assert.Contains(observations, o => o.Code.Coding[0].Code == "checkin-stress" && o.Value is Integer { Value: 3 });

        var plan = Assert.Single(resources.OfType<CarePlan>());
        Assert.Equal("stage-sliders", plan.Category[0].Coding[0].Code);
        Assert.Equal(2, plan.Activity.Count);
        // References are relative, as a server resolves them against its own base.
        Assert.All(resources.OfType<Observation>(), o => Assert.Equal($"Patient/{patient.Id}", o.Subject!.Reference));
        Assert.Equal($"Patient/{patient.Id}", plan.Subject.Reference);
        Assert.Equal($"Patient/{patient.Id}", response.Subject!.Reference);
    }

    [Fact]
    public void Exporting_twice_gives_the_same_ids()
    {
        var record = Sample();
        var first = ToBundle(record).Entry.Select(e => e.FullUrl);
        var second = ToBundle(record).Entry.Select(e => e.FullUrl);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Warning_signs_in_force_give_one_clinical_flag_from_the_oldest_sign_that_validates_and_parses()
    {
        var record = Sample(SliderPlan, Symptom(60, "saddle-numbness"), Symptom(2, "cancer-history"));
        var bundle = ToBundle(record);

        Assert.True(Errors(bundle) is [], string.Join(Environment.NewLine, Errors(bundle)));
        // Written and read back with the Firely SDK, as a receiving system would.
        var parsed = FhirJson.Parse<Bundle>(FhirJson.Serialize(bundle, pretty: true));
        var flag = Assert.Single(parsed.Entry.Select(e => e.Resource).OfType<Flag>());
        Assert.Equal(Flag.FlagStatus.Active, flag.Status);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/flag-category", "clinical"), (flag.Category[0].Coding[0].System, flag.Category[0].Coding[0].Code));
        Assert.Equal((FhirCodeSystem.Url(Base), "urgency-emergency"), (flag.Code.Coding[0].System, flag.Code.Coding[0].Code));
        Assert.StartsWith($"Emergency: {AssessmentWording.For(Urgency.Emergency).Headline}.", flag.Code.Text, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("saddle-numbness"), flag.Code.Text, StringComparison.Ordinal);
        Assert.Contains(WarningSigns.Says("cancer-history"), flag.Code.Text, StringComparison.Ordinal);
        Assert.Equal($"Patient/{parsed.Entry[0].Resource!.Id}", flag.Subject.Reference);
        Assert.IsType<Patient>(parsed.Entry[0].Resource);
        Assert.Equal(Now.AddDays(-60), flag.Period!.StartElement!.ToDateTimeOffset(TimeSpan.Zero));

        // The signs themselves, as observations; the exercises are on hold, not scheduled.
        var observations = parsed.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        Assert.Contains(observations, o => o.Code.Coding[0].Code == "red-flag-saddle-numbness" && o.Value is FhirBoolean { Value: true });
        var plan = Assert.Single(parsed.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.Equal(RequestStatus.OnHold, plan.Status);
        Assert.All(plan.Activity, a => Assert.Equal(CarePlan.CarePlanActivityStatus.OnHold, a.Detail!.Status));
        Assert.Contains("Exercises are paused", plan.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_state_has_no_flag_and_a_check_removes_it_until_a_new_sign()
    {
        Assert.Empty(ToBundle(Sample(SliderPlan)).Entry.Select(e => e.Resource).OfType<Flag>());

        var cleared = ToBundle(Sample(SliderPlan, Symptom(60, "saddle-numbness"), Checked(10)));
        var resources = cleared.Entry.Select(e => e.Resource).ToList();
        Assert.Empty(resources.OfType<Flag>());
        Assert.Equal(RequestStatus.Active, Assert.Single(resources.OfType<CarePlan>()).Status);
        // The check travels as an observation with who recorded it, so the old sign is seen as cleared, not missed.
        var check = Assert.Single(resources.OfType<Observation>(), o => o.Code.Coding[0].Code == "red-flags-checked");
        Assert.StartsWith("Recorded by physio@example.com (clinician)", check.Note[0].Text, StringComparison.Ordinal);
        Assert.True(Errors(cleared) is [], string.Join(Environment.NewLine, Errors(cleared)));

        var raised = ToBundle(Sample(SliderPlan, Symptom(60, "saddle-numbness"), Checked(10), Symptom(1, "weakness")));
        var flag = Assert.Single(raised.Entry.Select(e => e.Resource).OfType<Flag>());
        Assert.Equal("urgency-soon", flag.Code.Coding[0].Code);
        Assert.Equal(Now.AddDays(-1), flag.Period!.StartElement!.ToDateTimeOffset(TimeSpan.Zero));
        Assert.Equal(RequestStatus.Active, Assert.Single(raised.Entry.Select(e => e.Resource).OfType<CarePlan>()).Status); // soon holds, not paused
    }

    [Fact]
    public void The_care_plan_names_its_pathway_in_the_title_and_a_category_coding_and_carries_its_own_exercises()
    {
        var rules = RehabRules.Current;
        var stage = rules.For(Pathway.Tendon, Stage.SlowHeavy);
        var sessions = stage.Plan.Select(i => new FhirExport.PlannedSession(i.Exercise, rules.FindExercise(i.Exercise)!.Name,
            rules.DoseAt(Pathway.Tendon, Stage.SlowHeavy, i.Exercise).Describe())).ToList();
        var tendon = new FhirExport.Plan(stage.Id, stage.Name, Now.AddDays(-4), sessions, "tendon", rules.For(Pathway.Tendon).Name,
            [rules.For(Pathway.Nerve).Precautions]);

        var bundle = ToBundle(Sample(tendon));
        var parsed = FhirJson.Parse<Bundle>(FhirJson.Serialize(bundle, pretty: true));

        Assert.True(Errors(bundle) is [], string.Join(Environment.NewLine, Errors(bundle)));
        var plan = Assert.Single(parsed.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.Equal("Graded exposure, sit-bone tendon pathway: Slow heavy lifts", plan.Title);
        var ours = FhirCodeSystem.Url(Base);
        Assert.Equal((ours, "stage-slow-heavy"), (plan.Category[0].Coding[0].System, plan.Category[0].Coding[0].Code));
        Assert.Equal((ours, "pathway-tendon", "Sit-bone tendon"), (plan.Category[1].Coding[0].System, plan.Category[1].Coding[0].Code, plan.Category[1].Coding[0].Display));
        Assert.Equal(stage.Plan.Select(i => $"exercise-{i.Exercise}"), plan.Activity.Select(a => a.Detail!.Code!.Coding[0].Code));
        Assert.Contains(rules.For(Pathway.Nerve).Precautions, plan.Description, StringComparison.Ordinal);
    }
}
