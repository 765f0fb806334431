using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Nervewise.Web.Infrastructure;

/// <summary>
/// The session cookie's ticket, decrypted once and then kept for a few minutes by a hash of the cookie (ADR 0033).
/// Decrypting it (Data Protection: a key derived for each cookie, a MAC and AES) was about 8 % of a signed-in
/// request's CPU, every request. Each request gets its own copy of the ticket, and everything checked after
/// decrypting is still checked every time: the expiry by the cookie handler, the account's stamp by
/// <see cref="SessionCheck"/> against the database, so signing out still ends a session at once.
/// </summary>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How long a decrypted ticket is kept: also how long a revoked Data Protection key would still open it here.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);

    /// <summary>Tickets kept at most; beyond it the oldest go (each is a few hundred bytes).</summary>
    public const int Limit = 20_000;

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = Limit, CompactionPercentage = 0.25 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }
        // The cookie is a bearer secret: only its hash is kept as a key.
        var key = Key(protectedText, purpose);
        if (_tickets.TryGetValue(key, out AuthenticationTicket? kept))
        {
            return kept!.Clone();
        }
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Keep });
        }
        return ticket;
    }

    public void Dispose() => _tickets.Dispose();

    private static string Key(string protectedText, string? purpose)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(purpose is null ? protectedText : $"{purpose}\n{protectedText}"), hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>Wraps the session cookie's format once the cookie handler's own set-up has made it.</summary>
    internal sealed class Setup : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not CachedTicketFormat)
            {
                options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat);
            }
        }
    }
}
