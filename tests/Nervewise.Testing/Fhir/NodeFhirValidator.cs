using System.Diagnostics;

namespace Nervewise.Testing.Fhir;

/// <summary>
/// A second opinion no one here wrote: tests/fhir-checks/check.mjs runs the official R4 JSON schema (ajv) and
/// Medplum's validator under Node. test.sh installs it (npm ci --prefix tests/fhir-checks).
/// </summary>
public static class NodeFhirValidator
{
    // Node loading the R4 schema and Medplum's definitions takes seconds of processor time, which every check paid
    // when each started its own node: one node per test process (check.mjs --serve) now checks file after file.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? _node;
    private static readonly System.Text.StringBuilder Errors = new();

    /// <summary>Its problems with one resource (JSON), or with every line of NDJSON; empty when it passes.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string json, bool ndjson = false, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nervewise-fhir-{Guid.NewGuid():N}{(ndjson ? ".ndjson" : ".json")}");
        await File.WriteAllTextAsync(file, json, cancellationToken);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var node = _node is { HasExited: false } running ? running : _node = Start();
            await node.StandardInput.WriteLineAsync(file.AsMemory(), cancellationToken);
            await node.StandardInput.FlushAsync(cancellationToken);
            var problems = new List<string>();
            while (await node.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("--- ", StringComparison.Ordinal))
                {
                    return problems;
                }
                problems.Add(line);
            }
            _node = null;
            await node.WaitForExitAsync(cancellationToken);
            string errors;
            lock (Errors)
            {
                errors = Errors.ToString();
            }
            throw new InvalidOperationException($"tests/fhir-checks/check.mjs stopped (exit {node.ExitCode}): {errors}");
        }
        catch (OperationCanceledException)
        {
            // An answer may still be on its way: a later check must not read it as its own.
            Stop(_node);
            _node = null;
            throw;
        }
        finally
        {
            Gate.Release();
            File.Delete(file);
        }
    }

    private static Process Start()
    {
        var folder = Folder();
        var start = new ProcessStartInfo("node", [Path.Combine(folder, "check.mjs"), "--serve"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        node.ErrorDataReceived += (_, e) =>
        {
            lock (Errors)
            {
                Errors.AppendLine(e.Data);
            }
        };
        node.BeginErrorReadLine();
        // It stops by itself when its input closes; this stops it at once when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(node);
        return node;
    }

    private static void Stop(Process? node)
    {
        try
        {
            node?.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
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
