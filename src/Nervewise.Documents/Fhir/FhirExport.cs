using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;
using Nervewise.Domain.Safety;

namespace Nervewise.Documents.Fhir;

/// <summary>
/// A person's record as a FHIR R4 collection Bundle: the Patient, a Flag while warning signs are in force, a
/// QuestionnaireResponse per assessment, an Observation per pain rating, flare-up, check-in answer, warning sign and
/// recorded check, and a CarePlan for the rehab stage and sessions (on hold while exercises are paused).
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
    /// Every resource of the record, each with its id, as the FHIR server and the bulk export serve them one by one.
    /// </summary>
    public static IReadOnlyList<Resource> Resources(Record record, DateTimeOffset now) =>
        ToBundle(record, now).Entry.Select(e => e.Resource!).ToList();

    public static Bundle ToBundle(Record record, DateTimeOffset now)
    {
        var patientId = IdFor("patient", record.PersonId);
        var subject = new ResourceReference($"urn:uuid:{patientId}");
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now };
        void Add(Resource resource, Guid id) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{id}", Resource = resource });

        Add(ToPatient(record, patientId), patientId);
        if (record.Safety.NeedsHelp)
        {
            // One Flag per episode: a check clears it (no Flag), and a sign after the check starts a new one.
            var flagId = IdFor("flag", $"{record.PersonId}:{Oldest(record.Safety).UtcTicks}");
            Add(ToFlag(record.Safety, subject, flagId), flagId);
        }
        foreach (var assessment in record.Assessments)
        {
            Add(Response(assessment, subject), assessment.Id);
        }
        foreach (var row in record.Diary)
        {
            if (ToObservation(row.Entry, subject) is { } observation)
            {
                observation.Id = row.Id.ToString();
                Add(observation, row.Id);
            }
        }
        if (record.CurrentPlan is { } plan)
        {
            var planId = IdFor("careplan", record.PersonId);
            Add(ToCarePlan(plan, record.Safety, subject, planId), planId);
        }
        return bundle;
    }

    private static Patient ToPatient(Record record, Guid id)
    {
        var patient = new Patient
        {
            Id = id.ToString(),
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

    private static QuestionnaireResponse Response(TakenAssessment assessment, ResourceReference subject)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var response = new QuestionnaireResponse
        {
            Id = assessment.Id.ToString(),
            Questionnaire = AssessmentQuestionnaire.Canonical + "|" + questionnaire.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = subject,
            Authored = assessment.TakenAt.ToString("o", CultureInfo.InvariantCulture),
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

    private static Observation? ToObservation(DiaryEntry entry, ResourceReference subject)
    {
        var codes = FhirCodes.Current;
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Subject = subject,
            Effective = new FhirDateTime(entry.Time),
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")],
        };
        if (entry.Note.Length > 0)
        {
            observation.Note.Add(new Annotation { Text = new Markdown(entry.Note) });
        }
        switch (entry.Type)
        {
            case EntryType.Pain:
                observation.Code = new CodeableConcept(codes.PainSeverity.System, codes.PainSeverity.Code, codes.PainSeverity.Display, "Pain intensity");
                observation.Value = Score(entry.Value);
                observation.BodySite = BodySite(entry.Item);
                return observation;
            case EntryType.Flare:
                observation.Code = new CodeableConcept(FhirCodes.ObservationSystem, "flare-up", "Flare-up of nerve-related pain", "Flare-up");
                observation.Value = Score(entry.Value);
                observation.BodySite = BodySite(entry.Item);
                return observation;
            case EntryType.Symptom when AssessmentRules.Current.RedFlags.Find(entry.Item) is { } redFlag:
                // The warning signs the Flag stands on, each where and when it was logged.
                observation.Code = new CodeableConcept(FhirCodes.ObservationSystem, $"red-flag-{entry.Item}",
                    $"Warning sign: {redFlag.Says}", $"Warning sign: {redFlag.Says}");
                observation.Value = new FhirBoolean(entry.Value > 0);
                return observation;
            case EntryType.Checked:
                // Exported rather than left out: without it a receiver sees old warning signs and no Flag, and cannot
                // tell a cleared sign from a missed one. The note says who recorded the check and what it cleared.
                observation.Code = new CodeableConcept(FhirCodes.ObservationSystem, "red-flags-checked",
                    "A doctor or physiotherapist has checked the warning signs logged up to this time", "Warning signs checked");
                return observation;
            case EntryType.Checkin:
                observation.Code = new CodeableConcept(FhirCodes.ObservationSystem, $"checkin-{entry.Item}",
                    $"Vulnerability check-in: {DiaryVocabulary.Words(entry.Item)} (0 no concern to 4 a big concern)", $"Check-in: {DiaryVocabulary.Words(entry.Item)}");
                observation.Value = Score(entry.Value);
                return observation;
            default:
                return null; // activities, exercises, sleep, everyday symptoms and the rest stay in the CSV export
        }
    }

    private static DataType Score(decimal? value) => value is { } v && v == decimal.Truncate(v)
        ? new Integer((int)v)
        : new Quantity { Value = value, Unit = "score", System = "http://unitsofmeasure.org", Code = "{score}" };

    private static CodeableConcept? BodySite(string region)
    {
        var site = FhirCodes.Current.BodySites.FirstOrDefault(s => s.Region == region);
        if (site is null)
        {
            return null;
        }
        var concept = new CodeableConcept(FhirCodes.RegionSystem, site.Region, site.Text, site.Text);
        if (site.Snomed is { } snomed)
        {
            concept.Coding.Insert(0, new Coding("http://snomed.info/sct", snomed, site.Display));
        }
        return concept;
    }

    /// <summary>
    /// The safety state as a clinical Flag: its code names the urgency (our own code, with the words the person is
    /// shown) and, in its text, every warning sign in force; it runs from the oldest of them.
    /// </summary>
    private static Flag ToFlag(SafetyState safety, ResourceReference subject, Guid id) => new()
    {
        Id = id.ToString(),
        Status = Flag.FlagStatus.Active,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")],
        Code = new CodeableConcept(FhirCodes.SafetySystem, Names.Of(safety.Urgency), AssessmentWording.For(safety.Urgency).Headline,
            $"{AssessmentWording.Short(safety.Urgency)}: {AssessmentWording.For(safety.Urgency).Headline}. " +
            $"Warning signs: {string.Join("; ", safety.Reasons.Select(r => r.Says))}."),
        Subject = subject,
        Period = new Period { StartElement = new FhirDateTime(Oldest(safety)) },
    };

    private static DateTimeOffset Oldest(SafetyState safety) => safety.Reasons.MinBy(r => r.Time.UtcDateTime)!.Time;

    private static CarePlan ToCarePlan(Plan plan, SafetyState safety, ResourceReference subject, Guid id)
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
                new CodeableConcept(FhirCodes.StageSystem, plan.Stage, plan.StageTitle, plan.StageTitle),
                new CodeableConcept(FhirCodes.PathwaySystem, plan.Pathway, plan.PathwayTitle, $"{plan.PathwayTitle} pathway"),
            ],
            Description = $"Current stage of graded exposure on the {plan.PathwayTitle.ToLowerInvariant()} pathway: {plan.StageTitle}." +
                (plan.Precautions is { Count: > 0 } precautions ? " " + string.Join(" ", precautions) : "") +
                (safety.NeedsHelp ? $" {Nervewise.Domain.Clinic.SafetyLines.Exercises(safety)}" : ""),
        };
        if (plan.Since is { } since)
        {
            carePlan.Period = new Period { Start = since.ToString("o", CultureInfo.InvariantCulture) };
        }
        foreach (var session in plan.Sessions)
        {
            carePlan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Kind = CarePlan.CarePlanActivityKind.ServiceRequest,
                    Code = new CodeableConcept("urn:nervewise:exercise", session.Exercise, session.Title, session.Title),
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
