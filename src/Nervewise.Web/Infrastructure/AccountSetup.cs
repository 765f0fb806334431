using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nervewise.Data;
using Nervewise.Data.Identity;

namespace Nervewise.Web.Infrastructure;

internal static class AccountSetup
{
    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddNervewiseAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<NervewiseUser, IdentityRole>(AccountRules.Apply)
            .AddEntityFrameworkStores<NervewiseDbContext>()
            .AddDefaultTokenProviders()
            .AddNervewiseRules()
            .AddClaimsPrincipalFactory<NervewiseClaimsFactory>();

        // Sessions end at once through SessionCheck; this is how often roles and claims are read again.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        // The form token's cookie follows the request, so a plain-HTTP trial on loopback can post forms (Always
        // made every form 500 there). It holds no session: the session cookie below stays Secure outside development.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // After the cookie handler's own post-configuration (registered by AddIdentity above), which makes the format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CachedTicketFormat.Setup>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "nervewise";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            // The API answers with status codes; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            // Health data is private by default: every page and endpoint needs a signed-in person
            // unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Clinician, policy => policy.RequireRole(Roles.Clinician))
            .AddPolicy(Roles.Patient, policy => policy.RequireRole(Roles.Patient));

        return services;
    }

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}
