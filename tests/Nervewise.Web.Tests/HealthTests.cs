using System.Net;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests;

public sealed class HealthTestsOnSqlite() : HealthTests(DatabaseProvider.Sqlite);

public sealed class HealthTestsOnPostgres() : HealthTests(DatabaseProvider.Postgres);

public abstract class HealthTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task Health_is_200_while_the_database_answers()
    {
        var response = await App.Browser().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_gone()
    {
        var client = App.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await Database.BreakAsync();

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
