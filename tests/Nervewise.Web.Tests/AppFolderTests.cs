using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nervewise.Data;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Tests.Support;

namespace Nervewise.Web.Tests;

/// <summary>A published app finds its settings and static files in its own folder, whatever folder it was started from.</summary>
public sealed class AppFolderTests() : AppTest(DatabaseProvider.Sqlite), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nervewise-app-").FullName;

    private static Func<string, string?> NoEnvironment => _ => null;

    [Fact]
    public void A_published_app_uses_its_own_folder()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_folder, "wwwroot"));

        Assert.Equal(_folder, AppFolder.ContentRoot([], NoEnvironment, _folder));
        Assert.Equal(_folder, AppFolder.ContentRoot(["--urls", "http://127.0.0.1:5000"], NoEnvironment, _folder));
    }

    [Fact]
    public void A_content_root_that_was_given_wins()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_folder, "wwwroot"));

        Assert.Null(AppFolder.ContentRoot(["--contentRoot", "/srv/app"], NoEnvironment, _folder));
        Assert.Null(AppFolder.ContentRoot(["--contentRoot=/srv/app"], NoEnvironment, _folder));
        Assert.Null(AppFolder.ContentRoot([], name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/app" : null, _folder));
    }

    [Fact]
    public void A_build_folder_without_static_files_leaves_the_choice_to_the_host()
    {
        // `dotnet run` builds into bin/ without wwwroot and starts in the project folder, which keeps its data/ there.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{}");

        Assert.Null(AppFolder.ContentRoot([], NoEnvironment, _folder));
    }

    [Fact]
    public void Without_appsettings_json_sql_is_not_logged_and_the_body_limit_holds()
    {
        var app = App.WithWebHostBuilder(builder => builder.UseContentRoot(_folder));

        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var logs = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.Equal(_folder, app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath.TrimEnd('/'));
        Assert.False(logs.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.True(logs.CreateLogger("Nervewise.Web").IsEnabled(LogLevel.Information));
        Assert.Equal("1048576", configuration["Kestrel:Limits:MaxRequestBodySize"]);
    }

    [Fact]
    public void The_settings_file_and_the_environment_override_the_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information" });
        configuration.AddSafeDefaults();

        Assert.Equal("Information", configuration.Build()["Logging:LogLevel:Microsoft.EntityFrameworkCore"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
