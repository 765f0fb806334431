using System.Text.Json;
using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Support;

/// <summary>One failing element of one axe rule.</summary>
internal sealed record AxeFinding(string Rule, string Impact, string Help, string Target);

/// <summary>
/// Runs axe-core (vendored in Axe/axe.min.js, see its README) in a page and returns what it finds.
/// </summary>
internal static class Axe
{
    public const string Version = "4.14.1";

    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    // Every rule axe runs by default, plus target-size (WCAG 2.2 AA, off by default in axe 4): tap targets matter
    // on a phone. Each violation's failing elements are flattened, the selector path joined.
    private const string Run = """
        () => axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }).then(r => r.violations.flatMap(v =>
            v.nodes.map(n => ({ rule: v.id, impact: n.impact || v.impact || 'unknown', help: v.help,
                target: n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' | ') }))))
        """;

    /// <summary>The violations of every impact in the page as it stands now.</summary>
    public static async Task<IReadOnlyList<AxeFinding>> CheckAsync(IPage page)
    {
        // The app's Content-Security-Policy allows only its own scripts, so a <script> tag (AddScriptTag) is
        // refused. A DevTools evaluation is not subject to the page's CSP, so the source is evaluated as it is:
        // the page keeps its real policy (no BypassCSP) and is audited exactly as people get it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        var found = await page.EvaluateAsync<JsonElement>(Run);
        return [.. found.EnumerateArray().Select(f => new AxeFinding(
            f.GetProperty("rule").GetString()!, f.GetProperty("impact").GetString()!,
            f.GetProperty("help").GetString()!, f.GetProperty("target").GetString()!))];
    }
}
