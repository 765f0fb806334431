using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// A person's record as FHIR R4: the Patient, a Flag while warning signs are in force, a
/// QuestionnaireResponse per assessment, an Observation per diary row of every type (<see cref="FhirDiary"/>), and a CarePlan for the rehab stage and sessions (on hold while exercises are paused).
/// Ids are derived from our own ids, so exporting twice gives the same Bundle.
/// </summary>
public static class FhirExport
{
    public sealed record TakenAssessment(Guid Id, DateTimeOffset TakenAt, AssessmentAnswers Answers);

    public sealed record DiaryRow(Guid Id, DiaryEntry Entry);

    public sealed record PlannedSession(string Exercise, string Title, string Dose);

    /// <summary>
    /// The current plan: its stage and title, its pathway (nerve, muscle, tendon) and that pathway's name, the
    /// person's own exercises with their doses, and the precautions other possible sources add.
    /// </summary>
    public sealed record Plan(
        string Stage, string StageTitle, DateTimeOffset? Since, IReadOnlyList<PlannedSession> Sessions,
        string Pathway = "nerve", string PathwayTitle = "Nerve pain", IReadOnlyList<string>? Precautions = null);

    /// <summary><paramref name="Safety"/> is the person's one safety state as of the export.</summary>
    /// <param name="Name">The name the person gave (null for an older account without one: no name is made up).</param>
    /// <param name="BirthDate">The date of birth, if the person gave it.</param>
    public sealed record Record(
        string PersonId, string? Email, IReadOnlyList<TakenAssessment> Assessments, IReadOnlyList<DiaryRow> Diary, Plan? CurrentPlan,
        SafetyState Safety, string? Name = null, DateOnly? BirthDate = null);

    /// <summary>
    /// Every resource of the record, each with its id, as the FHIR server and the bulk export serve them one by one:
    /// references are relative (<c>Patient/{id}</c>), our codes and the Questionnaire are cited by URLs on
    /// <paramref name="fhirBase"/> (ending in <c>/fhir/</c>), where they are served.
    /// </summary>
    public static IReadOnlyList<Resource> Resources(Record record, DateTimeOffset now, Uri fhirBase)
    {
        var patientId = PatientId(record.PersonId);
        var subject = new ResourceReference($"Patient/{patientId}");
        var diary = new FhirDiary(fhirBase, subject);
        List<Resource> resources = [ToPatient(record, patientId)];
        if (record.Safety.NeedsHelp)
        {
            // One Flag per episode: a check clears it (no Flag), and a sign after the check starts a new one.
            var flagId = IdFor("flag", $"{record.PersonId}:{Oldest(record.Safety).UtcTicks}");
            resources.Add(ToFlag(record.Safety, subject, flagId, fhirBase));
        }
        resources.AddRange(record.Assessments.Select(a => Response(a, subject, fhirBase)));
        foreach (var row in record.Diary)
        {
            var observation = diary.ToObservation(row.Entry);
            observation.Id = row.Id.ToString();
            resources.Add(observation);
        }
        if (record.CurrentPlan is { } plan)
        {
            resources.Add(ToCarePlan(plan, record.Safety, subject, IdFor("careplan", record.PersonId), fhirBase));
        }
        return resources;
    }

    /// <summary>
    /// The record as a <c>transaction</c> Bundle a FHIR server can ingest: each entry's fullUrl is where it lives on
    /// <paramref name="fhirBase"/> and its request a PUT to <c>Type/id</c>, so loading it twice updates, not duplicates.
    /// </summary>
    public static Bundle ToBundle(Record record, DateTimeOffset now, Uri fhirBase)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction, Timestamp = ToSecond(now) };
        foreach (var resource in Resources(record, now, fhirBase))
        {
            var path = $"{resource.TypeName}/{resource.Id}";
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(fhirBase, path).ToString(),
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = path },
            });
        }
        return bundle;
    }

    /// <summary>The FHIR Patient id of a user: derived from their account id, so it never changes.</summary>
    public static string PatientId(string userId) => IdFor("patient", userId).ToString();

    /// <summary>A FHIR dateTime to the second with its offset: receivers choke on .NET's seven fractional digits.</summary>
    internal static FhirDateTime Seconds(DateTimeOffset time) =>
        new(time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static DateTimeOffset ToSecond(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    private static Patient ToPatient(Record record, string id)
    {
        var patient = new Patient
        {
            Id = id,
            Active = true,
            Identifier = [new Identifier(FhirCodes.UserSystem, record.PersonId)],
        };
        if (!string.IsNullOrEmpty(record.Email))
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home, record.Email));
        }
        if (!string.IsNullOrWhiteSpace(record.Name))
        {
            // One free-text name, as the person typed it: splitting it into given and family names would be a guess.
            patient.Name.Add(new HumanName { Use = HumanName.NameUse.Usual, Text = record.Name });
        }
        if (record.BirthDate is { } born)
        {
            patient.BirthDate = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return patient;
    }

    private static QuestionnaireResponse Response(TakenAssessment assessment, ResourceReference subject, Uri fhirBase)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var response = new QuestionnaireResponse
        {
            Id = assessment.Id.ToString(),
            Questionnaire = FhirQuestionnaire.Url(fhirBase) + "|" + questionnaire.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = subject,
            Authored = Seconds(assessment.TakenAt).Value,
        };
        // Mirror the questionnaire's screens (groups), keeping only answered items.
        foreach (var screen in questionnaire.Screens)
        {
            var group = new QuestionnaireResponse.ItemComponent { LinkId = screen.Id, Text = screen.Title };
            foreach (var item in screen.Items)
            {
                if (assessment.Answers.All.TryGetValue(item.LinkId, out var answer))
                {
                    group.Item.Add(new QuestionnaireResponse.ItemComponent
                    {
                        LinkId = item.LinkId,
                        Text = item.Text,
                        Answer = [new QuestionnaireResponse.AnswerComponent { Value = Value(answer, item) }],
                    });
                }
            }
            if (group.Item.Count > 0)
            {
                response.Item.Add(group);
            }
        }
        return response;
    }

    private static DataType Value(Answer answer, QuestionItem item) => answer.Type switch
    {
        ItemType.Boolean => new FhirBoolean(answer.Boolean),
        ItemType.Integer => new Integer(answer.Number),
        _ => ChoiceCoding(item.LinkId, answer.Code),
    };

    /// <summary>The questionnaire's own coding for a choice, so the answer carries its system and display.</summary>
    private static Coding ChoiceCoding(string linkId, string? code) =>
        FhirQuestionnaire.Current.Item
            .SelectMany(group => group.Item)
            .Where(item => item.LinkId == linkId)
            .SelectMany(item => item.AnswerOption)
            .Select(option => option.Value as Coding)
            .FirstOrDefault(coding => coding?.Code == code) is { } known
            ? new Coding(known.System, known.Code, known.Display)
            : new Coding(null, code);

    /// <summary>
    /// The safety state as a clinical Flag: its code names the urgency (our own code, with the words the person is
    /// shown) and, in its text, every warning sign in force; it runs from the oldest of them.
    /// </summary>
    private static Flag ToFlag(SafetyState safety, ResourceReference subject, Guid id, Uri fhirBase) => new()
    {
        Id = id.ToString(),
        Status = Flag.FlagStatus.Active,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")],
        Code = new CodeableConcept
        {
            Coding = [FhirCodeSystem.Coding(fhirBase, $"urgency-{Names.Of(safety.Urgency)}")],
            Text = $"{AssessmentWording.Short(safety.Urgency)}: {AssessmentWording.For(safety.Urgency).Headline}. " +
            $"Warning signs: {string.Join("; ", safety.Reasons.Select(r => r.Says))}.",
        },
        Subject = subject,
        Period = new Period { StartElement = Seconds(Oldest(safety)) },
    };

    private static DateTimeOffset Oldest(SafetyState safety) => safety.Reasons.MinBy(r => r.Time.UtcDateTime)!.Time;

    private static CarePlan ToCarePlan(Plan plan, SafetyState safety, ResourceReference subject, Guid id, Uri fhirBase)
    {
        var carePlan = new CarePlan
        {
            Id = id.ToString(),
            // Exercises paused for warning signs: the plan is kept, on hold, so nothing reads as going ahead.
            Status = safety.PausesExercise ? RequestStatus.OnHold : RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Subject = subject,
            Title = $"Graded exposure, {plan.PathwayTitle.ToLowerInvariant()} pathway: {plan.StageTitle}",
            // The stage first (as before pathways), then the pathway: "full-training" ends every pathway.
            Category =
            [
                new CodeableConcept { Coding = [FhirCodeSystem.Coding(fhirBase, $"stage-{plan.Stage}")], Text = plan.StageTitle },
                new CodeableConcept { Coding = [FhirCodeSystem.Coding(fhirBase, $"pathway-{plan.Pathway}")], Text = $"{plan.PathwayTitle} pathway" },
            ],
            Description = $"Current stage of graded exposure on the {plan.PathwayTitle.ToLowerInvariant()} pathway: {plan.StageTitle}." +
                (plan.Precautions is { Count: > 0 } precautions ? " " + string.Join(" ", precautions) : "") +
                (safety.NeedsHelp ? $" {Nervewise.Domain.Clinic.SafetyLines.Exercises(safety)}" : ""),
        };
        if (plan.Since is { } since)
        {
            carePlan.Period = new Period { StartElement = Seconds(since) };
        }
        foreach (var session in plan.Sessions)
        {
            carePlan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Kind = CarePlan.CarePlanActivityKind.ServiceRequest,
                    Code = FhirCodeSystem.Has($"exercise-{session.Exercise}")
                        ? new CodeableConcept { Coding = [FhirCodeSystem.Coding(fhirBase, $"exercise-{session.Exercise}")], Text = session.Title }
                        : new CodeableConcept { Text = session.Title },
                    Status = safety.PausesExercise ? CarePlan.CarePlanActivityStatus.OnHold : CarePlan.CarePlanActivityStatus.Scheduled,
                    Description = session.Dose,
                },
            });
        }
        return carePlan;
    }

    /// <summary>A stable GUID for one of our ids, so an export is the same every time.</summary>
    private static Guid IdFor(string kind, string id) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{id}")).AsSpan(0, 16));
}
