namespace Nervewise.Browser.Tests.Accessibility;

/// <summary>A page added to the app fails here until the accessibility audit visits it.</summary>
public sealed class AuditCoverageTests
{
    [Fact]
    public void Every_page_of_the_app_is_in_the_audit()
    {
        var pages = Path.Combine(SourceRoot(), "src", "Nervewise.Web", "Pages");
        var routes = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Select(file => (File: file, Line: File.ReadLines(file).FirstOrDefault() ?? ""))
            .Where(page => page.Line.StartsWith("@page", StringComparison.Ordinal))
            .Select(page => page.Line["@page".Length..].Trim().Trim('"') is { Length: > 0 } route ? route : RouteOfFile(pages, page.File))
            .ToList();
        Assert.True(routes.Count > 30, $"Only {routes.Count} pages found under {pages}.");
        var missing = routes.Except(AccessibilityTests.Audited).Except(AccessibilityTests.NotPages).ToList();
        Assert.True(missing.Count == 0, $"Pages not in the accessibility audit: {string.Join(", ", missing)}. Visit them in AccessibilityTests and add them to its Audited list.");
    }

    /// <summary>A page without a route template answers at its file's path: Pages/Error.cshtml at /Error, Index at /.</summary>
    private static string RouteOfFile(string pages, string file)
    {
        var path = "/" + Path.ChangeExtension(Path.GetRelativePath(pages, file), null).Replace('\\', '/');
        return path.EndsWith("/Index", StringComparison.Ordinal) ? path[..^"Index".Length] : path;
    }

    private static string SourceRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Nervewise.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The source tree (Nervewise.slnx) was not found above the test output.");
    }
}
