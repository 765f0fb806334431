namespace Nervewise.Web.Pages;

/// <summary>A row of big radio "pills" for a phone: one choice from a few, with its legend.</summary>
public sealed record PillsModel(string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options, string? Selected = null);
