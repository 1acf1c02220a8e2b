using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Nege.Membership.OpenIdServer;

/// <summary>A development signing or encryption certificate, kept in the database so every replica and every restart shares it.</summary>
public sealed class ServerKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public required string Purpose { get; init; }

    /// <summary>The certificate with its private key (PKCS#12, no password: development only).</summary>
    public required byte[] Certificate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> key)
    {
        key.ToTable("server_keys");
        key.HasKey(k => k.Purpose);
        key.Property(k => k.Purpose).HasColumnName("purpose").HasMaxLength(20);
        key.Property(k => k.Certificate).HasColumnName("certificate");
        key.Property(k => k.CreatedAt).HasColumnName("created_at");
    }
}

/// <summary>
/// The server's certificates: from configuration (<c>Identity:SigningCertificate:Path</c>/<c>Password</c>,
/// same for <c>EncryptionCertificate</c>), or, in Development only, generated once and kept in the
/// database.
/// </summary>
public static class ServerCertificates
{
    public static X509Certificate2? FromConfiguration(IConfiguration configuration, string purpose)
    {
        var section = configuration.GetSection(purpose == ServerKey.Signing ? "Identity:SigningCertificate" : "Identity:EncryptionCertificate");
        return section["Path"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet)
            : null;
    }

    /// <summary>The development certificate for <paramref name="purpose"/>, created by the first replica that needs it.</summary>
    public static X509Certificate2 LoadOrCreateInDatabase(string connectionString, string purpose, TimeProvider clock)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        if (Read(connection, purpose) is not { } stored)
        {
            using var insert = new NpgsqlCommand(
                "INSERT INTO server_keys (purpose, certificate, created_at) VALUES ($1, $2, $3) ON CONFLICT (purpose) DO NOTHING", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = purpose });
            insert.Parameters.Add(new NpgsqlParameter { Value = Create(purpose, clock.GetUtcNow()) });
            insert.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            insert.ExecuteNonQuery();

            // Another replica may have won the race: everyone uses the row that is there.
            stored = Read(connection, purpose)!;
        }

        return X509CertificateLoader.LoadPkcs12(stored, null, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
    }

    private static byte[]? Read(NpgsqlConnection connection, string purpose)
    {
        using var select = new NpgsqlCommand("SELECT certificate FROM server_keys WHERE purpose = $1", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = purpose });
        return select.ExecuteScalar() as byte[];
    }

    private static byte[] Create(string purpose, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=NEGE Membership {purpose}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            purpose == ServerKey.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
