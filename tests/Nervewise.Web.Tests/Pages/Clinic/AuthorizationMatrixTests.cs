using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Clinic;

/// <summary>
/// Every page and endpoint that returns health data, against six people: the owner, another patient, a clinician
/// with a share, a clinician without one, a clinician whose share was revoked, and someone signed out. The owner reads
/// through the personal pages and the API; a clinician with a share reads through the clinic. Every other cell is
/// refused: a 404, a redirect to sign in, a 403, or only their own (empty) data, never the owner's marker.
/// </summary>
public sealed class AuthorizationMatrixTests() : AppTest(DatabaseProvider.Sqlite)
{
    private const string Marker = "matrix-marker-5b1e";

    public enum Actor
    {
        Owner,
        OtherPatient,
        SharedClinician,
        StrangerClinician,
        RevokedClinician,
        SignedOut,
    }

    public static TheoryData<Actor> Actors => [.. Enum.GetValues<Actor>()];

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task Only_the_owner_and_a_clinician_with_a_share_read_the_record(Actor actor)
    {
        var owner = App.Browser();
        await owner.RegisterAsync("owner@example.com");
        var entryId = Guid.NewGuid();
        using (var created = await owner.PostAsJsonAsync("/api/v1/diary", new
        {
            id = entryId, time = "2026-11-20T08:00:00+01:00", type = "pain", item = "calf", value = 6, note = Marker,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using (var flare = await owner.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            type = "flare", item = "calf", value = 8, note = "",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, flare.StatusCode);
        }
        using (var assessed = await owner.PostAsJsonAsync("/api/v1/assessments", new Dictionary<string, object> { ["pins-and-needles"] = true, ["weeks-since-onset"] = 417 }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }
        string patientId, assessmentId;
        await using (var db = Database.OpenContext())
        {
            patientId = await db.Users.Where(u => u.Email == "owner@example.com").Select(u => u.Id).SingleAsync();
            assessmentId = (await db.Assessments.SingleAsync()).Id.ToString();
        }

        var client = await ActAsAsync(actor, owner);

        var ownerReads = actor == Actor.Owner;
        // Addressed by id: only the owner gets an answer at all.
        await ExpectAsync(client, $"/api/v1/diary/{entryId}", ownerReads, Marker);
        await ExpectAsync(client, $"/diary/{entryId}/edit", ownerReads, Marker);
        await ExpectAsync(client, $"/api/v1/assessments/{assessmentId}", ownerReads, "417");
        await ExpectAsync(client, $"/assessment/{assessmentId}", ownerReads, "Nerve");
        // Lists and views of "my" data: others see their own, without the owner's marker.
        await ExpectAsync(client, "/api/v1/diary", ownerReads, Marker);
        await ExpectAsync(client, "/diary", ownerReads, $"/diary/{entryId}/edit");
        await ExpectAsync(client, "/diary/import/export", ownerReads, Marker);
        await ExpectAsync(client, "/diary/import/fhir", ownerReads, Marker);
        await ExpectAsync(client, "/report", ownerReads, "reaching the calf");
        await ExpectPdfAsync(client, "/report?handler=Pdf", ownerReads);
        await ExpectAsync(client, "/api/v1/assessments", ownerReads, "417");
        await ExpectAsync(client, "/diary/timeline", ownerReads, "1 flare-up logged");
        // The clinic: only a clinician with a live share.
        // The record names the person (not by email since issue 17); its latest entries show the flare-up.
        await ExpectAsync(client, $"/clinic/patients/{patientId}", actor == Actor.SharedClinician, "Flare-up reaching the calf");
        await ExpectAsync(client, $"/clinic/patients/{patientId}/diary", actor == Actor.SharedClinician, Marker);
        await ExpectAsync(client, $"/clinic/patients/{patientId}/diary?Type=pain&Region=calf", actor == Actor.SharedClinician, Marker);
        await ExpectAsync(client, $"/clinic/patients/{patientId}/assessments/1", actor == Actor.SharedClinician, "417");
        await ExpectAsync(client, $"/clinic/patients/{patientId}?handler=Fhir", actor == Actor.SharedClinician, Marker);
        await ExpectAsync(client, $"/clinic/patients/{patientId}/report", actor == Actor.SharedClinician, "reaching the calf");
        await ExpectPdfAsync(client, $"/clinic/patients/{patientId}/report?handler=Pdf", actor == Actor.SharedClinician);
        var caseload = await client.GetAsync("/clinic");
        var listed = caseload.StatusCode == HttpStatusCode.OK
            && (await caseload.Content.ReadAsStringAsync()).Contains($"/clinic/patients/{patientId}\"", StringComparison.Ordinal);
        Assert.Equal(actor == Actor.SharedClinician, listed);
    }

    /// <summary>
    /// The account pages and downloads added for email, password reset and two-step sign-in: each person sees only
    /// their own account (never the owner's email, authenticator key or diary), anonymous pages answer everyone the
    /// same way, and none of them fails.
    /// </summary>
    [Theory]
    [MemberData(nameof(Actors))]
    public async Task Account_pages_and_downloads_show_each_person_only_their_own(Actor actor)
    {
        var owner = App.Browser();
        await owner.RegisterAsync("owner@example.com");
        using (var created = await owner.PostAsJsonAsync("/api/v1/diary", new
        {
            id = Guid.NewGuid(), time = "2026-11-20T08:00:00+01:00", type = "pain", item = "calf", value = 6, note = Marker,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var (ownerKey, _) = await owner.EnrolTwoFactorAsync();

        var client = await ActAsAsync(actor, owner);
        var signedIn = actor != Actor.SignedOut;

        // Pages about "my account": the person's own, or a redirect to sign in.
        foreach (var url in new[] { "/account", "/account/two-factor", "/account/two-factor/setup", "/account/data" })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            if (!signedIn)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
            if (actor != Actor.Owner)
            {
                Assert.DoesNotContain(ownerKey, body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.DoesNotContain("owner@example.com", body, StringComparison.Ordinal);
            }
        }

        // The whole-record zip: only the owner's holds the owner's diary.
        using (var zip = await client.GetAsync("/account/data/download"))
        {
            var holdsMarker = false;
            if (zip.StatusCode == HttpStatusCode.OK)
            {
                using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync()));
                foreach (var file in archive.Entries)
                {
                    using var reader = new StreamReader(file.Open());
                    holdsMarker |= (await reader.ReadToEndAsync()).Contains(Marker, StringComparison.Ordinal);
                }
            }
            Assert.True(holdsMarker == (actor == Actor.Owner), $"/account/data/download: {(int)zip.StatusCode}, the owner's diary {(holdsMarker ? "included" : "absent")}.");
        }

        // Anonymous pages, and links used without their token: the same plain answer for everyone.
        foreach (var url in new[]
        {
            "/account/forgot-password", "/account/check-email", "/account/confirm-email", "/account/reset-password",
            "/account/confirm-email?userId=x&code=y", "/account/reset-password?email=owner%40example.com&code=forged", "/account/sign-in/code",
        })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(ownerKey, body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            if (actor != Actor.Owner)
            {
                Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
            }
        }
    }

    private static async Task ExpectAsync(HttpClient client, string url, bool canRead, string marker)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var read = response.StatusCode == HttpStatusCode.OK && body.Contains(marker, StringComparison.Ordinal);
        Assert.True(read == canRead, $"{url}: expected {(canRead ? "readable" : "refused")}, got {(int)response.StatusCode}{(read ? " with the owner's data" : "")}.");
        if (!canRead && response.StatusCode == HttpStatusCode.OK)
        {
            Assert.DoesNotContain("owner@example.com", body.Replace("You are signed in as owner@example.com", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private static async Task ExpectPdfAsync(HttpClient client, string url, bool canRead)
    {
        using var response = await client.GetAsync(url);
        var read = false;
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/pdf")
        {
            // Another person gets a PDF of their own; only the owner's names the owner (registered as "Owner").
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            read = document.Info.Title.EndsWith(" Owner", StringComparison.Ordinal);
        }
        Assert.True(read == canRead, $"{url}: expected {(canRead ? "the owner's PDF" : "refused")}, got {(int)response.StatusCode}.");
    }

    private async Task<HttpClient> ActAsAsync(Actor actor, HttpClient owner)
    {
        switch (actor)
        {
            case Actor.Owner:
                return owner;
            case Actor.OtherPatient:
                var other = App.Browser();
                await other.RegisterAsync("other@example.com");
                return other;
            case Actor.SignedOut:
                return App.Browser();
            case Actor.StrangerClinician:
                return await ClinicianAsync("stranger@example.com");
            default:
                var clinician = await ClinicianAsync("physio@example.com");
                var invite = await owner.SubmitAsync("/sharing?handler=Invite", new Dictionary<string, string> { ["ClinicianEmail"] = "" });
                Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
                var page = await owner.GetStringAsync("/sharing");
                var code = System.Text.RegularExpressions.Regex.Match(page, "data-invite-code>([A-Z2-9-]+)<").Groups[1].Value;
                Assert.Equal(HttpStatusCode.Redirect, (await clinician.SubmitAsync("/clinic?handler=Accept", new Dictionary<string, string> { ["Code"] = code })).StatusCode);
                if (actor == Actor.RevokedClinician)
                {
                    await using var db = Database.OpenContext();
                    var share = await db.Shares.SingleAsync();
                    Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/sharing?handler=RevokeShare&id={share.Id}", new Dictionary<string, string>())).StatusCode);
                }
                return clinician;
        }
    }
}
