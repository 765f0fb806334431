using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nervewise.Data;
using Nervewise.Documents.Fhir;
using Nervewise.Testing;
using Nervewise.Web.Smart;
using Nervewise.Web.Tests.Pages.Clinic;
using Nervewise.Web.Tests.Support;
using OpenIddict.Abstractions;

namespace Nervewise.Web.Tests.Smart;

public sealed class SmartTokenMatrixTestsOnSqlite() : SmartTokenMatrixTests(DatabaseProvider.Sqlite);

public sealed class SmartTokenMatrixTestsOnPostgres() : SmartTokenMatrixTests(DatabaseProvider.Postgres);

/// <summary>
/// The authorisation matrix with REAL tokens (from the SMART sign-in) on the FHIR API.
/// </summary>
public abstract class SmartTokenMatrixTests(DatabaseProvider provider) : AppTest(provider)
{
    private const string UserScopes = "user/*.rs openid fhirUser";

    private async Task<HttpStatusCode> ReadAsync(string token, string url, WebApplicationFactory<Program>? on = null)
    {
        using var client = (on ?? App).CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url).WithToken(token));
        if (response.StatusCode == HttpStatusCode.OK && url.StartsWith("/fhir/Observation?", StringComparison.Ordinal))
        {
            var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        }
        return response.StatusCode;
    }

    private async Task<(HttpClient Person, string PatientId)> PersonAsync(string email)
    {
        var person = App.Browser();
        await person.RegisterAsync(email);
        return (person, FhirExport.PatientId(await Database.IdOfAsync(email)));
    }

    [Fact]
    public async Task A_persons_token_reads_their_own_record_and_no_one_elses()
    {
        var added = await App.RegisterAppAsync();
        var (ada, adaPatient) = await PersonAsync("ada@example.com");
        var (_, bobPatient) = await PersonAsync("bob@example.com");
        var token = (await ada.LaunchAsync(added.ClientId, "launch/patient patient/*.rs")).GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Patient/{adaPatient}"));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Observation?patient={adaPatient}"));
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Patient/{bobPatient}"));
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Observation?patient={bobPatient}"));
    }

    [Fact]
    public async Task A_clinicians_token_reads_a_person_who_shares_not_one_who_does_not_and_stops_when_the_share_stops()
    {
        var added = await App.RegisterAppAsync("Clinic System");
        var clinician = await ClinicianAsync("physio@example.com");
        var ada = await App.ShareAsync(clinician, "ada@example.com");
        var adaPatient = FhirExport.PatientId(await Database.IdOfAsync("ada@example.com"));
        var (_, bobPatient) = await PersonAsync("bob@example.com");
        var token = (await clinician.LaunchAsync(added.ClientId, UserScopes)).GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Patient/{adaPatient}"));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Observation?patient={adaPatient}"));
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Patient/{bobPatient}"));
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Observation?patient={bobPatient}"));

        await using (var db = Database.OpenContext())
        {
            var share = await db.Shares.SingleAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await ada.SubmitAsync($"/sharing?handler=RevokeShare&id={share.Id}", new Dictionary<string, string>())).StatusCode);
        }
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Patient/{adaPatient}"));
        Assert.NotEqual(HttpStatusCode.OK, await ReadAsync(token, $"/fhir/Observation?patient={adaPatient}"));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var added = await App.RegisterAppAsync();
        var (ada, adaPatient) = await PersonAsync("ada@example.com");
        var token = (await ada.LaunchAsync(added.ClientId, "patient/*.rs")).GetProperty("access_token").GetString()!;
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));
        await using var afterAnHour = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(later)));

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(token, $"/fhir/Patient/{adaPatient}", afterAnHour));
    }

    [Fact]
    public async Task A_revoked_token_and_a_revoked_approval_are_refused_at_once()
    {
        var added = await App.RegisterAppAsync();
        var (ada, adaPatient) = await PersonAsync("ada@example.com");
        var revoked = (await ada.LaunchAsync(added.ClientId, "patient/*.rs")).GetProperty("access_token").GetString()!;
        using var revoke = await ada.PostAsync(SmartServer.RevokePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = revoked,
            ["client_id"] = added.ClientId,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(revoked, $"/fhir/Patient/{adaPatient}"));

        var approved = (await ada.LaunchAsync(added.ClientId, "patient/*.rs")).GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(approved, $"/fhir/Patient/{adaPatient}"));
        await RevokeApprovalsAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(approved, $"/fhir/Patient/{adaPatient}"));
    }

    /// <summary>Stops every approval as the account page's "Stop access" does (authorization only: its tokens must stop with it).</summary>
    private async Task RevokeApprovalsAsync()
    {
        await using var db = Database.OpenContext();
        var ids = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().Select(a => a.Id!).ToListAsync();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            using var scope = App.Services.CreateScope();
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            Assert.True(await authorizations.TryRevokeAsync((await authorizations.FindByIdAsync(id))!));
        }
    }

    /// <summary>Revocation and expiry, seen through the FHIR API's own authentication (no /fhir endpoint needed).</summary>
    [Fact]
    public async Task Revoked_and_expired_tokens_fail_the_fhir_apis_authentication_and_a_revoked_approval_stops_refreshing()
    {
        var added = await App.RegisterAppAsync();
        var (ada, _) = await PersonAsync("ada@example.com");
        await using var probe = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, CallerProbe>()));
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));
        await using var laterProbe = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IStartupFilter, CallerProbe>();
            s.AddSingleton<TimeProvider>(later);
        }));

        var first = await ada.LaunchAsync(added.ClientId, "patient/*.rs offline_access");
        var access = first.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(access, CallerProbe.Path, probe));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(access, CallerProbe.Path, laterProbe));

        using (var revoke = await ada.PostAsync(SmartServer.RevokePath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = access,
            ["client_id"] = added.ClientId,
        })))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(access, CallerProbe.Path, probe));

        var (refreshed, body) = await ada.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
            ["client_id"] = added.ClientId,
        });
        Assert.Equal(HttpStatusCode.OK, refreshed);
        var second = body.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(second, CallerProbe.Path, probe));

        await RevokeApprovalsAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(second, CallerProbe.Path, probe));
        var (again, _) = await ada.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = body.GetProperty("refresh_token").GetString()!,
            ["client_id"] = added.ClientId,
        });
        Assert.Equal(HttpStatusCode.BadRequest, again);
    }
}
