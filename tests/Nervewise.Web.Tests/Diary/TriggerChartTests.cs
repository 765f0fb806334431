using System.Globalization;
using System.Xml.Linq;
using Nervewise.Domain.Triggers;
using Nervewise.Web.Diary;

namespace Nervewise.Web.Tests.Diary;

/// <summary>The chart by delay keeps every dot inside the picture and never lets a word sit on a word or a dot.</summary>
public sealed class TriggerChartTests
{
    private static readonly IReadOnlyList<TriggerRules.Window> Windows = TriggerRules.Current.Windows.List;

    private static TriggerFinding Finding(int window, double effect, double low, double? high, bool significant) =>
        new("activity:sitting", "long", "long sitting (2 hours or more)", Windows[window].StartHours, Windows[window].EndHours,
            effect, low, high, 0.01, significant ? 0.01 : 0.5, significant, 10, 8, 4, [], "", new TriggerCounts(19, 12, 6, 0, 0));

    /// <summary>Every effect a chart meets: far above the scale with no upper end, at no difference, far below, untested.</summary>
    private static readonly LeadingExposure Extreme = new("activity:sitting", "long", "long sitting (2 hours or more)", Windows,
        [Finding(0, 1.02, 0.3, 3, false), null, Finding(2, 40, 3.4, null, true), Finding(3, 0.1, 0.01, 0.9, false), Finding(4, 1, 0.5, 2, false)]);

    private readonly record struct Box(double Left, double Top, double Right, double Bottom, string What)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }

    private static double Number(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static (XElement Svg, double Width, double Height) Parse(string svg)
    {
        var root = XElement.Parse(svg);
        var box = root.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (root, box[2], box[3]);
    }

    private static IEnumerable<Box> TextBoxes(XElement svg)
    {
        foreach (var text in svg.Elements("text"))
        {
            var size = Number(text, "font-size");
            var lines = new List<(string Value, double Y)>();
            var y0 = Number(text, "y");
            foreach (var span in text.Elements("tspan"))
            {
                y0 += span.Attribute("dy") is { } dy ? double.Parse(dy.Value, CultureInfo.InvariantCulture) : 0;
                lines.Add((span.Value, y0));
            }
            if (lines.Count == 0)
            {
                lines.Add((text.Value, y0));
            }
            foreach (var (value, y) in lines)
            {
                var width = TriggerChart.TextWidth(value, size);
                var x = Number(text, "x");
                var left = text.Attribute("text-anchor")?.Value switch
                {
                    "middle" => x - (width / 2),
                    "end" => x - width,
                    _ => x,
                };
                yield return new Box(left, y - (size * 0.8), left + width, y + (size * 0.2), value);
            }
        }
    }

    [Fact]
    public void Every_dot_and_arrow_stays_inside_the_picture()
    {
        var (svg, width, height) = Parse(TriggerChart.ByWindow(Extreme));

        var circles = svg.Elements("circle").ToList();
        Assert.Equal(4, circles.Count);
        Assert.All(circles, c =>
        {
            var (x, y, r) = (Number(c, "cx"), Number(c, "cy"), Number(c, "r") + 1);
            Assert.InRange(x - r, 0, width);
            Assert.InRange(x + r, 0, width);
            Assert.InRange(y - r, 0, height);
            Assert.InRange(y + r, 0, height);
        });
        var arrow = Assert.Single(svg.Elements("path"));
        var points = arrow.Attribute("d")!.Value[1..].Split(' ')[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(points[1] - 6, 0, height);
    }

    [Fact]
    public void No_word_overlaps_another_word_or_a_dot()
    {
        var (svg, _, _) = Parse(TriggerChart.ByWindow(Extreme));

        var texts = TextBoxes(svg).ToList();
        var dots = svg.Elements("circle").Select(c => new Box(
            Number(c, "cx") - Number(c, "r") - 1, Number(c, "cy") - Number(c, "r") - 1,
            Number(c, "cx") + Number(c, "r") + 1, Number(c, "cy") + Number(c, "r") + 1, "dot")).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = i + 1; j < texts.Count; j++)
            {
                Assert.False(texts[i].Overlaps(texts[j]), $"\"{texts[i].What}\" overlaps \"{texts[j].What}\"");
            }
            Assert.DoesNotContain(dots, d => d.Overlaps(texts[i]));
        }
    }

    [Fact]
    public void The_dot_titles_carry_the_counts_and_no_open_ended_interval()
    {
        var (svg, _, _) = Parse(TriggerChart.ByWindow(Extreme));

        var titles = svg.Descendants("title").Select(t => t.Value).ToList();
        Assert.All(titles, t => Assert.DoesNotContain("no upper limit", t, StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("more likely (how much more, the diary cannot yet say), at least 3.4 times; 12 of 19 flare-ups came after it", StringComparison.Ordinal));
    }
}
