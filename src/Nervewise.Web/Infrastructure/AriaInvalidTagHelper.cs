using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Nervewise.Web.Infrastructure;

/// <summary>Marks an input whose value was refused with aria-invalid, so screen readers announce it.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the built-in input tag helper, which runs at order -1000.
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState[For.Name]?.Errors;
        if (errors is { Count: > 0 })
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
