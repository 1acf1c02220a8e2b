using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.Accounts;

public enum AccountTokenPurpose
{
    EmailConfirmation,
    PasswordReset,

    /// <summary>An invitation (or the first administrator): choosing a password also confirms the address.</summary>
    SetPassword,
}

/// <summary>
/// A single-use secret sent by e-mail. Only its SHA-256 hash is stored: the link works once (it is
/// marked used) and expires.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public AccountTokenPurpose Purpose { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>A new token for an account: the entity to store and the secret to send.</summary>
    public static (AccountToken Token, string Secret) Issue(Guid accountId, AccountTokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new AccountToken
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            Purpose = purpose,
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> token)
    {
        token.ToTable("account_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        token.Property(t => t.AccountId).HasColumnName("account_id");
        token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        token.Property(t => t.Purpose).HasColumnName("purpose").HasConversion<string>().HasMaxLength(30);
        token.Property(t => t.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.Property(t => t.CreatedAt).HasColumnName("created_at");
        token.Property(t => t.ExpiresAt).HasColumnName("expires_at");
        token.Property(t => t.UsedAt).HasColumnName("used_at");
    }
}
