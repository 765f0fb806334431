namespace Nervewise.Domain.Assessment;

/// <summary>A likely driver of posterior thigh pain. More than one can be present at once.</summary>
public enum Source
{
    Nerve,
    Muscle,
    Tendon,
}

public enum Level
{
    Unlikely,
    Possible,
    Likely,
}

/// <summary>How soon a professional should be involved, lowest first, so that the highest can be taken with Max.</summary>
public enum Urgency
{
    Routine,
    Soon,
    Urgent,
    /// <summary>See a doctor today: a same-day appointment or urgent care.</summary>
    Today,
    Emergency,
}

public enum ImagingAdvice
{
    NotRecommended,
    DiscussWithClinician,
}

public enum ItemType
{
    Boolean,
    Integer,
    Choice,
}

/// <summary>One answer: yes/no, a whole number or a choice code, as the item's type says.</summary>
public readonly record struct Answer(ItemType Type, bool Boolean = false, int Number = 0, string? Code = null)
{
    public static Answer Yes { get; } = new(ItemType.Boolean, Boolean: true);
    public static Answer No { get; } = new(ItemType.Boolean, Boolean: false);

    public static Answer Of(bool value) => value ? Yes : No;

    public static Answer Of(int value) => new(ItemType.Integer, Number: value);

    public static Answer OfChoice(string code) => new(ItemType.Choice, Code: code);

    /// <summary>The value as plain JSON would hold it.</summary>
    public object Value => Type switch
    {
        ItemType.Boolean => Boolean,
        ItemType.Integer => Number,
        _ => Code!,
    };
}
