namespace Nervewise.Web.Infrastructure;

/// <summary>
/// Whether the browser itself says a request came from one of this app's own pages: Fetch Metadata's
/// <c>Sec-Fetch-Site: same-origin</c>, or, from a browser that does not send it, an <c>Origin</c> equal to the
/// request's own. A page on another site cannot make a browser say either (ADR 0031). Anything else, including a
/// request that names no origin at all, is not taken as same-origin.
/// </summary>
internal static class SameOriginPost
{
    public static bool Says(HttpRequest request)
    {
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site))
        {
            return site == "same-origin";
        }
        return request.Headers.Origin is [{ } origin]
            && string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
