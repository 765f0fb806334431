using Nervewise.Cli;

namespace Nervewise.Cli.Tests;

/// <summary>One in-process run of `nervewise`, with what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await NervewiseCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
