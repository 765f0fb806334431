using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Nervewise.Data;
using Nervewise.Data.Fhir;
using OpenIddict.Server;

namespace Nervewise.Web.Smart;

/// <summary>
/// The server's RSA keys (one to sign tokens, one to encrypt them), kept in the database with the private key protected
/// by Data Protection, so every instance signs and reads the same tokens. The first instance to start makes them.
/// </summary>
internal sealed class ServerKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private const string SigningId = "signing-rsa-1";
    private const string EncryptionId = "encryption-rsa-1";

    public void Configure(OpenIddictServerOptions options)
    {
        var protector = protection.CreateProtector("Nervewise.Smart.ServerKeys");
        var signing = Load(protector, SigningId, "signing");
        var encryption = Load(protector, EncryptionId, "encryption");
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Load(IDataProtector protector, string id, string purpose)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NervewiseDbContext>();
        var record = db.ServerKeys.AsNoTracking().SingleOrDefault(k => k.Id == id);
        if (record is null)
        {
            using var made = RSA.Create(2048);
            db.ServerKeys.Add(new ServerKeyRecord
            {
                Id = id,
                Purpose = purpose,
                CreatedAt = clock.GetUtcNow(),
                ProtectedKey = protector.Protect(Convert.ToBase64String(made.ExportPkcs8PrivateKey())),
            });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException)
            {
                // Another instance made it at the same moment: use theirs.
            }
            db.ChangeTracker.Clear();
            record = db.ServerKeys.AsNoTracking().Single(k => k.Id == id);
        }
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(record.ProtectedKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = id };
    }
}
