using Microsoft.Playwright;
using Nervewise.Browser.Tests.Support;
using Nervewise.Testing;

namespace Nervewise.Browser.Tests.Pages.Account;

public sealed class TwoFactorFlowTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    [Fact]
    public async Task A_person_turns_on_two_step_sign_in_from_the_account_page_signs_in_with_a_code_and_turns_it_off()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);
        await new SiteHeader(page).GoToAsync("Account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-step sign-in" }).ClickAsync();

        var setup = new TwoFactorSetupPage(page);
        await Assertions.Expect(setup.Key).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        foreach (var (viewport, label) in new[] { (Phone, "360"), (Desktop, "1280") })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"The set-up page scrolls sideways by {overflow}px at {label}px wide.");
            await ScreenshotAsync(page, $"two-factor-setup-{label}");
        }
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);

        var (key, codes) = await setup.TurnOnAsync();
        Assert.Equal(10, codes.Length);
        await Assertions.Expect(page.GetByText("Keep these somewhere safe")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "two-factor-recovery-codes-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "I have kept them safe. Continue" }).ClickAsync();
        await new SiteHeader(page).SignOutAsync();
        await page.GotoAsync("/account/sign-in");
        await new SignInPage(page).SignInAsync("ada@example.com", Password);
        var code = new SignInCodePage(page);
        await code.EnterAsync("000000" == Totp.Code(key) ? "111111" : "000000");
        await Assertions.Expect(code.Error).ToContainTextAsync("That code did not work");
        await code.EnterAsync(Totp.Code(key));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();

        await new SiteHeader(page).GoToAsync("Account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in: recovery codes, a new phone, or turn it off" }).ClickAsync();
        await page.GetByLabel("Your password, or a code from your app").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is off");
    }
}
