using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nervewise.Browser.Tests.Pages.Account;
using Nervewise.Browser.Tests.Support;
using Nervewise.Data.Smart;
using Nervewise.Testing;
using OpenIddict.Abstractions;

namespace Nervewise.Browser.Tests.Smart;

/// <summary>
/// An independent client completes the SMART standalone launch: the official SMART JavaScript client (fhirclient), on a
/// page from another origin, sends the person to sign in and approve, exchanges the code with PKCE, and reads the
/// person's Observations from /fhir.
/// </summary>
public sealed class FhirClientLaunchTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";
    private readonly ChromiumFixture _chromium = chromium;

    [Fact]
    public async Task The_smart_javascript_client_launches_from_another_site_and_reads_the_persons_observations()
    {
        using var appSite = new OtherSite();
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone, Locale = "en-GB" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(BaseAddress, "/account/register").ToString());
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);
        var logged = await page.EvaluateAsync<int>(@"async () => (await fetch('/api/v1/diary', {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ id: crypto.randomUUID(), time: new Date(Date.now() - 3600000).toISOString().slice(0, 19) + '+00:00',
                type: 'pain', item: 'posterior-thigh', value: 4 }) })).status");
        Assert.Equal(201, logged);
        await new SiteHeader(page).SignOutAsync();

        string clientId;
        using (var scope = NervewiseApp.ServingAt(BaseAddress).Services.CreateScope())
        {
            var added = await SmartApps.AddAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(),
                "Pain Charts", appSite.Address + "app.html", confidential: false);
            clientId = added.ClientId;
        }
        appSite.Launch = $$"""
            FHIR.oauth2.authorize({ iss: "{{new Uri(BaseAddress, "/fhir")}}", clientId: "{{clientId}}",
                scope: "launch/patient patient/*.rs openid fhirUser", redirectUri: "app.html" });
            """;

        await page.GotoAsync(appSite.Address + "launch.html");
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await new SignInPage(page).SignInAsync("ada@example.com", Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Allow Pain Charts to read your records?");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your details (name, birth date and email), your pain diary");
        await ScreenshotAsync(page, "smart-consent-360");
        // The consent page needs a registered app to open, so it is audited here (see AccessibilityTests.Audited).
        Assert.Empty(await Axe.CheckAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(appSite.Address + "app.html", StringComparison.Ordinal));
        // The code is exchanged (with PKCE) first: the token response names the patient.
        await Assertions.Expect(page.Locator("#patient")).Not.ToBeEmptyAsync(new() { Timeout = 20_000 });
        // Then the Observations from /fhir.
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Read 1 observation(s)", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#observations li")).ToHaveCountAsync(1);
        await context.CloseAsync();
    }

    /// <summary>A second origin on loopback serving the SMART app's two pages and the client library.</summary>
    private sealed class OtherSite : IDisposable
    {
        private readonly HttpListener _listener = new();
        private static readonly byte[] Library = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Smart", "FhirClient", "fhir-client.js"));

        public string Address { get; }

        public string Launch { get; set; } = "";

        private const string AppPage = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pain Charts</title></head><body>
            <p id="status">Waiting</p><p id="patient"></p><ul id="observations"></ul>
            <script src="fhir-client.js"></script>
            <script>
            FHIR.oauth2.ready().then(async client => {
                document.getElementById("patient").textContent = client.patient.id;
                const bundle = await client.request("Observation?patient=" + client.patient.id);
                const entries = bundle.entry || [];
                for (const entry of entries) {
                    const li = document.createElement("li");
                    li.textContent = (entry.resource.code && entry.resource.code.text) || entry.resource.id;
                    document.getElementById("observations").appendChild(li);
                }
                document.getElementById("status").textContent = "Read " + entries.length + " observation(s)";
            }).catch(e => { document.getElementById("status").textContent = "Failed: " + e; });
            </script></body></html>
            """;

        public OtherSite()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = ServeAsync();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                var path = context.Request.Url!.AbsolutePath;
                var (body, type) = path switch
                {
                    "/fhir-client.js" => (Library, "text/javascript"),
                    "/launch.html" => (Encoding.UTF8.GetBytes($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Launch</title></head><body><script src=\"fhir-client.js\"></script><script>{Launch}</script></body></html>"), "text/html"),
                    "/app.html" => (Encoding.UTF8.GetBytes(AppPage), "text/html"),
                    _ => (Encoding.UTF8.GetBytes("Not found"), "text/plain"),
                };
                context.Response.StatusCode = body.Length == 9 && type == "text/plain" ? 404 : 200;
                context.Response.ContentType = type + "; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
