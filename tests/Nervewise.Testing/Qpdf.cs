using System.Diagnostics;

namespace Nervewise.Testing;

/// <summary>
/// Runs `qpdf --check` (Debian's qpdf, which test.sh installs) on a PDF: exit 0 means no syntax or stream
/// encoding errors, 3 means warnings (such as unterminated compressed streams), 2 errors.
/// </summary>
public static class Qpdf
{
    public static (int ExitCode, string Output) Check(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nervewise-qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("qpdf", ["--check", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("qpdf did not start: install it (test.sh does) to check PDFs.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + errors.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
