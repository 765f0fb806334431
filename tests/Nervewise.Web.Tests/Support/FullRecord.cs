using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Support;

/// <summary>A person with a row in every table that can hold their data, shared with a clinician who has used it.</summary>
public sealed partial record FullRecord(HttpClient Patient, HttpClient Clinician, string PatientId, string ClinicianId)
{
    public const string NoteMarker = "full-record-note-7c2d";
    public const string DiaryMarker = "full-record-diary-41fa";

    public static async Task<FullRecord> MakeAsync(AppTest test, NervewiseApp app, TestDatabase database, string email, string clinicianEmail)
    {
        var patient = app.Browser();
        await patient.RegisterAsync(email);
        using (var entry = await patient.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-20T08:00:00+01:00", type = "pain", item = "posterior-thigh", value = 5, note = DiaryMarker,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, entry.StatusCode);
        }
        using (var assessed = await patient.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["pins-and-needles"] = true }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        var clinician = await test.ClinicianAsync(clinicianEmail);
        var code = await InviteAsync(patient);
        await InviteAsync(patient); // a second one, still waiting
        using (var accepted = await clinician.SubmitAsync("/clinic?handler=Accept", new Dictionary<string, string> { ["Code"] = code }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        string patientId, clinicianId;
        await using (var db = database.OpenContext())
        {
            patientId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            clinicianId = await db.Users.Where(u => u.Email == clinicianEmail).Select(u => u.Id).SingleAsync();
        }
        var record = $"/clinic/patients/{patientId}";
        using (var note = await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Note"] = NoteMarker }, $"{record}?handler=Note"))
        {
            Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        }
        using (var plan = await clinician.SubmitAsync(record, new Dictionary<string, string> { ["Stage"] = "sliders", ["Level"] = "4" }, $"{record}?handler=Plan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        }
        // An app the person allowed to read their record (SMART on FHIR), with a token.
        await AppApproval.GiveAsync(app.Services, patientId, "Full record app", "patient/*.rs", "offline_access");
        return new FullRecord(patient, clinician, patientId, clinicianId);
    }

    private static async Task<string> InviteAsync(HttpClient patient)
    {
        using var response = await patient.SubmitAsync("/sharing?handler=Invite", new Dictionary<string, string> { ["ClinicianEmail"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CodePattern().Match(await patient.GetStringAsync("/sharing")).Groups[1].Value;
    }

    [GeneratedRegex("data-invite-code>([A-Z2-9-]+)<")]
    private static partial Regex CodePattern();
}
