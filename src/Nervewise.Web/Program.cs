using Nervewise.Data.Diary;
using Nervewise.Data.Plan;
using Microsoft.AspNetCore.Mvc.Controllers;
using Nervewise.Data;
using Nervewise.Data.CareTeam;
using Nervewise.Data.Identity;
using Nervewise.Web.Clinic;
using Nervewise.Web.Export;
using Nervewise.Web.Fhir;
using Nervewise.Web.Fhir.Bulk;
using Nervewise.Web.Reports;
using Nervewise.Web.Account;
using Nervewise.Web.Api;
using Nervewise.Web.Assessment;
using Nervewise.Web.Diary;
using Nervewise.Web.Email;
using Nervewise.Web.Home;
using Nervewise.Web.Infrastructure;
using Nervewise.Web.Plan;
using Nervewise.Web.Safety;
using Nervewise.Web.Smart;

var builder = WebApplication.CreateBuilder(AppFolder.Options(args));
builder.Configuration.AddSafeDefaults();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => DatabaseSettings.From(
    sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
builder.Services.AddNervewiseData();
builder.Services.AddNervewiseAccounts(builder.Environment);
builder.Services.AddNervewiseOpenIddictCore();
builder.Services.AddNervewiseSmart(builder.Configuration, builder.Environment);
builder.Services.AddNervewiseDataProtection();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealth>("database");
builder.Services.AddHostedService<DataWarmUp>();
builder.Services.AddProblemDetails();
builder.Services.AddAccountRateLimits(builder.Configuration);
builder.Services.AddNervewiseForwardedHeaders();
builder.Services.AddNervewiseEmail(builder.Configuration);
builder.Services.AddScoped<AssessmentStore>();
builder.Services.AddScoped<DiaryStore>();
builder.Services.AddScoped<CareTeamStore>();
builder.Services.AddScoped<ClinicReader>();
builder.Services.AddScoped<Nervewise.Web.Clinic.RecordReader>();
builder.Services.AddScoped<FhirDownload>();
builder.Services.AddFhirServer();
builder.Services.AddScoped<FullDownload>();
builder.Services.AddScoped<Nervewise.Web.Account.AppApprovals>();
builder.Services.AddBulkExport();
builder.Services.AddScoped<ReportBuilder>();
builder.Services.AddScoped<PlanSettingsStore>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<PlanService>();
builder.Services.AddScoped<HomeService>();
builder.Services.AddScoped<SafetyService>();
builder.Services.AddSingleton(sp => EmergencyNumber.From(sp.GetRequiredService<IConfiguration>()));
builder.Services.AddNervewiseRequestLimits();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.LimitPageBodies();
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/Status");
    options.Conventions.AuthorizeFolder("/Clinic", Roles.Clinician);
}).ConfigureApplicationPartManager(parts =>
    // The app has no MVC controllers; looking for them loaded every type of the app at start (ADR 0023).
    parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ControllerFeatureProvider>().Single()));

builder.Services.ReadKeyRingAtFirstUse();

var app = builder.Build();
app.WarnWhenIncomplete();

if (app.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await app.Services.InitializeDatabaseAsync();
}
else
{
    // Migrated separately (`nervewise db migrate`); the roles must still exist.
    await app.Services.EnsureRolesAsync();
}

// First, so that the rate limits and the scheme see the client behind a configured proxy.
app.UseNervewiseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    // The API answers a failure with ProblemDetails, never the HTML error page.
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseExceptionHandler());
    app.UseHsts();
    if (Https.IsConfigured(app.Configuration))
    {
        app.UseHttpsRedirection();
    }
}
// The API answers an empty error status with ProblemDetails; people get a plain page instead
// (the inner middleware runs first, and the outer one leaves a response that has a body).
app.UseStatusCodePages();
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
    branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
// /fhir answers every error with an OperationOutcome, inside the status code pages so they leave it alone.
app.UseFhirErrors();
app.UseSecurityHeaders();
app.UseRateLimiter();
// Routing after the status code pages, so that a re-executed request is routed again.
app.UseRouting();
app.UseDeclaredSizeLimits();
app.UseSmartCors();
app.UseOpenIddictRequests();
app.UseAuthentication();
app.ThrowSessionCheckFailure();
app.UseOneTimePasswordGate();
app.UseTwoFactorGate();
app.UseAuthorization();
app.UseClinicianPages();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages();
app.MapFhir();
app.MapSmart();
app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
app.MapGroup("/fhir").RequireAuthorization(FhirAccess.Policy).MapBulkExport();
app.MapGroup("/api/v1").RequireAuthorization().MapAccountApi().MapAssessmentsApi().MapDiaryApi().MapPlanApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
