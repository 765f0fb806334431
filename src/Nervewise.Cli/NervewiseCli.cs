using System.CommandLine;
using Nervewise.Cli.Commands;

namespace Nervewise.Cli;

/// <summary>The `nervewise` tool. Exit codes follow shared/spec/cli.md: 0 done, 2 wrong input, 1 anything else.</summary>
public static class NervewiseCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Nervewise: understand and manage posterior thigh pain from the terminal.")
        {
            AssessCommand.Create(output),
            UsersCommand.Create(output, error),
            ClientsCommand.Create(output, error),
            DbCommand.Create(output, error),
            DiaryCommands.Import(output, error),
            DiaryCommands.Export(output, error),
            TriggersCommand.Create(output),
            PlanCommand.Create(output),
            ReportCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"nervewise: {problem.Message}");
            }
            await error.WriteLineAsync("Run 'nervewise --help' for usage.");
            return BadInput;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliInputException ex)
        {
            await error.WriteLineAsync($"nervewise: {ex.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("nervewise: cancelled.");
            return Failed;
        }
#pragma warning disable CA1031 // The tool's last line of defence: one readable line, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var message = ex is CliFailureException ? ex.Message : ex.GetBaseException().Message;
            await error.WriteLineAsync($"nervewise: {message}");
            return Failed;
        }
    }
}

/// <summary>The person's input was wrong; the message says which part and why.</summary>
public sealed class CliInputException(string message) : Exception(message);

/// <summary>Something other than the input failed (a database out of reach); the message says what, in one line.</summary>
public sealed class CliFailureException(string message, Exception inner) : Exception(message, inner);
