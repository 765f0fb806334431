using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// How large a request body may be. Every endpoint that takes a body carries its own limit as endpoint metadata
/// (the API's in its Map calls, the pages' here). Kestrel's default in appsettings.json (1 MB) is a backstop for
/// anything missed.
/// </summary>
internal static class RequestLimits
{
    /// <summary>A page form: a diary entry with a 2,000-character note in 4-byte characters, percent-encoded, is under 30 KB.</summary>
    public const long FormBytes = 64 * 1024;

    public static IServiceCollection AddNervewiseRequestLimits(this IServiceCollection services)
    {
        services.Configure<FormOptions>(options =>
        {
            // Only the import page takes a file; its own endpoint limit (50 MB) still applies first.
            options.MultipartBodyLengthLimit = Pages.Diary.ImportModel.MaxBytes;
            options.ValueLengthLimit = (int)FormBytes;
            options.KeyLengthLimit = 256;
            options.ValueCountLimit = 256;
        });
        return services;
    }

    /// <summary>
    /// Answers 413 at once when the declared length is over the endpoint's limit. Without this a page form over its
    /// limit failed inside antiforgery's form read and got 400 "that form had expired"; and the in-memory test server,
    /// which enforces no limits, is held to the declared ones too. A chunked body over the limit still fails on read.
    /// </summary>
    public static IApplicationBuilder UseDeclaredSizeLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            // Not when an error page is re-executed for this request: the body was already accepted, and the
            // page's own form limit would turn a 500 into 413.
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (context.Request.ContentLength > limit && !reExecuted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });

    /// <summary>Gives every page without a limit of its own the form limit, as endpoint metadata the routing middleware applies.</summary>
    public static void LimitPageBodies(this PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention("/", model =>
        {
            if (!model.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().Any() && !model.HandlerTypeAttributes.OfType<IRequestSizeLimitMetadata>().Any())
            {
                model.EndpointMetadata.Add(new RequestSizeLimitAttribute(FormBytes));
            }
        });
}
