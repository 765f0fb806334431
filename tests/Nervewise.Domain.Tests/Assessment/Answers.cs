using Nervewise.Domain.Assessment;

namespace Nervewise.Domain.Tests.Assessment;

/// <summary>A fluent builder for test answers: Answers.Yes("a", "b").No("c").Weeks(...)</summary>
internal sealed class Answers
{
    private readonly List<Action<AssessmentAnswers.Builder>> _steps = [];

    public static Answers None => new();

    public static Answers Yes(params string[] items) => new Answers().AndYes(items);

    public Answers AndYes(params string[] items)
    {
        _steps.AddRange(items.Select(i => (Action<AssessmentAnswers.Builder>)(b => b.Boolean(i, true))));
        return this;
    }

    public Answers No(params string[] items)
    {
        _steps.AddRange(items.Select(i => (Action<AssessmentAnswers.Builder>)(b => b.Boolean(i, false))));
        return this;
    }

    public Answers Choice(string item, string code)
    {
        _steps.Add(b => b.Choice(item, code));
        return this;
    }

    public Answers RehabWeeks(int weeks)
    {
        _steps.Add(b => b.Number("weeks-of-rehab-without-improvement", weeks));
        return this;
    }

    public AssessmentAnswers Build()
    {
        var builder = new AssessmentAnswers.Builder();
        _steps.ForEach(step => step(builder));
        return builder.Build();
    }

    public AssessmentResult Assess() => AssessmentEngine.Assess(Build());
}
