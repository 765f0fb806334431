using Microsoft.AspNetCore.DataProtection;
using Nervewise.Data;
using Nervewise.Web.Api;
using Nervewise.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => DatabaseSettings.From(
    sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
builder.Services.AddNervewiseData();
builder.Services.AddNervewiseAccounts(builder.Environment);
builder.Services.AddDataProtection()
    .SetApplicationName("Nervewise")
    .PersistKeysToDbContext<NervewiseDbContext>();
builder.Services.AddHealthChecks().AddDbContextCheck<NervewiseDbContext>("database");
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToPage("/Error");
});

var app = builder.Build();

if (app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await app.Services.InitializeDatabaseAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
app.MapGroup("/api/v1").RequireAuthorization().MapAccountApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
