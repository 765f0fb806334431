using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nervewise.Domain.Content;

namespace Nervewise.Web.Pages.Lessons;

/// <summary>The lesson library: open to everyone, as it holds no one's data.</summary>
[AllowAnonymous]
public class IndexModel : PageModel
{
    public IReadOnlyList<Lesson> Lessons => LessonLibrary.All;
}
