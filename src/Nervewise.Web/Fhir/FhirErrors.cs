using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Nervewise.Web.Fhir;

/// <summary>
/// For every /fhir request: JSON only (406 otherwise), and any error the endpoints did not describe themselves (401
/// from the token check, 403, 404, 500) answered with an OperationOutcome instead of the HTML status pages or the
/// sign-in redirect.
/// </summary>
public static partial class FhirErrors
{
    public static IApplicationBuilder UseFhirErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/fhir"), branch => branch.Use(HandleAsync));

    private static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (FhirFormat.Refusal(context.Request) is { } refusal)
        {
            await Write(context, StatusCodes.Status406NotAcceptable, FhirOutcome.Of(OperationOutcome.IssueType.NotSupported, refusal));
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            Failed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FhirErrors)), exception);
            context.Response.Clear();
            await Write(context, StatusCodes.Status500InternalServerError, FhirOutcome.ForStatus(500));
            return;
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status401Unauthorized && !response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await Write(context, response.StatusCode, FhirOutcome.ForStatus(response.StatusCode));
        }
    }

    private static Task Write(HttpContext context, int status, OperationOutcome outcome)
    {
        // The HTML status pages must leave this answer alone.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = FhirOutcome.ContentType;
        return FhirOutcome.WriteAsync(context, outcome);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A FHIR request failed.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
