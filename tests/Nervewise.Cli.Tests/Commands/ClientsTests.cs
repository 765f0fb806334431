using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Testing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Cli.Tests.Commands;

public sealed class ClientsTestsOnSqlite() : ClientsTests(DatabaseProvider.Sqlite);

public sealed class ClientsTestsOnPostgres() : ClientsTests(DatabaseProvider.Postgres);

/// <summary>`nervewise clients add/list/remove`: the apps that may ask people for access to the FHIR API.</summary>
public abstract class ClientsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliRun> Clients(params string[] args) =>
        CliRun.Of(["clients", .. args,
            "--provider", _database.Settings.Provider.ToString().ToLowerInvariant(),
            "--connection", _database.Settings.ConnectionString]);

    private static string Line(CliRun run, string start) =>
        run.Output.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal))[start.Length..].Trim();

    /// <summary>OpenIddict's managers over the test database, outside the tool, to arrange and check.</summary>
    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(_database.Settings).AddNervewiseData();
        services.AddNervewiseOpenIddictCore();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private Task<T> WithAppsAsync<T>(Func<IOpenIddictApplicationManager, Task<T>> act) =>
        WithServicesAsync(services => act(services.GetRequiredService<IOpenIddictApplicationManager>()));

    [Fact]
    public async Task Add_registers_a_public_app_with_pkce_and_prints_its_id_without_a_secret()
    {
        var run = await Clients("add", "Pain Tracker", "--redirect-uri", "https://tracker.example/callback");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Registered public app 'Pain Tracker'.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Output, StringComparison.OrdinalIgnoreCase);
        var clientId = Line(run, "Client id: ");
        await WithAppsAsync(async apps =>
        {
            var app = await apps.FindByClientIdAsync(clientId);
            Assert.NotNull(app);
            Assert.Equal("Pain Tracker", await apps.GetDisplayNameAsync(app));
            Assert.Equal(ClientTypes.Public, await apps.GetClientTypeAsync(app));
            Assert.Equal("https://tracker.example/callback", Assert.Single(await apps.GetRedirectUrisAsync(app)));
            Assert.True(await apps.HasRequirementAsync(app, Requirements.Features.ProofKeyForCodeExchange));
            return true;
        });
    }

    [Fact]
    public async Task Add_confidential_prints_a_secret_once_that_the_server_accepts()
    {
        var run = await Clients("add", "Clinic EHR", "--redirect-uri", "https://ehr.example/smart/callback", "--confidential");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("This secret is shown only now", run.Output, StringComparison.Ordinal);
        var (clientId, secret) = (Line(run, "Client id: "), Line(run, "Client secret: "));
        Assert.True(await WithAppsAsync(async apps =>
        {
            var app = await apps.FindByClientIdAsync(clientId);
            Assert.Equal(ClientTypes.Confidential, await apps.GetClientTypeAsync(app!));
            return await apps.ValidateClientSecretAsync(app!, secret) && !await apps.ValidateClientSecretAsync(app!, secret + "x");
        }));
    }

    [Theory]
    [InlineData("", "https://a.example/cb", "NAME: give the app a name.")]
    [InlineData("App", "not an address", "--redirect-uri: give an absolute http or https address")]
    [InlineData("App", "http://a.example/cb", "--redirect-uri: plain http is allowed only on this machine")]
    [InlineData("App", "https://a.example/cb#x", "--redirect-uri: the address may not have a #fragment.")]
    public async Task Add_refuses_bad_input_naming_the_argument_and_registers_nothing(string name, string uri, string message)
    {
        var run = await Clients("add", name, "--redirect-uri", uri);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(0, await WithAppsAsync(async apps => await apps.CountAsync()));
    }

    [Fact]
    public async Task Add_without_a_redirect_uri_is_refused()
    {
        var run = await Clients("add", "App");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--redirect-uri", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_each_app_and_remove_deletes_it_with_its_approvals()
    {
        Assert.Contains("No apps are registered.", (await Clients("list")).Output, StringComparison.Ordinal);
        var clientId = Line(await Clients("add", "Pain Tracker", "--redirect-uri", "http://localhost:5555/cb"), "Client id: ");
        var approval = await WithServicesAsync(async services =>
        {
            var apps = services.GetRequiredService<IOpenIddictApplicationManager>();
            var app = await apps.FindByClientIdAsync(clientId);
            var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
            var made = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
            {
                ApplicationId = await apps.GetIdAsync(app!),
                Subject = "someone",
                Status = Statuses.Valid,
                Type = AuthorizationTypes.Permanent,
            });
            return await authorizations.GetIdAsync(made);
        });

        var list = await Clients("list");
        Assert.Contains($"{clientId}  public  Pain Tracker  http://localhost:5555/cb", list.Output, StringComparison.Ordinal);

        var removed = await Clients("remove", clientId);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains($"Removed app 'Pain Tracker' ({clientId}).", removed.Output, StringComparison.Ordinal);
        Assert.Contains("No apps are registered.", (await Clients("list")).Output, StringComparison.Ordinal);
        Assert.Null(await WithServicesAsync(services =>
            services.GetRequiredService<IOpenIddictAuthorizationManager>().FindByIdAsync(approval!).AsTask()));
    }

    [Fact]
    public async Task Remove_names_an_unknown_client_id()
    {
        var run = await Clients("remove", "nw-nothing");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("CLIENT_ID 'nw-nothing': no app with this id.", run.Error, StringComparison.Ordinal);
    }
}
