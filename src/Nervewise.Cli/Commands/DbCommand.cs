using System.CommandLine;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise db migrate`: bring the schema up to date before starting web instances that don't.</summary>
internal static class DbCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new DatabaseOptions();
        var migrate = new Command("migrate", "Create the database or bring its schema up to date, then exit.");
        database.AddTo(migrate);
        migrate.SetAction(async (parsed, cancellationToken) =>
        {
            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await output.WriteLineAsync("The database schema is up to date.");
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });
        return new Command("db", "Look after the web app's database.") { migrate };
    }
}
