using Microsoft.Playwright;

namespace Nervewise.Browser.Tests.Pages.Account;

/// <summary>Page objects: what a person sees and does, not how the HTML is built.</summary>
internal sealed class RegisterPage(IPage page)
{
    public async Task RegisterAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }
}

internal sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);
}

internal sealed class SiteHeader(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public Task SignOutAsync() => Navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
