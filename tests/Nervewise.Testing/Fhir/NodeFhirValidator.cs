using System.Diagnostics;

namespace Nervewise.Testing.Fhir;

/// <summary>
/// A second opinion no one here wrote: tests/fhir-checks/check.mjs runs the official R4 JSON schema (ajv) and
/// Medplum's validator under Node. test.sh installs it (npm ci --prefix tests/fhir-checks).
/// </summary>
public static class NodeFhirValidator
{
    /// <summary>Its problems with one resource (JSON), or with every line of NDJSON; empty when it passes.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string json, bool ndjson = false, CancellationToken cancellationToken = default)
    {
        var folder = Folder();
        var file = Path.Combine(Path.GetTempPath(), $"nervewise-fhir-{Guid.NewGuid():N}{(ndjson ? ".ndjson" : ".json")}");
        await File.WriteAllTextAsync(file, json, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(folder, "check.mjs"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return process.ExitCode switch
            {
                0 => [],
                1 when lines.Length > 0 => lines,
                _ => throw new InvalidOperationException($"tests/fhir-checks/check.mjs failed (exit {process.ExitCode}): {await error}"),
            };
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Fails the test with every problem listed when there is any.</summary>
    public static async Task AssertValidAsync(string json, bool ndjson = false)
    {
        var problems = await ValidateAsync(json, ndjson);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The FHIR JSON fails the R4 JSON schema or Medplum's validator:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "fhir-checks");
            if (File.Exists(Path.Combine(folder, "check.mjs")))
            {
                return Directory.Exists(Path.Combine(folder, "node_modules"))
                    ? folder
                    : throw new InvalidOperationException($"{folder} has no node_modules: run `npm ci --prefix tests/fhir-checks` (test.sh does).");
            }
        }
        throw new InvalidOperationException("tests/fhir-checks/check.mjs not found above " + AppContext.BaseDirectory);
    }
}
