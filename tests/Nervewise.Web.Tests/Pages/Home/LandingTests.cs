using Nervewise.Data;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Home;

/// <summary>The landing page keeps its promise: it tells the sources apart and gives each its own plan.</summary>
public sealed class LandingTests() : AppTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_landing_page_says_each_source_gets_its_own_plan()
    {
        var html = System.Net.WebUtility.HtmlDecode(await App.Browser().GetStringAsync("/"));

        Assert.Contains("gives each its own plan", html, StringComparison.Ordinal);
        Assert.Contains("A nerve, a strained hamstring and a sore sit-bone tendon each get their own plan.", html, StringComparison.Ordinal);
    }
}
