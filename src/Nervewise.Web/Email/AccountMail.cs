using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MimeKit;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Email;

/// <summary>The three messages accounts send: confirm your email, someone tried to register you, reset your password.</summary>
public sealed class AccountMail(UserManager<NervewiseUser> users, Outbox queue, IOptions<EmailSettings> settings)
{
    public const string ConfirmPath = "/account/confirm-email";
    public const string ResetPath = "/account/reset-password";

    public async Task SendConfirmationAsync(NervewiseUser user, HttpRequest request)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link(request, ConfirmPath, user.Id, token);
        Send(user.Email!, "Confirm your email for Nervewise",
            $"""
            Welcome to Nervewise.

            Open this link to confirm your email and finish creating your account:

            {link}

            The link works for {Hours(AccountRules.ConfirmationLinkLifetime)}. If it has run out, sign in with your email
            and password and we will send a new one.

            If you did not create an account, you can ignore this message.
            """);
    }

    public void SendAlreadyRegistered(string email, HttpRequest request) =>
        Send(email, "Someone tried to create a Nervewise account with your email",
            $"""
            Someone, perhaps you, tried to create a Nervewise account with this email address. You already have one,
            so nothing has changed.

            To sign in: {Base(request)}/account/sign-in
            Forgotten your password? Choose a new one: {Base(request)}/account/forgot-password

            If this was not you, you can ignore this message. Your account and record are as they were.
            """);

    public async Task SendResetAsync(NervewiseUser user, HttpRequest request)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(request, ResetPath, user.Id, token);
        Send(user.Email!, "Choose a new password for Nervewise",
            $"""
            Someone, hopefully you, asked to choose a new password for your Nervewise account.

            Open this link to choose one:

            {link}

            The link works for {Hours(AccountRules.ResetLinkLifetime)} and only once. Choosing a new password signs
            you out everywhere else.

            If you did not ask, you can ignore this message. Your password stays as it is.
            """);
    }

    private void Send(string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.Value.FromName, settings.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        queue.Enqueue(message);
    }

    private string Link(HttpRequest request, string path, string userId, string token) =>
        QueryHelpers.AddQueryString(Base(request) + path, new Dictionary<string, string?>
        {
            ["user"] = userId,
            // Base64url, so that no mail program breaks the link at a + or /.
            ["code"] = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token)),
        });

    private string Base(HttpRequest request) =>
        settings.Value.PublicUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string Hours(TimeSpan lifetime) =>
        lifetime.TotalHours == 1 ? "1 hour" : $"{lifetime.TotalHours:0} hours";

    /// <summary>The token a link carried, or null when the code is not one of ours.</summary>
    public static string? Token(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
