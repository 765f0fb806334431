using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;

namespace Nervewise.Cli.Tests.Commands;

public sealed class UsersAddTestsOnSqlite() : UsersAddTests(DatabaseProvider.Sqlite);

public sealed class UsersAddTestsOnPostgres() : UsersAddTests(DatabaseProvider.Postgres);

public abstract class UsersAddTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    // SQLite with no file yet, as on a new machine: the command makes and migrates it, and wrong input must not.
    public async Task InitializeAsync() => _database = provider == DatabaseProvider.Sqlite
        ? await TestDatabase.CreateEmptyAsync(provider)
        : await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<CliRun> Add(params string[] args) =>
        CliRun.Of(["users", "add", .. args,
            "--provider", _database.Settings.Provider.ToString().ToLowerInvariant(),
            "--connection", _database.Settings.ConnectionString]);

    [Fact]
    public async Task It_makes_a_clinician_whose_printed_password_works_once()
    {
        var run = await Add("physio@example.com", "--role", "clinician");

        Assert.Equal(0, run.ExitCode);
        var password = run.Output.Split('\n').Single(l => l.StartsWith("One-time password: ", StringComparison.Ordinal))["One-time password: ".Length..].Trim();
        await using var services = _database.OpenServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        var user = await users.FindByEmailAsync("physio@example.com");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.True(user.MustChangePassword);
        // An administrator vouched for the address: the account can sign in without a confirmation link.
        Assert.True(user.EmailConfirmed);
        Assert.Equal([Roles.Clinician], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task It_makes_a_patient_and_says_which_database_it_used()
    {
        var run = await Add("ada@example.com", "--role", "patient");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Created patient account for ada@example.com.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Database: {_database.Settings.Describe()}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_brings_the_schema_up_to_date()
    {
        var run = await CliRun.Of("db", "migrate",
            "--provider", _database.Settings.Provider.ToString().ToLowerInvariant(), "--connection", _database.Settings.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The database schema is up to date.", run.Output, StringComparison.Ordinal);
        await using var db = _database.OpenContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused_and_changes_nothing()
    {
        await Add("ada@example.com", "--role", "patient");

        var run = await Add("ada@example.com", "--role", "clinician");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EMAIL 'ada@example.com': an account with this email already exists.", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        await using var db = _database.OpenContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(1, await db.UserRoles.CountAsync());
    }

    [Fact]
    public async Task A_clinician_gets_the_name_and_profession_line_given()
    {
        var run = await Add("alex@example.com", "--role", "clinician", "--name", "  Alex   Kim ", "--profession", "Physiotherapist, Leeds Sports Clinic");

        Assert.Equal(0, run.ExitCode);
        await using var db = _database.OpenContext();
        var user = await db.Users.SingleAsync();
        Assert.Equal("Alex Kim", user.DisplayName);
        Assert.Equal("Physiotherapist, Leeds Sports Clinic", user.Profession);
    }

    [Fact]
    public async Task Without_a_name_the_account_has_none_until_its_owner_sets_one()
    {
        var run = await Add("ada@example.com", "--role", "patient");

        Assert.Equal(0, run.ExitCode);
        await using var db = _database.OpenContext();
        Assert.Null((await db.Users.SingleAsync()).DisplayName);
    }

    [Theory]
    [InlineData("--name", "   ", "--name is required.")]
    [InlineData("--profession", "Physiotherapist", "--profession is only for clinician accounts (--role clinician).")]
    public async Task A_bad_name_or_profession_exits_2_naming_the_option_and_writes_nothing(string option, string value, string message)
    {
        var run = await Add("ada@example.com", "--role", "patient", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        if (_database.Settings.SqliteFile is { } file)
        {
            Assert.False(File.Exists(file), "Wrong input must not even create the database file.");
        }
        else
        {
            await using var db = _database.OpenContext();
            Assert.Equal(0, await db.Users.CountAsync());
        }
    }

    [Fact]
    public async Task A_profession_line_over_100_characters_is_refused()
    {
        var run = await Add("alex@example.com", "--role", "clinician", "--profession", new string('p', 101));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--profession must be at most 100 characters.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email", "--role", "patient", "EMAIL 'not-an-email' is not an email address.")]
    [InlineData("a@b", "--role", "patient", "EMAIL 'a@b' is not an email address.")]
    [InlineData("<svg onload=alert(1)>@x.example", "--role", "patient", "EMAIL '<svg onload=alert(1)>@x.example' is not an email address.")]
    [InlineData("ada@example.com", "--role", "admin", "'admin'")]
    public async Task Wrong_input_exits_2_naming_what_is_wrong_and_writes_nothing(string email, string option, string value, string message)
    {
        var run = await Add(email, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        if (_database.Settings.SqliteFile is { } file)
        {
            Assert.False(File.Exists(file), "Wrong input must not even create the database file.");
        }
        else
        {
            await using var db = _database.OpenContext();
            Assert.Equal(0, await db.Users.CountAsync());
        }
    }
}

public class UsersAddInputTests
{
    [Fact]
    public async Task A_missing_role_exits_2()
    {
        var run = await CliRun.Of("users", "add", "ada@example.com");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--role", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_exits_2_and_names_it()
    {
        var run = await CliRun.Of("users", "add", "ada@example.com", "--role", "patient", "--provider", "mysql");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown database provider 'mysql'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_out_of_reach_exits_1_without_showing_the_password()
    {
        var run = await CliRun.Of("users", "add", "ada@example.com", "--role", "patient",
            "--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=nw;Username=nw;Password=hunter2;Timeout=3");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not open the database (PostgreSQL Host=127.0.0.1;Port=1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
    }
}
