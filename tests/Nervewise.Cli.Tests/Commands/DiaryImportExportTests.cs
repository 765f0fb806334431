using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Testing;

namespace Nervewise.Cli.Tests.Commands;

public sealed class DiaryImportExportTestsOnSqlite() : DiaryImportExportTests(DatabaseProvider.Sqlite);

public sealed class DiaryImportExportTestsOnPostgres() : DiaryImportExportTests(DatabaseProvider.Postgres);

public abstract class DiaryImportExportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Diary =
        "time,type,item,value,duration_minutes,note\r\n" +
        "2026-03-01T09:00:00+01:00,activity,sitting,,480,\"desk day, long meetings\"\r\n" +
        "2026-03-01T21:30:00+01:00,flare,calf,7,45,\"worse lying down, said \"\"ouch\"\"\"\r\n" +
        "2026-03-02T07:00:00-05:00,sleep,night,6.5,,\r\n" +
        "2026-03-02T08:00:00-05:00,checkin,stress,3,,\r\n" +
        "2026-03-02T14:00:00+00:00,relief,heat,-2,20,\r\n";

    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("nervewise-diary-").FullName;
        await CliRun.Of(["db", "migrate", .. Connection()]);
        await using var services = _database.OpenServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        foreach (var email in new[] { "ada@example.com", "kai@example.com" })
        {
            await users.CreateAsync(new NervewiseUser { UserName = email, Email = email }, "long enough phrase");
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Connection() =>
        ["--provider", _database.Settings.Provider.ToString().ToLowerInvariant(), "--connection", _database.Settings.ConnectionString];

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_file_with_bytes_that_are_not_utf8_is_refused_naming_the_line_and_nothing_is_imported()
    {
        var path = Path.Combine(_folder, "latin1.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(Diary + "2026-03-03T08:00:00+00:00,pain,calf,3,,caf"), 0xE9, (byte)'\r', (byte)'\n']);

        var refused = await CliRun.Of(["import", path, "--user", "ada@example.com", .. Connection()]);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("latin1.csv: line 7, column note: has bytes that are not UTF-8", refused.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", refused.Error, StringComparison.Ordinal);
        await using var db = _database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }

    [Fact]
    public async Task Formula_notes_are_exported_with_an_apostrophe_and_import_back_the_same()
    {
        const string formulas =
            "time,type,item,value,duration_minutes,note\r\n" +
            "2026-03-01T08:00:00+01:00,pain,calf,1,,'=HYPERLINK(1)\r\n" +
            "2026-03-01T09:00:00+01:00,pain,calf,2,,''=x\r\n" +
            "2026-03-01T10:00:00+01:00,pain,calf,3,,'-5 today\r\n" +
            "2026-03-01T11:00:00+01:00,pain,calf,4,,'quoted'\r\n";
        Assert.Equal(0, (await CliRun.Of(["import", Write("formulas.csv", formulas), "--user", "ada@example.com", .. Connection()])).ExitCode);

        await using (var db = _database.OpenContext())
        {
            Assert.Equal(["=HYPERLINK(1)", "'=x", "-5 today", "'quoted'"], await db.DiaryEntries.OrderBy(e => e.Value).Select(e => e.Note).ToListAsync());
        }
        var exported = await CliRun.Of(["export", "--user", "ada@example.com", .. Connection()]);
        Assert.Equal(formulas, exported.Output);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_account_gives_back_the_same_rows()
    {
        var imported = await CliRun.Of(["import", Write("diary.csv", Diary), "--user", "ada@example.com", .. Connection()]);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Imported 5 new entries", imported.Output, StringComparison.Ordinal);

        var exported = await CliRun.Of(["export", "--user", "ada@example.com", .. Connection()]);
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(Diary, exported.Output);

        var file = Path.Combine(_folder, "copy.csv");
        Assert.Equal(0, (await CliRun.Of(["export", "--user", "ada@example.com", "-o", file, .. Connection()])).ExitCode);
        Assert.Equal(0, (await CliRun.Of(["import", file, "--user", "kai@example.com", .. Connection()])).ExitCode);
        var again = await CliRun.Of(["export", "--user", "kai@example.com", .. Connection()]);
        Assert.Equal(Diary, again.Output);
    }

    [Fact]
    public async Task Export_as_fhir_writes_a_transaction_bundle_with_every_diary_row_at_the_given_fhir_base()
    {
        await CliRun.Of(["import", Write("diary.csv", Diary), "--user", "ada@example.com", .. Connection()]);
        var file = Path.Combine(_folder, "record.json");

        var exported = await CliRun.Of(["export", "--user", "ada@example.com", "--format", "fhir", "--fhir-base", "https://clinic.example/fhir", "-o", file, .. Connection()]);

        Assert.Equal(0, exported.ExitCode);
        var bundle = Nervewise.Documents.Fhir.FhirJson.Parse<Hl7.Fhir.Model.Bundle>(File.ReadAllText(file));
        Assert.Equal(Hl7.Fhir.Model.Bundle.BundleType.Transaction, bundle.Type);
        Assert.All(bundle.Entry, e => Assert.StartsWith("https://clinic.example/fhir/", e.FullUrl, StringComparison.Ordinal));
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        Assert.Single(resources.OfType<Hl7.Fhir.Model.Patient>());
        Assert.Equal(5, resources.OfType<Hl7.Fhir.Model.Observation>().Count()); // every row: activity, flare, sleep, check-in, relief
        Assert.Single(resources.OfType<Hl7.Fhir.Model.CarePlan>()); // no exercises logged yet: the settle stage
        Assert.Contains("Wrote a FHIR transaction Bundle of 7 resources", exported.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_refuses_a_fhir_base_that_is_not_an_http_address()
    {
        var exported = await CliRun.Of(["export", "--user", "ada@example.com", "--format", "fhir", "--fhir-base", "clinic/fhir", .. Connection()]);

        Assert.Equal(2, exported.ExitCode);
        Assert.Contains("--fhir-base must be an absolute http or https address", exported.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_as_fhir_names_the_patient_given_with_users_add()
    {
        Assert.Equal(0, (await CliRun.Of(["users", "add", "named@example.com", "--role", "patient", "--name", "Nia Named", .. Connection()])).ExitCode);
        var file = Path.Combine(_folder, "named.json");

        Assert.Equal(0, (await CliRun.Of(["export", "--user", "named@example.com", "--format", "fhir", "-o", file, .. Connection()])).ExitCode);

        using var bundle = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var patient = bundle.RootElement.GetProperty("entry")[0].GetProperty("resource");
        Assert.Equal("Patient", patient.GetProperty("resourceType").GetString());
        Assert.Equal("Nia Named", patient.GetProperty("name")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Export_as_fhir_flags_warning_signs_until_a_checked_row()
    {
        const string Header = "time,type,item,value,duration_minutes,note\r\n";
        await CliRun.Of(["import", Write("flag.csv", Header + "2026-03-03T10:00:00+00:00,symptom,foot-drop,1,,\r\n"), "--user", "ada@example.com", .. Connection()]);
        var file = Path.Combine(_folder, "record.json");

        Assert.Equal(0, (await CliRun.Of(["export", "--user", "ada@example.com", "--format", "fhir", "-o", file, .. Connection()])).ExitCode);
        var flag = Assert.Single(Nervewise.Documents.Fhir.FhirJson.Parse<Hl7.Fhir.Model.Bundle>(File.ReadAllText(file))
            .Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Flag>());
        Assert.Equal("urgency-today", flag.Code.Coding[0].Code);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), flag.Period!.StartElement!.ToDateTimeOffset(TimeSpan.Zero));

        await CliRun.Of(["import", Write("checked.csv", Header + "2026-03-05T10:00:00+00:00,checked,red-flags,,,\r\n"), "--user", "ada@example.com", .. Connection()]);
        Assert.Equal(0, (await CliRun.Of(["export", "--user", "ada@example.com", "--format", "fhir", "-o", file, .. Connection()])).ExitCode);
        var resources = Nervewise.Documents.Fhir.FhirJson.Parse<Hl7.Fhir.Model.Bundle>(File.ReadAllText(file)).Entry.Select(e => e.Resource).ToList();
        Assert.Empty(resources.OfType<Hl7.Fhir.Model.Flag>());
        Assert.Equal(2, resources.OfType<Hl7.Fhir.Model.Observation>().Count()); // the warning sign and the check
    }

    [Fact]
    public async Task An_unknown_export_format_is_wrong_input()
    {
        var result = await CliRun.Of(["export", "--user", "ada@example.com", "--format", "xml", .. Connection()]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_the_second_time()
    {
        var path = Write("diary.csv", Diary);
        await CliRun.Of(["import", path, "--user", "ada@example.com", .. Connection()]);

        var second = await CliRun.Of(["import", path, "--user", "ada@example.com", .. Connection()]);

        Assert.Contains("Imported 0 new entries", second.Output, StringComparison.Ordinal);
        await using var db = _database.OpenContext();
        Assert.Equal(5, await db.DiaryEntries.CountAsync());
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z,flare,foot,9,20160,", "bad.csv: line 7, column time")]
    [InlineData("2026-03-03T08:00:00+01:00,pain,calf,5,,a\u0000b", "bad.csv: line 7, column note")]
    [InlineData("2026-03-03T08:00:00+01:00,pain,calf,5,,\"never closed", "bad.csv: line 7, column note")]
    [InlineData("\u00ff\u00fe\u0000\u0001binary", "bad.csv: line 7")]
    public async Task A_hostile_row_fails_the_whole_import_with_a_clear_message(string row, string expected)
    {
        var run = await CliRun.Of(["import", Write("bad.csv", Diary + row + "\r\n"), "--user", "ada@example.com", .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        await using var db = _database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }

    [Fact]
    public async Task A_bad_row_fails_the_whole_import_naming_line_and_column()
    {
        var bad = Diary + "2026-03-03T08:00:00+01:00,pain,calf,11,,\r\n";

        var run = await CliRun.Of(["import", Write("bad.csv", bad), "--user", "ada@example.com", .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv: line 7, column value", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        await using var db = _database.OpenContext();
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }

    [Fact]
    public async Task An_unknown_user_is_wrong_input()
    {
        var run = await CliRun.Of(["import", Write("diary.csv", Diary), "--user", "nobody@example.com", .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--user: no account with the email 'nobody@example.com'", run.Error, StringComparison.Ordinal);
    }
}
