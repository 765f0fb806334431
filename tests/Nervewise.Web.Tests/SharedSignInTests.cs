using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests;

/// <summary>Several stateless web instances behind one load balancer, sharing one PostgreSQL database.</summary>
public sealed class SharedSignInTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another()
    {
        await using var first = new NervewiseApp(_database.Settings);
        await using var second = new NervewiseApp(_database.Settings);
        // Both instances are up and have served a form before anyone signs in.
        Assert.Equal(HttpStatusCode.OK, (await first.Browser().GetAsync("/account/register")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser().GetAsync("/account/sign-in")).StatusCode);

        var onFirst = first.Browser();
        var registered = await onFirst.RegisterAsync("ada@example.com");
        var cookie = registered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nervewise=", StringComparison.Ordinal));

        var onSecond = second.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var response = await onSecond.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ada@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // In one test process both instances could also share a key folder on disk; prove the keys live in the database.
        Assert.IsType<EntityFrameworkCoreXmlRepository<NervewiseDbContext>>(
            second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        await using var db = _database.OpenContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
