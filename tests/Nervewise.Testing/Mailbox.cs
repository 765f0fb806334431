using System.Text.RegularExpressions;
using MimeKit;

namespace Nervewise.Testing;

/// <summary>
/// Reads the mail an app under test sent: its pickup folder of .eml files, or the maildir of a real SMTP server.
/// The app sends from a background worker, so reads wait a little for a message to arrive.
/// </summary>
public sealed partial class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Every message to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            // Half-written files: the pickup folder's .tmp names, a maildir's tmp folder.
            .Where(file => !file.EndsWith(".tmp", StringComparison.Ordinal)
                && !Path.GetRelativePath(Folder, file).StartsWith("tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(file => (File: file, Written: File.GetLastWriteTimeUtc(file)))
            .OrderBy(entry => entry.Written).ThenBy(entry => Path.GetFileName(entry.File), StringComparer.Ordinal)
            .Select(entry => MimeMessage.Load(entry.File))
            .Where(message => message.To.Mailboxes.Any(to => to.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Waits for message number <paramref name="count"/> to <paramref name="address"/> and returns the newest.</summary>
    public async Task<MimeMessage> NewestToAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages[^1];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} message(s) to {address} in {Folder}; found {messages.Count}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The first link in a message's text.</summary>
    public static Uri Link(MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "") is { Success: true } match
            ? new Uri(match.Value)
            : throw new InvalidOperationException($"The message '{message.Subject}' has no link.");

    /// <summary>Every link in a message's text.</summary>
    public static IReadOnlyList<Uri> Links(MimeMessage message) =>
        [.. LinkPattern().Matches(message.TextBody ?? "").Select(match => new Uri(match.Value))];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
