namespace Nervewise.Cli.Tests;

public class RootCommandTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var run = await CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("users", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var run = await CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output);
    }

    [Fact]
    public async Task An_unknown_command_is_wrong_input_with_exit_code_2()
    {
        var run = await CliRun.Of("diagnose");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("diagnose", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
