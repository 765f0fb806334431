using Microsoft.Playwright;
using Nervewise.Testing;

namespace Nervewise.Browser.Tests.Pages.Account;

/// <summary>Page objects: what a person sees and does, not how the HTML is built.</summary>
internal sealed class RegisterPage(IPage page)
{
    /// <summary>
    /// Fills in the form, then opens the link in the confirmation message and presses its button, as a person does:
    /// ends signed in on the first run. When the form is refused, or no confirmation comes, stays where it is.
    /// </summary>
    public async Task RegisterAsync(string email, string password, string name = "Sam Taylor")
    {
        var mailbox = NervewiseApp.ServingAt(new Uri(page.Url)).Mailbox;
        var before = mailbox.To(email).Count;
        await SubmitAsync(email, password, name);
        if (!new Uri(page.Url).AbsolutePath.Equals("/account/check-email", StringComparison.Ordinal))
        {
            return;
        }
        var link = Mailbox.Link(await mailbox.NewestToAsync(email, before + 1));
        if (link.AbsolutePath != "/account/confirm-email")
        {
            return;
        }
        await page.GotoAsync(link.ToString());
        await SubmitAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }));
    }

    /// <summary>Presses a button that posts a form and waits until the page that answers has loaded.</summary>
    internal static async Task SubmitAndWaitAsync(IPage page, ILocator button)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            await button.ClickAsync();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
        // Asked of the page itself, not of Playwright's "load" event: after the confirm-email form (the page where the
        // service worker takes over) that event was now and then never reported, though the answer had loaded.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 50 });
    }

    /// <summary>Only the form: ends on "Check your email" or on the form with its errors.</summary>
    public async Task SubmitAsync(string email, string password, string name = "Sam Taylor")
    {
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
        // Waits for the page that answers, styled: a load-state wait alone can be met by the form's own page before
        // the answer arrives, and the next step would then act on the old page.
        await SubmitAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
    }
}

internal sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await RegisterPage.SubmitAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);
}

internal sealed class SiteHeader(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>Follows a link in the main menu, opening the menu first where it is folded away (phones).</summary>
    public async Task GoToAsync(string name)
    {
        await OpenMenuAsync();
        await Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await OpenMenuAsync();
        await Navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
    }

    private async Task OpenMenuAsync()
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var summary = Navigation.Locator("summary", new() { HasText = "Menu" });
        if (await summary.IsVisibleAsync() && await Navigation.Locator("details.menu[open]").CountAsync() == 0)
        {
            await summary.ClickAsync();
        }
    }
}
