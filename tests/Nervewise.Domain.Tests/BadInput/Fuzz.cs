using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Nervewise.Tests.BadInput;

/// <summary>Runs an FsCheck property over a generator and reports how many inputs it really tried.</summary>
public static class Fuzz
{
    public static int Check<T>(ITestOutputHelper output, string target, Gen<T> gen, int count, Action<T> property)
    {
        var tried = 0;
        var prop = Prop.ForAll(gen.ToArbitrary(), (T value) =>
        {
            tried++;
            Describe(value, property);
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithEndSize(50).WithQuietOnSuccess(true), prop);
        output.WriteLine($"bad-input {target}: {tried} inputs");
        return tried;
    }

    /// <summary>Runs a fixed list of hand-written cases through the same property.</summary>
    public static int Each<T>(ITestOutputHelper output, string target, IEnumerable<T> cases, Action<T> property)
    {
        var tried = 0;
        foreach (var value in cases)
        {
            tried++;
            Describe(value, property);
        }
        output.WriteLine($"bad-input {target}: {tried} inputs");
        return tried;
    }

    /// <summary>Runs one case; a failure names the input, shortened, so it can be replayed by hand.</summary>
    private static void Describe<T>(T value, Action<T> property)
    {
        try
        {
            property(value);
        }
        catch (Exception ex)
        {
            var text = value is byte[] bytes ? Convert.ToHexString(bytes) : value?.ToString() ?? "null";
            throw new InvalidOperationException($"Failed on input ({text.Length} chars): {(text.Length > 2000 ? text[..2000] + "…" : text)}", ex);
        }
    }
}
