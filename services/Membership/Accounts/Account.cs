using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nege.Membership.Accounts;

/// <summary>A person's extranet account: identity, password, confirmation, lockout, roles and organisation.</summary>
public sealed class Account
{
    public Guid Id { get; init; }

    public required string Email { get; set; }

    /// <summary>The e-mail address upper-cased, for case-insensitive uniqueness.</summary>
    public required string NormalizedEmail { get; set; }

    public required string UserName { get; set; }

    public required string NormalizedUserName { get; set; }

    public required string Civility { get; set; }

    public required string LastName { get; set; }

    public required string FirstName { get; set; }

    public string? Function { get; set; }

    /// <summary>ASP.NET Core Identity's hash; null until the person has chosen a password.</summary>
    public string? PasswordHash { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    public int FailedLoginCount { get; set; }

    /// <summary>Until when repeated failures keep the account locked.</summary>
    public DateTimeOffset? LockedOutUntil { get; set; }

    /// <summary>When an administrator locked the account (until unlocked).</summary>
    public DateTimeOffset? LockedByAdministratorAt { get; set; }

    public Guid? OrganisationId { get; set; }

    /// <summary>« Coordonnées individuelles », in E.164.</summary>
    public string? MobilePhone { get; set; }

    public string? LandlinePhone { get; set; }

    /// <summary>« Lieu de travail habituel ».</summary>
    public Workplace Workplace { get; set; } = Workplace.Unknown;

    /// <summary>« Notifications de publication d'une actualité »: the news categories of the daily digest.</summary>
    public List<string> NotificationCategories { get; set; } = [];

    public Guid? PhotoImageId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>
    /// Changes when the password changes or an administrator locks the account: a login cookie carrying
    /// another stamp no longer opens the door (sessions opened with the old password end).
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public List<AccountRole> Roles { get; init; } = [];

    public string DisplayName => $"{FirstName} {LastName}";

    public bool IsLocked(DateTimeOffset now) => LockedByAdministratorAt is not null || LockedOutUntil > now;

    /// <summary>Confirmed, with a password, not locked.</summary>
    public bool CanSignIn(DateTimeOffset now) => EmailConfirmedAt is not null && PasswordHash is not null && !IsLocked(now);

    public IReadOnlyList<string> RoleNames => [.. Roles.Select(role => role.Role).Order(StringComparer.Ordinal)];

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>
    /// An administrator's lock, until unlocked: its sessions end at their next refresh (a new stamp).
    /// A locked account stays as it was locked, at the first lock's date.
    /// </summary>
    public void Lock(DateTimeOffset now)
    {
        if (LockedByAdministratorAt is not null)
        {
            return;
        }

        LockedByAdministratorAt = now;
        SecurityStamp = NewSecurityStamp();
    }

    /// <summary>Lifts the administrator's lock and the lockout that repeated failures set.</summary>
    public void Unlock()
    {
        LockedByAdministratorAt = null;
        LockedOutUntil = null;
        FailedLoginCount = 0;
    }

    /// <summary>Grants the role (when the account does not hold it yet); the audit row to store, or null.</summary>
    public RoleChange? Grant(string role, Guid? byAccountId, string byName, DateTimeOffset now)
    {
        if (Roles.Any(r => r.Role == role))
        {
            return null;
        }

        Roles.Add(new AccountRole { AccountId = Id, Role = role, GrantedAt = now });
        return RoleChange.Of(Id, role, RoleChange.Granted, byAccountId, byName, now);
    }

    /// <summary>Withdraws the role (when the account holds it); the audit row to store, or null.</summary>
    public RoleChange? Withdraw(string role, Guid? byAccountId, string byName, DateTimeOffset now)
    {
        if (Roles.SingleOrDefault(r => r.Role == role) is not { } granted)
        {
            return null;
        }

        Roles.Remove(granted);
        return RoleChange.Of(Id, role, RoleChange.Withdrawn, byAccountId, byName, now);
    }
}

/// <summary>« Lieu de travail habituel »: where the pilots can reach the person.</summary>
public sealed record Workplace(string? SiteName, string Zone, string? Address, string? PostalCode, string? City)
{
    public static readonly Workplace Unknown = new(null, "N/A", null, null, null);
}

public sealed class AccountRole
{
    public Guid AccountId { get; init; }

    public required string Role { get; init; }

    public DateTimeOffset GrantedAt { get; init; }
}

/// <summary>The audit of role changes: who granted or withdrew which role of whom, and when.</summary>
public sealed class RoleChange
{
    public const string Granted = "granted";
    public const string Withdrawn = "withdrawn";

    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public required string Role { get; init; }

    public required string Change { get; init; }

    /// <summary>The administrator's account, or null when the platform itself did it (first administrator).</summary>
    public Guid? ByAccountId { get; init; }

    public required string ByName { get; init; }

    public DateTimeOffset At { get; init; }

    public static RoleChange Of(Guid accountId, string role, string change, Guid? byAccountId, string byName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), AccountId = accountId, Role = role, Change = change, ByAccountId = byAccountId, ByName = byName, At = now,
    };
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<AccountRole>, IEntityTypeConfiguration<RoleChange>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        account.Property(a => a.Email).HasColumnName("email").HasMaxLength(AccountRules.EmailMaxLength);
        account.Property(a => a.NormalizedEmail).HasColumnName("normalized_email").HasMaxLength(AccountRules.EmailMaxLength);
        account.HasIndex(a => a.NormalizedEmail).IsUnique();
        account.Property(a => a.UserName).HasColumnName("user_name").HasMaxLength(AccountRules.UserNameMaxLength);
        account.Property(a => a.NormalizedUserName).HasColumnName("normalized_user_name").HasMaxLength(AccountRules.UserNameMaxLength);
        account.HasIndex(a => a.NormalizedUserName).IsUnique();
        account.Property(a => a.Civility).HasColumnName("civility").HasMaxLength(20);
        account.Property(a => a.LastName).HasColumnName("last_name").HasMaxLength(AccountRules.NameMaxLength);
        account.Property(a => a.FirstName).HasColumnName("first_name").HasMaxLength(AccountRules.NameMaxLength);
        account.Property(a => a.Function).HasColumnName("function").HasMaxLength(AccountRules.NameMaxLength);
        account.Property(a => a.PasswordHash).HasColumnName("password_hash").HasMaxLength(500);
        account.Property(a => a.EmailConfirmedAt).HasColumnName("email_confirmed_at");
        account.Property(a => a.FailedLoginCount).HasColumnName("failed_login_count");
        account.Property(a => a.LockedOutUntil).HasColumnName("locked_out_until");
        account.Property(a => a.LockedByAdministratorAt).HasColumnName("locked_by_administrator_at");
        account.Property(a => a.OrganisationId).HasColumnName("organisation_id");
        account.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        account.Property(a => a.MobilePhone).HasColumnName("mobile_phone").HasMaxLength(20);
        account.Property(a => a.LandlinePhone).HasColumnName("landline_phone").HasMaxLength(20);
        account.ComplexProperty(a => a.Workplace, workplace =>
        {
            workplace.Property(w => w.SiteName).HasColumnName("workplace_site_name").HasMaxLength(200);
            workplace.Property(w => w.Zone).HasColumnName("workplace_zone").HasMaxLength(60).HasDefaultValue("N/A");
            workplace.Property(w => w.Address).HasColumnName("workplace_address").HasMaxLength(200);
            workplace.Property(w => w.PostalCode).HasColumnName("workplace_postal_code").HasMaxLength(5);
            workplace.Property(w => w.City).HasColumnName("workplace_city").HasMaxLength(200);
        });
        account.Property(a => a.NotificationCategories).HasColumnName("notification_categories");
        account.Property(a => a.PhotoImageId).HasColumnName("photo_image_id");
        account.HasOne<Images.StoredImage>().WithMany().HasForeignKey(a => a.PhotoImageId).OnDelete(DeleteBehavior.SetNull);
        account.Property(a => a.CreatedAt).HasColumnName("created_at");
        account.Property(a => a.LastLoginAt).HasColumnName("last_login_at");
        account.Property(a => a.SecurityStamp).HasColumnName("security_stamp").HasMaxLength(32);
        account.HasMany(a => a.Roles).WithOne().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        account.Ignore(a => a.DisplayName);
        account.Ignore(a => a.RoleNames);
    }

    public void Configure(EntityTypeBuilder<AccountRole> role)
    {
        role.ToTable("account_roles");
        role.HasKey(r => new { r.AccountId, r.Role });
        role.Property(r => r.AccountId).HasColumnName("account_id");
        role.Property(r => r.Role).HasColumnName("role").HasMaxLength(40);
        role.Property(r => r.GrantedAt).HasColumnName("granted_at");
    }

    public void Configure(EntityTypeBuilder<RoleChange> change)
    {
        change.ToTable("role_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        change.Property(c => c.AccountId).HasColumnName("account_id");
        change.HasIndex(c => c.AccountId);
        change.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        change.Property(c => c.Role).HasColumnName("role").HasMaxLength(40);
        change.Property(c => c.Change).HasColumnName("change").HasMaxLength(20);
        change.Property(c => c.ByAccountId).HasColumnName("by_account_id");
        change.Property(c => c.ByName).HasColumnName("by_name").HasMaxLength(250);
        change.Property(c => c.At).HasColumnName("at");
    }
}
