using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Nervewise.Domain.Assessment;
using Nervewise.Domain.Diary;

namespace Nervewise.Domain.Fhir;

/// <summary>
/// A person's record as a FHIR R4 collection Bundle: the Patient, a QuestionnaireResponse per assessment, an
/// Observation per pain rating, flare-up and check-in answer, and a CarePlan for the rehab stage and sessions.
/// Ids are derived from our own ids, so exporting twice gives the same Bundle.
/// </summary>
public static class FhirExport
{
    public sealed record TakenAssessment(Guid Id, DateTimeOffset TakenAt, AssessmentAnswers Answers);

    public sealed record DiaryRow(Guid Id, DiaryEntry Entry);

    public sealed record PlannedSession(string Exercise, string Title, string Dose);

    public sealed record Plan(string Stage, string StageTitle, DateTimeOffset? Since, IReadOnlyList<PlannedSession> Sessions);

    public sealed record Record(
        string PersonId, string? Email, IReadOnlyList<TakenAssessment> Assessments, IReadOnlyList<DiaryRow> Diary, Plan? CurrentPlan);

    public static Bundle ToBundle(Record record, DateTimeOffset now)
    {
        var patientId = IdFor("patient", record.PersonId);
        var subject = new ResourceReference($"urn:uuid:{patientId}");
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now };
        void Add(Resource resource, Guid id) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"urn:uuid:{id}", Resource = resource });

        Add(ToPatient(record, patientId), patientId);
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
            Add(ToCarePlan(plan, subject, planId), planId);
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
        return patient;
    }

    private static QuestionnaireResponse Response(TakenAssessment assessment, ResourceReference subject)
    {
        var questionnaire = AssessmentQuestionnaire.Current;
        var response = new QuestionnaireResponse
        {
            Id = assessment.Id.ToString(),
            Questionnaire = questionnaire.Resource.Url + "|" + questionnaire.Version,
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
        AssessmentQuestionnaire.Current.Resource.Item
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
            case EntryType.Checkin:
                observation.Code = new CodeableConcept(FhirCodes.ObservationSystem, $"checkin-{entry.Item}",
                    $"Vulnerability check-in: {DiaryVocabulary.Words(entry.Item)} (0 no concern to 4 a big concern)", $"Check-in: {DiaryVocabulary.Words(entry.Item)}");
                observation.Value = Score(entry.Value);
                return observation;
            default:
                return null; // activities, exercises, sleep and the rest stay in the CSV export
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

    private static CarePlan ToCarePlan(Plan plan, ResourceReference subject, Guid id)
    {
        var carePlan = new CarePlan
        {
            Id = id.ToString(),
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Subject = subject,
            Title = $"Graded exposure: {plan.StageTitle}",
            Category = [new CodeableConcept(FhirCodes.StageSystem, plan.Stage, plan.StageTitle, plan.StageTitle)],
            Description = $"Current stage of graded exposure: {plan.StageTitle}.",
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
                    Status = CarePlan.CarePlanActivityStatus.Scheduled,
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
