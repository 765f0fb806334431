using Nervewise.Domain.Diary;

namespace Nervewise.Web.Pages;

/// <summary>
/// The body map: both legs seen from behind (low back down to the heel) and from the front (shins and feet), each
/// region a link. <see cref="Href"/> gives each region's address for a side (no side for the low back); pages with
/// script may intercept the clicks (data-region and data-side name the place).
/// </summary>
public sealed record BodyMapModel(
    Func<string, BodySide?, string> Href,
    string? Selected = null,
    string Label = "Body map: choose where you feel it",
    BodySide? SelectedSide = null)
{
    /// <summary>For a page that only needs the region: both sides of it share one address, so the side is not sent.</summary>
    public BodyMapModel(Func<string, string> href, string? selected = null, string label = "Body map: choose where you feel it")
        : this((region, _) => href(region), selected, label)
    {
    }
}
