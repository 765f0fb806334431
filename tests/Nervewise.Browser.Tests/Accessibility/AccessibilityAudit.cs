using System.Text;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Nervewise.Browser.Tests.Accessibility;

/// <summary>
/// Gathers axe's findings over many pages and widths, then fails once with every serious or critical one, grouped
/// by rule and element so that a fault in the shared layout reads as one line, not one per page.
/// </summary>
internal sealed class AccessibilityAudit(ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private readonly List<(string Where, AxeFinding Finding)> _findings = [];
    private readonly System.Diagnostics.Stopwatch _time = new();

    public int Audits { get; private set; }

    /// <summary>Audits the page at a phone's width and a desktop's, then puts the page back to its own width.</summary>
    public async Task BothWidthsAsync(IPage page, string name)
    {
        var own = page.ViewportSize!;
        foreach (var size in new[] { BrowserTest.Phone, BrowserTest.Desktop })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await HereAsync(page, $"{name} @{size.Width}");
        }
        await page.SetViewportSizeAsync(own.Width, own.Height);
    }

    /// <summary>Audits the page as it stands: for a state reached by tapping (an open menu, a form's errors).</summary>
    public async Task HereAsync(IPage page, string where)
    {
        var title = await page.TitleAsync();
        Assert.False(string.IsNullOrWhiteSpace(title), $"{where}: the page has no title; did it load?");
        _time.Start();
        foreach (var finding in await Axe.CheckAsync(page))
        {
            _findings.Add((where, finding));
        }
        _time.Stop();
        Audits++;
    }

    /// <summary>Fails with a readable list of every serious or critical violation; writes the milder ones out.</summary>
    public void AssertNoSeriousViolations()
    {
        var serious = Describe(_findings.Where(f => Blocking.Contains(f.Finding.Impact)));
        var milder = Describe(_findings.Where(f => !Blocking.Contains(f.Finding.Impact)));
        output.WriteLine($"axe-core {Axe.Version}: {Audits} audits in {_time.Elapsed.TotalSeconds:0.0} s.");
        if (milder.Length > 0)
        {
            output.WriteLine("Moderate and minor findings (not failing):" + Environment.NewLine + milder);
        }
        Assert.True(serious.Length == 0,
            $"axe-core {Axe.Version} found serious or critical accessibility problems in {Audits} audits:{Environment.NewLine}{serious}");
    }

    private static string Describe(IEnumerable<(string Where, AxeFinding Finding)> findings)
    {
        var text = new StringBuilder();
        foreach (var rule in findings.GroupBy(f => (f.Finding.Rule, f.Finding.Impact, f.Finding.Help)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            text.AppendLine($"- {rule.Key.Rule} ({rule.Key.Impact}): {rule.Key.Help}");
            foreach (var element in rule.GroupBy(f => f.Finding.Target))
            {
                var pages = element.Select(f => f.Where).Distinct().ToList();
                var shown = string.Join(", ", pages.Take(6)) + (pages.Count > 6 ? $" and {pages.Count - 6} more" : "");
                text.AppendLine($"    {element.Key}  on {shown}");
            }
        }
        return text.ToString();
    }
}
