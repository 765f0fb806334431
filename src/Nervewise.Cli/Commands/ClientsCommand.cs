using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data.Smart;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Nervewise.Cli.Commands;

/// <summary>
/// `nervewise clients add NAME --redirect-uri URI [--confidential]`, `clients list`, `clients remove CLIENT_ID`:
/// how a clinic registers the apps (SMART on FHIR clients) that may ask people for access to the FHIR API.
/// </summary>
internal static class ClientsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("clients", "Manage the apps that may ask people to read their record through the FHIR API.")
        {
            Add(output, error),
            List(output, error),
            Remove(output, error),
        };

    private static Command Add(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("NAME") { Description = "The app's name, shown to people when it asks for access." };
        var redirect = new Option<string>("--redirect-uri")
        {
            Description = "Where the app receives the sign-in result, e.g. https://app.example/callback.",
            Required = true,
        };
        var confidential = new Option<bool>("--confidential")
        {
            Description = "The app runs on a server that can keep a secret: it gets a client secret too.",
        };
        var database = new DatabaseOptions();
        var command = new Command("add", "Register an app and print its client id (and its secret, once).") { name, redirect, confidential };
        database.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (appName, uri) = (parsed.GetValue(name), parsed.GetValue(redirect));
            // Checked before the database is opened, so wrong input changes nothing.
            if (SmartApps.Problem(appName, uri) is { } problem)
            {
                throw new CliInputException(problem);
            }
            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await using var scope = opened.Services.CreateAsyncScope();
            var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var added = await SmartApps.AddAsync(apps, appName!, uri!, parsed.GetValue(confidential), cancellationToken);
            await output.WriteLineAsync($"Registered {(added.Secret is null ? "public" : "confidential")} app '{appName!.Trim()}'.");
            await output.WriteLineAsync($"Client id: {added.ClientId}");
            if (added.Secret is { } secret)
            {
                await output.WriteLineAsync($"Client secret: {secret}");
                await output.WriteLineAsync(
                    "This secret is shown only now and cannot be shown again. Give it to the app's makers privately; " +
                    "if it is lost, remove the app and register it again.");
            }
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var database = new DatabaseOptions();
        var command = new Command("list", "List the registered apps: client id, kind, name and redirect addresses.");
        database.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await using var scope = opened.Services.CreateAsyncScope();
            var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var count = 0;
            await foreach (var app in apps.ListAsync(cancellationToken: cancellationToken))
            {
                var kind = await apps.GetClientTypeAsync(app, cancellationToken) == ClientTypes.Confidential ? "confidential" : "public";
                var uris = await apps.GetRedirectUrisAsync(app, cancellationToken);
                await output.WriteLineAsync(
                    $"{await apps.GetClientIdAsync(app, cancellationToken)}  {kind}  {await apps.GetDisplayNameAsync(app, cancellationToken)}  {string.Join(' ', uris)}");
                count++;
            }
            if (count == 0)
            {
                await output.WriteLineAsync("No apps are registered. Add one with 'nervewise clients add NAME --redirect-uri URI'.");
            }
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });
        return command;
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var clientId = new Argument<string>("CLIENT_ID") { Description = "The id 'clients add' printed, e.g. nw-0123456789abcdef." };
        var database = new DatabaseOptions();
        var command = new Command("remove", "Remove an app: every approval people gave it and every token it holds stop at once.") { clientId };
        database.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var id = parsed.GetValue(clientId)!.Trim();
            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            await using var scope = opened.Services.CreateAsyncScope();
            var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var app = await apps.FindByClientIdAsync(id, cancellationToken)
                ?? throw new CliInputException($"CLIENT_ID '{id}': no app with this id. 'nervewise clients list' shows them.");
            var appName = await apps.GetDisplayNameAsync(app, cancellationToken);
            // OpenIddict's store deletes the app's approvals and tokens with it, in one transaction.
            await apps.DeleteAsync(app, cancellationToken);
            await output.WriteLineAsync($"Removed app '{appName}' ({id}). Its approvals and tokens no longer work.");
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });
        return command;
    }
}
