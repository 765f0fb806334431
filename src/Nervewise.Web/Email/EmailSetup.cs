using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Email;

internal static class EmailSetup
{
    public static IServiceCollection AddNervewiseEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailSettings>(configuration.GetSection(EmailSettings.Section));
        services.AddSingleton<Outbox>();
        services.AddScoped<AccountMail>();
        services.AddSingleton(sp => new PickupFolder(PickupPath(
            sp.GetRequiredService<IOptions<EmailSettings>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<DatabaseSettings>())));
        // Chosen when first used, so a test host's settings apply too.
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<EmailSettings>>().Value.UsesSmtp
            ? new SmtpMailSender(sp.GetRequiredService<IOptions<EmailSettings>>())
            : new PickupFolderSender(sp.GetRequiredService<PickupFolder>()));
        services.AddHostedService<MailWorker>();
        services.AddHostedService<MailStartupLog>();

        // Reset links use Identity's default data-protection tokens; confirmation links their own, longer-lived kind.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = AccountRules.ResetLinkLifetime);
        services.AddTransient<ConfirmationTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[ConfirmationTokenProvider.ProviderName] = new TokenProviderDescriptor(typeof(ConfirmationTokenProvider));
            options.Tokens.EmailConfirmationTokenProvider = ConfirmationTokenProvider.ProviderName;
        });
        return services;
    }

    /// <summary>The configured folder, or a <c>mail</c> folder beside the SQLite file, or under the content root's data folder.</summary>
    internal static string PickupPath(EmailSettings settings, string contentRoot, DatabaseSettings database)
    {
        if (!string.IsNullOrWhiteSpace(settings.PickupFolder))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, settings.PickupFolder));
        }
        var dataFolder = database.SqliteFile is { } file ? Path.GetDirectoryName(file)! : Path.Combine(contentRoot, "data");
        return Path.Combine(dataFolder, "mail");
    }
}

/// <summary>Says once, at start-up, where mail goes, so that nobody waits for a message that sits in a folder.</summary>
internal sealed partial class MailStartupLog(
    IOptions<EmailSettings> settings, PickupFolder pickup, IHostEnvironment environment, ILogger<MailStartupLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var email = settings.Value;
        if (email.UsesSmtp)
        {
            LogSmtp(logger, email.Smtp.Host!, email.Smtp.Port, email.Smtp.Security);
        }
        else if (environment.IsDevelopment())
        {
            LogPickup(logger, pickup.Path);
        }
        else
        {
            LogPickupWarning(logger, pickup.Path);
        }
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(email.PublicUrl))
        {
            LogNoPublicUrl(logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is sent through SMTP at {Host}:{Port} ({Security}).")]
    private static partial void LogSmtp(ILogger logger, string host, int port, SmtpSecurity security);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "No SMTP server is set (Email:Smtp:Host): mail is written as .eml files to {Folder}.")]
    private static partial void LogPickup(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No SMTP server is set (Email:Smtp:Host): nobody receives mail; it is written as .eml files to {Folder}.")]
    private static partial void LogPickupWarning(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Email:PublicUrl is not set: links in mail use the address each request names. Set it to the app's public address.")]
    private static partial void LogNoPublicUrl(ILogger logger);
}
