using System.Reflection;
using Xunit.Sdk;

namespace Nervewise.Browser.Tests.Support;

/// <summary>
/// Which browser test runs, and whether it has failed: xunit 2 tells a test class neither, and a failing test should
/// leave the app's log and the page's HTML beside its screenshots. Browser tests run one at a time (one collection).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class FailureRecordAttribute : BeforeAfterTestAttribute
{
    private static volatile string? _current;
    private static volatile bool _failed;

    static FailureRecordAttribute() =>
        // An assertion, a Playwright error or a timeout on its way out of the running test. A caught one (an expected
        // exception) only costs a few files.
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (_current is not null && e.Exception is XunitException or Microsoft.Playwright.PlaywrightException or TimeoutException)
            {
                _failed = true;
            }
        };

    /// <summary>"Class.Method" of the running test.</summary>
    public static string? Current => _current;

    /// <summary>Whether the running test has met an exception that fails tests.</summary>
    public static bool Failed => _failed;

    public override void Before(MethodInfo methodUnderTest)
    {
        _failed = false;
        _current = $"{methodUnderTest.DeclaringType?.Name}.{methodUnderTest.Name}";
    }
}
