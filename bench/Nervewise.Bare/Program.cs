using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Nervewise.Bare;

// Two ceilings for bench/load.sh, so that Nervewise's figures read as a fraction of them:
//   GET /               nothing but the host: what this machine can answer at most;
//   POST /api/v1/diary  Nervewise's work done by hand on the database Nervewise made (DiaryEndpoint).
var builder = WebApplication.CreateBuilder(args);
// Without a database (the first ceiling) nothing but GET / is set up, so its start and memory are the host's alone.
var sameWork = builder.Configuration.GetConnectionString("Nervewise") is not null;
if (sameWork)
{
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<Database>();
    builder.Services.AddSingleton<SignInCookie>();
    // Nervewise's keys and application name, so that its cookies open here.
    builder.Services.AddDataProtection().SetApplicationName("Nervewise");
    builder.Services.AddOptions<KeyManagementOptions>()
        .Configure<Database>((options, database) => options.XmlRepository = new Database.Keys(database));
    // As Nervewise's ForwardedHeadersSetup: only the configured proxies are believed, for the client and the scheme.
    builder.Services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").GetChildren())
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Value!));
        }
        options.ForwardedHeaders = options.KnownProxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = null;
    });
}

var app = builder.Build();
app.MapGet("/", () => "");
if (sameWork)
{
    // Only in front of the API: "/" stays an empty answer with nothing in its way.
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseForwardedHeaders());
    app.MapPost("/api/v1/diary", DiaryEndpoint.CreateAsync);
}
app.Run();
