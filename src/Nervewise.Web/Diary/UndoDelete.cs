using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Nervewise.Data.Diary;
using Nervewise.Domain.Diary;

namespace Nervewise.Web.Diary;

/// <summary>
/// A deleted entry, sealed for a short while so the person can bring it back: the whole row travels in a token only
/// this server can read, tied to its owner, so nothing is kept after the delete and no table is needed.
/// </summary>
public sealed class UndoDelete(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long "Undo" works after a delete.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private sealed record Sealed(string Owner, Guid Id, DateTimeOffset Time, string Type, string Item, decimal? Value, int? Duration, string Note);

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Nervewise.Diary.UndoDelete").ToTimeLimitedDataProtector();

    public string Seal(string owner, DiaryEntryRecord entry) =>
        Protector.Protect(
            JsonSerializer.Serialize(new Sealed(owner, entry.Id, entry.LocalTime, entry.Type, entry.Item, entry.Value, entry.DurationMinutes, entry.Note)),
            clock.GetUtcNow().Add(Window));

    /// <summary>The entry and its id, or null when the token is too old, broken, or someone else's.</summary>
    public (Guid Id, DiaryEntry Entry)? Open(string owner, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var text = Protector.Unprotect(token, out var expires);
            var row = JsonSerializer.Deserialize<Sealed>(text);
            if (row is null || row.Owner != owner || expires < clock.GetUtcNow() || !DiaryVocabulary.TryParse(row.Type, out var type))
            {
                return null;
            }
            return (row.Id, DiaryEntry.Create(row.Time, type, row.Item, row.Value, row.Duration, row.Note));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or DiaryEntryException)
        {
            return null;
        }
    }
}
