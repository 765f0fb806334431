using Microsoft.Extensions.Configuration.Memory;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Where the app finds its appsettings.json and wwwroot. ASP.NET Core looks in the working directory, so a service
/// manager or container that starts the published app from elsewhere got no settings and empty static files. A
/// published app's own folder holds both, and is used whatever the working directory; an explicit content root
/// (--contentRoot, ASPNETCORE_CONTENTROOT) still wins, and `dotnet run` keeps the project folder.
/// </summary>
public static partial class AppFolder
{
    /// <summary>The settings that keep the app safe even with no appsettings.json; the file and the environment override them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // At Information EF Core logs every SQL statement.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Kestrel:Limits:MaxRequestBodySize"] = "1048576",
    };

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(args, Environment.GetEnvironmentVariable, AppContext.BaseDirectory),
    };

    /// <summary>The app's own folder when it is a published app and no content root was given; otherwise null (the host decides).</summary>
    public static string? ContentRoot(string[] args, Func<string, string?> environment, string appFolder)
    {
        var given = args.Any(arg => arg.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        var published = File.Exists(Path.Combine(appFolder, "appsettings.json")) && Directory.Exists(Path.Combine(appFolder, "wwwroot"));
        return !given && published ? appFolder : null;
    }

    /// <summary>Puts <see cref="Defaults"/> under every other configuration source.</summary>
    public static void AddSafeDefaults(this IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });

    /// <summary>Says so in the log when the settings file or the static files are missing, instead of running half-configured.</summary>
    public static void WarnWhenIncomplete(this WebApplication app)
    {
        var root = app.Environment.ContentRootPath;
        if (!File.Exists(Path.Combine(root, "appsettings.json")))
        {
            NoSettings(app.Logger, root);
        }
        if (!app.Environment.IsDevelopment() && !Directory.Exists(app.Environment.WebRootPath ?? Path.Combine(root, "wwwroot")))
        {
            NoWebRoot(app.Logger, root);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No appsettings.json in {ContentRoot}: running on built-in defaults and the environment. Start the app from its own folder or pass --contentRoot.")]
    private static partial void NoSettings(ILogger logger, string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No wwwroot in {ContentRoot}: stylesheets, scripts and the service worker cannot be served.")]
    private static partial void NoWebRoot(ILogger logger, string contentRoot);
}
