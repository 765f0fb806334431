using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Diary;
using Nervewise.Data.Export;
using Nervewise.Domain.Assessment;
using Nervewise.Documents.Fhir;
using Nervewise.Data.Identity;
using Nervewise.Domain.Diary;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise import DIARY.csv --user EMAIL` and `nervewise export --user EMAIL [-o FILE]`.</summary>
internal static class DiaryCommands
{
    public static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("DIARY.csv") { Description = "A diary file as shared/spec/diary-csv.md describes." };
        var user = UserOption();
        var database = new DatabaseOptions();
        var command = new Command("import", "Add a diary file to a person's record: all rows or none.") { file, user };
        database.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliInputException($"{path.Name}: no such file.");
            }
            try
            {
                // Checked whole first, one row at a time, before the database is opened.
                using var check = DiaryCsv.OpenReader(File.OpenRead(path.FullName));
                foreach (var _ in DiaryCsv.ReadEach(check))
                {
                }
            }
            catch (DiaryCsvException ex)
            {
                throw Refused(path, ex);
            }

            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await using var scope = opened.Services.CreateAsyncScope();
            var userId = await FindUserAsync(scope.ServiceProvider, parsed.GetValue(user)!);
            DiaryStore.ImportResult result;
            try
            {
                // Read again and stored in batches inside one transaction: all rows or none.
                using var reader = DiaryCsv.OpenReader(File.OpenRead(path.FullName));
                result = await scope.ServiceProvider.GetRequiredService<DiaryStore>().ImportAsync(userId, DiaryCsv.ReadEach(reader), cancellationToken);
            }
            catch (DiaryCsvException ex)
            {
                throw Refused(path, ex); // The file changed between the two reads.
            }
            catch (ImportConflictException)
            {
                throw new CliInputException($"{path.Name}: the same entries were being imported at the same time; nothing was imported. Run it again.");
            }
            await output.WriteLineAsync($"Imported {result.Added} new entries from {path.Name} ({result.Rows - result.Added} already there).");
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });
        return command;
    }

    /// <summary>An absolute http(s) address, given with or without its final slash; null if it is not one.</summary>
    private static Uri? FhirBaseOf(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            ? uri
            : null;

    private static Uri? Refuse(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--fhir-base must be an absolute http or https address such as https://clinic.example/fhir/, not '{result.Tokens.Single().Value}'.");
        return null;
    }

    private static CliInputException Refused(FileInfo path, DiaryCsvException ex) =>
        new(string.Join(Environment.NewLine + "nervewise: ", ex.Errors.Select(e => $"{path.Name}: {e}"))
            + Environment.NewLine + "nervewise: nothing was imported.");

    public static Command Export(TextWriter output, TextWriter error)
    {
        var user = UserOption();
        var to = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var format = new Option<string>("--format")
        {
            Description = "csv (the diary, shared/spec/diary-csv.md) or fhir (the whole record as a FHIR R4 Bundle).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "fhir");
        var fhirBase = new Option<Uri>("--fhir-base")
        {
            Description = "For fhir: the app's FHIR address (its public address + /fhir/), where the Bundle's URLs point.",
            DefaultValueFactory = _ => new Uri("http://localhost/fhir/"),
            CustomParser = result => FhirBaseOf(result.Tokens.Single().Value) ?? Refuse(result),
        };
        var database = new DatabaseOptions();
        var command = new Command("export", "Write a person's diary as CSV, or their whole record as FHIR.") { user, to, format, fhirBase };
        database.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await using var scope = opened.Services.CreateAsyncScope();
            var userId = await FindUserAsync(scope.ServiceProvider, parsed.GetValue(user)!);
            string text, summary;
            if (parsed.GetValue(format) == "fhir")
            {
                var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
                var now = TimeProvider.System.GetUtcNow();
                var record = await FhirRecord.LoadAsync(db, userId, now, cancellationToken);
                var bundle = FhirExport.ToBundle(record, now, parsed.GetValue(fhirBase)!);
                text = FhirJson.Serialize(bundle, pretty: true) + "\n";
                summary = $"Wrote a FHIR transaction Bundle of {bundle.Entry.Count} resources";
            }
            else
            {
                var entries = await scope.ServiceProvider.GetRequiredService<DiaryStore>().EntriesAsync(userId, cancellationToken);
                text = DiaryCsv.Write(entries);
                summary = $"Wrote {entries.Count} entries";
            }
            if (parsed.GetValue(to) is { } target)
            {
                // Written beside the target, then moved: a failed export never leaves half a file.
                var temporary = target.FullName + ".partial";
                await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
                File.Move(temporary, target.FullName, overwrite: true);
                await error.WriteLineAsync($"{summary} to {target.Name}.");
            }
            else
            {
                await output.WriteAsync(text);
            }
            return NervewiseCli.Ok;
        });
        return command;
    }

    private static Option<string> UserOption() => new("--user") { Description = "The person's email.", Required = true };

    private static async Task<string> FindUserAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<UserManager<NervewiseUser>>().FindByEmailAsync(email.Trim()))?.Id
            ?? throw new CliInputException($"--user: no account with the email '{email}'.");
}
