using Microsoft.Playwright;
using Nervewise.Testing;

namespace Nervewise.Browser.Tests.Pages.Account;

/// <summary>Setting up two-step sign-in as a person does: read the key off the page, type what the app would show.</summary>
internal sealed class TwoFactorSetupPage(IPage page)
{
    public ILocator Key => page.Locator("[data-authenticator-key]");

    /// <summary>Types the code for the key shown, and returns the key and the recovery codes shown once.</summary>
    public async Task<(string Key, string[] RecoveryCodes)> TurnOnAsync()
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step sign-in", Level = 1 })).ToBeVisibleAsync();
        var key = (await Key.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("6-number code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in is on", Level = 1 })).ToBeVisibleAsync();
        var codes = await page.Locator("[data-recovery-codes] code").AllInnerTextsAsync();
        return (key, [.. codes]);
    }
}

internal sealed class SignInCodePage(IPage page)
{
    public async Task EnterAsync(string code)
    {
        await page.GetByRole(AriaRole.Textbox).FillAsync(code);
        // The page's own word that the answer has loaded, not Playwright's "load" event, which was once never
        // reported after this form though the caseload had loaded (as after the confirm-email form).
        await RegisterPage.SubmitAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    public ILocator Error => page.Locator(".field-error:not(:empty)");
}
