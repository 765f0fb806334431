namespace Nervewise.Web.Pages;

/// <summary>
/// The body map: the low back down to the foot, each region a link. <see cref="Href"/> gives each region's
/// address; pages with script may intercept the clicks (data-region names the region).
/// </summary>
public sealed record BodyMapModel(Func<string, string> Href, string? Selected = null, string Label = "Body map: choose where you feel it");
