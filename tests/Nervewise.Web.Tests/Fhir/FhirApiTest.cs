using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Diary;
using Nervewise.Data.Identity;
using Nervewise.Documents.Fhir;
using Nervewise.Testing;
using Nervewise.Web.Fhir;
using Task = System.Threading.Tasks.Task;

namespace Nervewise.Web.Tests.Fhir;

/// <summary>The app on a fresh database with the test-only token scheme in place of the SMART server's tokens.</summary>
public abstract class FhirApiTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected WebApplicationFactory<Program> Api { get; private set; } = null!;
    protected FhirTestTokens Tokens { get; } = new();
    private NervewiseApp _root = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateForAppAsync(provider);
        _root = new NervewiseApp(Database.Settings);
        Api = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Tokens);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, FhirTestTokenHandler>(FhirTestTokens.Scheme, null);
            // The same policy name the endpoints require, reading the test tokens instead of OpenIddict's.
            services.Configure<AuthorizationOptions>(options => options.AddPolicy(FhirAccess.Policy,
                policy => policy.AddAuthenticationSchemes(FhirTestTokens.Scheme).RequireAuthenticatedUser()));
        }));
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _root.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected HttpClient Client(string? token = null)
    {
        var client = Api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    protected async Task<string> UserAsync(string email, bool clinician = false)
    {
        using var scope = Api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        var user = new NervewiseUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, "correct horse battery")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, clinician ? Roles.Clinician : Roles.Patient)).Succeeded);
        return user.Id;
    }

    protected async Task ShareAsync(string patientId, string clinicianId)
    {
        await using var db = Database.OpenContext();
        db.Shares.Add(new ShareRecord { Id = Guid.NewGuid(), PatientId = patientId, ClinicianId = clinicianId, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    protected async Task StopSharingAsync(string patientId, string clinicianId)
    {
        await using var db = Database.OpenContext();
        foreach (var share in db.Shares.Where(s => s.PatientId == patientId && s.ClinicianId == clinicianId))
        {
            share.RevokedAt = DateTimeOffset.UtcNow;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A pain rating at a moment (kept with the offset it was written in).</summary>
    protected async Task<Guid> PainAsync(string userId, DateTimeOffset at, int value = 5)
    {
        await using var db = Database.OpenContext();
        var id = Guid.NewGuid();
        db.DiaryEntries.Add(new DiaryEntryRecord
        {
            Id = id, UserId = userId, OccurredAt = at.ToUniversalTime(), OffsetMinutes = (int)at.Offset.TotalMinutes,
            Type = "pain", Item = "posterior-thigh", Value = value, Note = "", CreatedAt = at.ToUniversalTime(), UpdatedAt = at.ToUniversalTime(),
        });
        await db.SaveChangesAsync();
        return id;
    }

    protected static string PatientId(string userId) => FhirSource.PatientId(userId);

    protected static async Task<T> ResourceAsync<T>(HttpResponseMessage response) where T : Resource
    {
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return FhirJson.Parse<T>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>An OperationOutcome's diagnostics, asserting the body is one.</summary>
    protected static async Task<string> OutcomeAsync(HttpResponseMessage response) =>
        (await ResourceAsync<OperationOutcome>(response)).Issue.Single().Diagnostics!;

    protected static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}

/// <summary>More of a record: an assessment (a QuestionnaireResponse) and a warning sign (a Flag).</summary>
public static class FhirRecordBuilder
{
    public static async Task AssessAsync(this WebApplicationFactory<Program> api, string userId)
    {
        using var scope = api.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Nervewise.Web.Assessment.AssessmentStore>();
        await store.SaveAsync(userId, Nervewise.Domain.Assessment.AssessmentInput.Parse("{\"pins-and-needles\":true}"));
    }

    public static async Task WarningSignAsync(this TestDatabase database, string userId, DateTimeOffset at)
    {
        await using var db = database.OpenContext();
        db.DiaryEntries.Add(new DiaryEntryRecord
        {
            Id = Guid.NewGuid(), UserId = userId, OccurredAt = at.ToUniversalTime(), Type = "symptom",
            Item = Nervewise.Domain.Diary.DiaryVocabulary.RedFlagSymptoms[0], Value = 1, Note = "", CreatedAt = at.ToUniversalTime(), UpdatedAt = at.ToUniversalTime(),
        });
        await db.SaveChangesAsync();
    }
}
