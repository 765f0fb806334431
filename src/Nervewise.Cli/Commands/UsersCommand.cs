using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nervewise.Data;
using Nervewise.Data.Identity;
using Nervewise.Domain.People;

namespace Nervewise.Cli.Commands;

/// <summary>`nervewise users add EMAIL --role patient|clinician [--name NAME] [--profession LINE]`: how clinic administrators make accounts.</summary>
internal static class UsersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var email = new Argument<string>("EMAIL") { Description = "The new account's email address." };
        var role = new Option<string>("--role")
        {
            Description = "The kind of account.",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var name = new Option<string?>("--name")
        {
            Description = "What the account is called on every page, e.g. \"Alex Kim\". Without it, the part of the email before the @ until they set one.",
        };
        var profession = new Option<string?>("--profession")
        {
            Description = "A clinician's profession line shown to the people who share with them, e.g. \"Physiotherapist, Leeds Sports Clinic\".",
        };
        var database = new DatabaseOptions();

        var add = new Command("add", "Create an account and print a one-time password.") { email, role, name, profession };
        database.AddTo(add);
        add.SetAction(async (parsed, cancellationToken) =>
        {
            var address = parsed.GetValue(email)!.Trim();
            if (EmailRule.Check(address) is not null)
            {
                throw new CliInputException($"EMAIL '{address}' is not an email address.");
            }
            var details = Details(parsed.GetValue(name), parsed.GetValue(profession), parsed.GetValue(role)!);

            await using var opened = await database.OpenAsync(parsed, cancellationToken);
            var password = OneTimePassword();
            var created = await AddUserAsync(opened.Services, address, parsed.GetValue(role)!, password, details);
            await output.WriteLineAsync($"Created {created} account for {address}.");
            await output.WriteLineAsync($"One-time password: {password}");
            await output.WriteLineAsync(
                $"Give it to them privately. It works for {AccountRules.OneTimePasswordLifetime.TotalHours:0} hours, " +
                "and they must choose their own password when they first sign in.");
            await opened.DescribeAsync(output, error);
            return NervewiseCli.Ok;
        });

        return new Command("users", "Manage accounts in the web app's database.") { add };
    }

    /// <summary>Checks --name and --profession before anything is opened, with the same limits as the account page.</summary>
    private static (string? Name, string? Profession) Details(string? name, string? profession, string role)
    {
        var (tidyName, nameProblem) = name is null ? (null, null) : PersonName.Read(name, required: true);
        if (nameProblem is not null)
        {
            throw new CliInputException($"--name {nameProblem}.");
        }
        if (profession is not null && role != Roles.Clinician)
        {
            throw new CliInputException("--profession is only for clinician accounts (--role clinician).");
        }
        var (line, professionProblem) = profession is null ? (null, null) : PersonName.Read(profession, required: true);
        if (professionProblem is not null)
        {
            throw new CliInputException($"--profession {professionProblem}.");
        }
        return (tidyName, line);
    }

    private static async Task<string> AddUserAsync(
        IServiceProvider services, string address, string role, string password, (string? Name, string? Profession) details)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NervewiseUser>>();
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw new CliInputException($"EMAIL '{address}': an account with this email already exists.");
        }

        var user = new NervewiseUser
        {
            UserName = address,
            Email = address,
            MustChangePassword = true,
            // An administrator vouched for the address; the one-time password reaches them by hand, not by mail.
            EmailConfirmed = true,
            DisplayName = details.Name,
            Profession = details.Profession,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
        // The account and its role land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new CliInputException($"EMAIL '{address}': {DatabaseInitializer.Describe(created)}");
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(DatabaseInitializer.Describe(added));
        }
        await transaction.CommitAsync();
        return role;
    }

    // 16 letters and digits without look-alikes (0/O, 1/l/I), in groups of four: easy to read out, ~80 bits.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    internal static string OneTimePassword()
    {
        Span<char> chars = stackalloc char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }
}
