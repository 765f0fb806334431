using System.Net;
using Microsoft.AspNetCore.Hosting;
using Nervewise.Data;
using Nervewise.Testing;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests.Pages.Account;

public sealed class SmtpDeliveryTestsOnSqlite() : SmtpDeliveryTests(DatabaseProvider.Sqlite);

public sealed class SmtpDeliveryTestsOnPostgres() : SmtpDeliveryTests(DatabaseProvider.Postgres);

/// <summary>Mail through a real SMTP server: the app's MailKit client talks to aiosmtpd on loopback, and we read its maildir.</summary>
public abstract class SmtpDeliveryTests(DatabaseProvider provider) : AppTest(provider)
{
    [Fact]
    public async Task Registration_and_password_reset_mail_arrive_through_smtp_and_their_links_work()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = App.WithWebHostBuilder(builder => builder
            .UseSetting("Email:Smtp:Host", "127.0.0.1")
            .UseSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Email:Smtp:Security", "None")
            .UseSetting("Email:From", "clinic@nervewise.example")
            .UseSetting("Email:FromName", "Nervewise clinic"));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal("/account/check-email", (await client.PostRegisterAsync("ada@example.com")).Headers.Location?.OriginalString);
        var confirmation = await smtp.Mailbox.NewestToAsync("ada@example.com");

        Assert.Equal("Confirm your email for Nervewise", confirmation.Subject);
        Assert.Equal("clinic@nervewise.example", confirmation.From.Mailboxes.Single().Address);
        Assert.Equal("Nervewise clinic", confirmation.From.Mailboxes.Single().Name);
        Assert.Equal("/welcome", (await client.ConfirmAsync(Mailbox.Link(confirmation))).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Empty(App.Mailbox.To("ada@example.com"));

        var stranger = app.CreateClient(new() { AllowAutoRedirect = false });
        await stranger.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com" });
        var reset = await smtp.Mailbox.NewestToAsync("ada@example.com", count: 2);
        Assert.Equal("Choose a new password for Nervewise", reset.Subject);
        Assert.Equal("/account/reset-password", Mailbox.Link(reset).AbsolutePath);
    }

    [Fact]
    public async Task A_mail_server_that_is_not_there_does_not_break_registration()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var app = App.WithWebHostBuilder(builder => builder
            .UseSetting("Email:Smtp:Host", "127.0.0.1")
            .UseSetting("Email:Smtp:Port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Email:Smtp:Security", "None"));

        var posted = await app.CreateClient(new() { AllowAutoRedirect = false }).PostRegisterAsync("ada@example.com");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/account/check-email", posted.Headers.Location?.OriginalString);
    }
}
