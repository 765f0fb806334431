using System.Net;
using Microsoft.EntityFrameworkCore;
using Nervewise.Data;
using Nervewise.Testing;

namespace Nervewise.Web.Tests.Smart;

public sealed class OpenIddictRequestTestsOnSqlite() : OpenIddictRequestTests(DatabaseProvider.Sqlite);

public sealed class OpenIddictRequestTestsOnPostgres() : OpenIddictRequestTests(DatabaseProvider.Postgres);

/// <summary>OpenIddict's handlers see only the requests that can concern them (ADR 0025).</summary>
public abstract class OpenIddictRequestTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_instance_makes_the_server_keys_at_the_first_request_for_OpenIddict_and_not_before()
    {
        await using var app = new NervewiseApp(_database.Settings);
        var client = app.Browser();

        // Neither the health check nor a page builds OpenIddict's options, which would read or make the server keys.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        Assert.Empty(await ServerKeyPurposesAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/.well-known/openid-configuration")).StatusCode);
        Assert.Equal(["encryption", "signing"], await ServerKeyPurposesAsync());
    }

    private async Task<List<string>> ServerKeyPurposesAsync()
    {
        await using var db = _database.OpenContext();
        return await db.ServerKeys.OrderBy(k => k.Purpose).Select(k => k.Purpose).ToListAsync();
    }
}
