using ScottPlot;
using SkiaSharp;

namespace Nervewise.Documents.Charts;

/// <summary>
/// The charts draw their text in the same embedded DejaVu Sans as the PDF: Skia's Linux build without fontconfig
/// (SkiaSharp.NativeAssets.Linux.NoDependencies) finds no system font, and a server may have none installed. A Latin
/// cut of the face (Charts/Fonts/README.md): Skia embeds the font whole in each chart's PDF.
/// </summary>
internal sealed class ChartFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("chart-fonts/DejaVuSans-Latin.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("chart-fonts/DejaVuSans-Bold-Latin.ttf"));

    private static readonly Lazy<bool> Installed = new(() =>
    {
        // ScottPlot keeps its resolvers in one process-wide list: add ours once, first, and make it the default.
        lock (Fonts.FontResolvers)
        {
            Fonts.FontResolvers.Insert(0, new ChartFonts());
        }
        Fonts.Default = Family;
        return true;
    });

    public static void Install() => _ = Installed.Value;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Family ? (bold ? Bold.Value : Regular.Value) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font '{name}' is not embedded.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Skia could not read the font '{name}'.");
    }
}
