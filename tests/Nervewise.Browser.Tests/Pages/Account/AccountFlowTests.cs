using Microsoft.Playwright;
using Nervewise.Browser.Tests.Support;

namespace Nervewise.Browser.Tests.Pages.Account;

public sealed class AccountFlowTests(ChromiumFixture chromium) : BrowserTest(chromium)
{
    private const string Password = "slow steady progress";

    [Fact]
    public async Task A_person_registers_signs_out_and_signs_in_again_on_a_phone()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("back of your thigh");
        await ScreenshotAsync(page, "home-360");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Get started" }).ClickAsync();
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/welcome").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Nervewise" })).ToBeVisibleAsync();

        await new SiteHeader(page).SignOutAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "I have an account" })).ToBeVisibleAsync();

        await page.GotoAsync("/account/sign-in");
        var signIn = new SignInPage(page);
        await signIn.SignInAsync("ada@example.com", "a wrong password");
        await Assertions.Expect(signIn.Error).ToContainTextAsync("do not match");
        await ScreenshotAsync(page, "sign-in-error-360");

        await signIn.SignInAsync("ada@example.com", Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_person_gives_their_name_at_registration_and_changes_it_on_the_account_page()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).SubmitAsync("noname@example.com", Password, name: "");
        await Assertions.Expect(page.Locator("#name-error")).ToHaveTextAsync("Your name is required.");
        await ScreenshotAsync(page, "register-name-missing-360");

        await page.GotoAsync("/account/register");
        await page.GetByLabel("Date of birth (optional)").FillAsync("1984-03-21");
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password, "Ada King");
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("[data-account-name]")).ToHaveTextAsync("Ada King");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("21 March 1984");

        await page.GetByLabel("Your name").FillAsync("Ada Lovelace King");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your details are saved.");
        await Assertions.Expect(page.Locator("[data-account-name]")).ToHaveTextAsync("Ada Lovelace King");
        await ScreenshotAsync(page, "account-details-360");
    }

    [Fact]
    public async Task A_person_who_forgot_their_password_chooses_a_new_one_from_the_emailed_link()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);
        await new SiteHeader(page).SignOutAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses that email");

        var link = Nervewise.Testing.Mailbox.Link(await Mailbox.NewestToAsync("ada@example.com", count: 2));
        await page.GotoAsync(link.ToString());
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a fresh start phrase");
        await page.GetByLabel("Type the new password again").FillAsync("a fresh start phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed");

        await page.GotoAsync("/account/sign-in");
        await new SignInPage(page).SignInAsync("ada@example.com", "a fresh start phrase");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Registering_with_a_known_email_shows_the_same_check_your_email_page()
    {
        var page = await OpenAsync(Desktop);
        await page.GotoAsync("/account/register");
        await new RegisterPage(page).RegisterAsync("ada@example.com", Password);
        await new SiteHeader(page).SignOutAsync();

        await page.GotoAsync("/account/register");
        await new RegisterPage(page).SubmitAsync("ada@example.com", "another good phrase");

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseAddress, "/account/check-email").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        Assert.Equal("Someone tried to create a Nervewise account with your email",
            (await Mailbox.NewestToAsync("ada@example.com", count: 2)).Subject);
    }

    [Fact]
    public async Task The_public_pages_fit_a_phone_and_a_desktop_without_sideways_scrolling()
    {
        foreach (var (viewport, label) in new[] { (Phone, "360"), (Desktop, "1280") })
        {
            var page = await OpenAsync(viewport);
            foreach (var (path, name) in new[] { ("/", "home"), ("/account/sign-in", "sign-in"), ("/account/register", "register") })
            {
                await page.GotoAsync(path);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {label}px wide.");
                await ScreenshotAsync(page, $"{name}-{label}");
            }
        }
    }

    [Fact]
    public async Task The_forms_can_be_used_with_the_keyboard_alone()
    {
        var page = await OpenAsync(Phone);
        await page.GotoAsync("/account/register");

        await page.GetByLabel("Your name").FocusAsync();
        await page.Keyboard.TypeAsync("Kai Moana");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kai@example.com");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        // The confirmation page's one button, pressed from the keyboard.
        await page.GotoAsync(Nervewise.Testing.Mailbox.Link(await Mailbox.NewestToAsync("kai@example.com")).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Nervewise" })).ToBeVisibleAsync();
    }
}
