namespace Nervewise.Web.Email;

/// <summary>
/// The <c>Email</c> section. With <c>Smtp:Host</c> set, mail goes through that server; without it, each message is
/// written as an .eml file to <see cref="PickupFolder"/> so the app runs anywhere without a mail server (ADR 17).
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Where messages go without SMTP; relative to the content root. Default: a <c>mail</c> folder beside the SQLite data.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>The sender people see.</summary>
    public string From { get; set; } = "nervewise@localhost";

    public string FromName { get; set; } = "Nervewise";

    /// <summary>
    /// The app's public address for links in mail (https://nervewise.example). Without it, links use the address the
    /// request came to, which a stranger can set in the Host header: set it in production.
    /// </summary>
    public string? PublicUrl { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
