using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nege.Contracts.Accounts;
using Nege.Membership.OpenIdServer;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;
using Npgsql;
using OpenIddict.Abstractions;

namespace Nege.Membership.Accounts;

public sealed record RegistrationRequest(
    string? Email, string? UserName, string? Civility, string? LastName, string? FirstName, string? Function, string? Password, bool? Consent);

public sealed record EmailConfirmationRequest(string? Token);

public sealed record PasswordResetEmailRequest(string? Email);

public sealed record NewPasswordRequest(string? Token, string? Password);

public enum SignInResult
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    EmailNotConfirmed,
}

public sealed record SignInOutcome(SignInResult Result, Account? Account = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// What people do with their own account: register, confirm their address, log in (with lockout),
/// ask for and use a password link. Used by the account pages and by the public API alike.
/// </summary>
public sealed class AccountService(
    MembershipDbContext db,
    IPasswordHasher<Account> hasher,
    IOptions<MembershipIdentityOptions> options,
    IOpenIddictTokenManager tokens,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private MembershipIdentityOptions Options => options.Value;

    public async Task<(Account? Account, ValidationErrors Errors)> RegisterAsync(RegistrationRequest input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        AccountRules.ValidateEmail(errors, "email", input.Email);
        AccountRules.ValidateUserName(errors, "userName", input.UserName);
        AccountRules.ValidateIdentity(errors, input.Civility, input.LastName, input.FirstName, input.Function);
        AccountRules.ValidatePassword(errors, "password", input.Password, input.Email, input.UserName);
        errors.AddIf(input.Consent is not true, "consent", "Vous devez confirmer avoir pris connaissance des conditions d'utilisation des données de votre profil.");
        if (!errors.IsEmpty || !(await CheckUniqueAsync(errors, input.Email!, input.UserName!, cancellationToken)).IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNowForDatabase();
        var account = NewAccount(input.Email!, input.UserName!, input.Civility!, input.LastName!, input.FirstName!, input.Function, null, now);
        account.PasswordHash = hasher.HashPassword(account, input.Password!);
        db.Accounts.Add(account);
        var (token, secret) = AccountToken.Issue(account.Id, AccountTokenPurpose.EmailConfirmation, now, Options.EmailConfirmationLinkLifetime);
        db.AccountTokens.Add(token);
        db.AddToOutbox(new AccountEmailConfirmationRequested(
            account.Id, account.Email, account.FirstName, account.LastName, Options.Link($"compte/confirmer?jeton={secret}"), token.ExpiresAt), now);
        return await SaveNewAccountAsync(account, errors, cancellationToken);
    }

    /// <summary>An account opened for someone else: no password yet, an invitation with a set-password link.</summary>
    public async Task<(Account? Account, ValidationErrors Errors)> InviteAsync(
        string email, string userName, string civility, string lastName, string firstName, string? function,
        Guid? organisationId, IReadOnlyList<string> roles, string invitedBy, Guid? invitedById, CancellationToken cancellationToken)
    {
        var errors = await CheckUniqueAsync(new ValidationErrors(), email, userName, cancellationToken);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNowForDatabase();
        var account = NewAccount(email, userName, civility, lastName, firstName, function, organisationId, now);
        db.Accounts.Add(account);
        foreach (var role in roles)
        {
            if (account.Grant(role, invitedById, invitedBy, now) is { } granted)
            {
                db.RoleChanges.Add(granted);
            }
        }

        var (token, secret) = AccountToken.Issue(account.Id, AccountTokenPurpose.SetPassword, now, Options.InvitationLinkLifetime);
        db.AccountTokens.Add(token);
        db.AddToOutbox(new AccountInvited(
            account.Id, account.Email, account.FirstName, account.LastName, invitedBy, account.RoleNames,
            Options.Link($"compte/nouveau-mot-de-passe?jeton={secret}"), token.ExpiresAt), now);
        return await SaveNewAccountAsync(account, errors, cancellationToken);
    }

    public async Task<ValidationErrors> ConfirmEmailAsync(string? secret, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (token, errors) = await ClaimTokenAsync(secret, [AccountTokenPurpose.EmailConfirmation], cancellationToken);
        if (token is null)
        {
            return errors;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        account.EmailConfirmedAt ??= clock.GetUtcNowForDatabase();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} confirmed its e-mail address", account.Id);
        return errors;
    }

    /// <summary>Sends a reset link when the address belongs to an account; says nothing either way, so addresses cannot be probed.</summary>
    public async Task<ValidationErrors> RequestPasswordResetAsync(string? email, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        AccountRules.ValidateEmail(errors, "email", email);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var normalized = Account.Normalize(email!);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account is null || account.LockedByAdministratorAt is not null)
        {
            logger.LogInformation("Password reset asked for an address with no active account");
            return errors;
        }

        var now = clock.GetUtcNowForDatabase();
        var (token, secret) = AccountToken.Issue(account.Id, AccountTokenPurpose.PasswordReset, now, Options.PasswordResetLinkLifetime);
        db.AccountTokens.Add(token);
        db.AddToOutbox(new PasswordResetRequested(
            account.Id, account.Email, account.FirstName, account.LastName, Options.Link($"compte/nouveau-mot-de-passe?jeton={secret}"), token.ExpiresAt), now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Password reset link issued for account {AccountId}", account.Id);
        return errors;
    }

    /// <summary>A new password from a reset or invitation link: the link is used up, the address confirmed, the lockout lifted.</summary>
    public async Task<ValidationErrors> SetPasswordAsync(string? secret, string? password, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "Le mot de passe est obligatoire.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (token, tokenErrors) = await ClaimTokenAsync(secret, [AccountTokenPurpose.PasswordReset, AccountTokenPurpose.SetPassword], cancellationToken);
        if (token is null || !errors.IsEmpty)
        {
            return errors.Merge(tokenErrors);
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == token.AccountId, cancellationToken);
        AccountRules.ValidatePassword(errors, "password", password, account.Email, account.UserName);
        if (!errors.IsEmpty)
        {
            // The transaction is rolled back: the link stays usable for a better password.
            return errors;
        }

        var now = clock.GetUtcNowForDatabase();
        account.PasswordHash = hasher.HashPassword(account, password!);
        account.SecurityStamp = Account.NewSecurityStamp();
        account.EmailConfirmedAt ??= now;
        account.FailedLoginCount = 0;
        account.LockedOutUntil = null;
        await db.AccountTokens
            .Where(t => t.AccountId == account.Id && t.UsedAt == null && t.Purpose != AccountTokenPurpose.EmailConfirmation)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A new password ends every session opened with the old one (their refresh tokens stop working).
        var revoked = await RevokeTokensAsync(account.Id, cancellationToken);
        logger.LogInformation("Account {AccountId} chose a new password ({Purpose}); {Revoked} token(s) revoked", account.Id, token.Purpose, revoked);
        return errors;
    }

    /// <summary>Checks a login (e-mail or user name) and password, counting failures towards the lockout.</summary>
    public async Task<SignInOutcome> SignInAsync(string? login, string? password, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(login ?? "");
        var account = normalized.Length == 0
            ? null
            : await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken)
              ?? await db.Accounts.Include(a => a.Roles).SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        var now = clock.GetUtcNowForDatabase();
        if (account is null || account.PasswordHash is null || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome(SignInResult.InvalidCredentials);
        }

        if (account.IsLocked(now))
        {
            return new SignInOutcome(SignInResult.LockedOut, LockedUntil: account.LockedByAdministratorAt is null ? account.LockedOutUntil : null);
        }

        var verification = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            // Counted in the database itself, so that simultaneous wrong guesses all count.
            var failures = (await db.Database
                .SqlQuery<int>($"UPDATE accounts SET failed_login_count = failed_login_count + 1 WHERE id = {account.Id} RETURNING failed_login_count AS \"Value\"")
                .ToListAsync(cancellationToken)).Single();
            if (failures < Options.Lockout.MaxFailedAttempts)
            {
                return new SignInOutcome(SignInResult.InvalidCredentials);
            }

            var until = now + Options.Lockout.Duration;
            await db.Accounts.Where(a => a.Id == account.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.FailedLoginCount, 0).SetProperty(a => a.LockedOutUntil, until), cancellationToken);
            logger.LogWarning("Account {AccountId} locked out until {Until} after repeated failed logins", account.Id, until);
            return new SignInOutcome(SignInResult.LockedOut, LockedUntil: until);
        }

        if (account.EmailConfirmedAt is null)
        {
            return new SignInOutcome(SignInResult.EmailNotConfirmed);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedLoginCount = 0;
        account.LockedOutUntil = null;
        account.LastLoginAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} logged in", account.Id);
        return new SignInOutcome(SignInResult.Succeeded, account);
    }

    /// <summary>Revokes every token issued to the account (refresh tokens, codes): its sessions end at their next refresh.</summary>
    public async Task<long> RevokeTokensAsync(Guid accountId, CancellationToken cancellationToken) =>
        await tokens.RevokeBySubjectAsync(accountId.ToString(), cancellationToken);

    internal static Account NewAccount(
        string email, string userName, string civility, string lastName, string firstName, string? function, Guid? organisationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = email.Trim(),
        NormalizedEmail = Account.Normalize(email),
        UserName = userName.Trim(),
        NormalizedUserName = Account.Normalize(userName),
        Civility = civility.Trim(),
        LastName = lastName.Trim(),
        FirstName = firstName.Trim(),
        Function = string.IsNullOrWhiteSpace(function) ? null : function.Trim(),
        OrganisationId = organisationId,
        CreatedAt = now,
    };

    /// <summary>
    /// An e-mail address or a user name is taken when any account uses it as either: people log in with
    /// one or the other, so « jean@exemple.fr » must not be someone's address and another's user name.
    /// </summary>
    internal async Task<ValidationErrors> CheckUniqueAsync(ValidationErrors errors, string email, string userName, CancellationToken cancellationToken)
    {
        var normalizedEmail = Account.Normalize(email);
        var normalizedUserName = Account.Normalize(userName);
        errors.AddIf(await db.Accounts.AnyAsync(a => a.NormalizedEmail == normalizedEmail || a.NormalizedUserName == normalizedEmail, cancellationToken),
            "email", "Un compte existe déjà avec cette adresse de courriel.");
        errors.AddIf(await db.Accounts.AnyAsync(a => a.NormalizedUserName == normalizedUserName || a.NormalizedEmail == normalizedUserName, cancellationToken),
            "userName", "Ce nom d'utilisateur est déjà pris.");
        return errors;
    }

    internal async Task<(Account?, ValidationErrors)> SaveNewAccountAsync(Account account, ValidationErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Account {AccountId} created", account.Id);
            return (account, errors);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Someone took the address or the name between the check and the insert.
            db.ChangeTracker.Clear();
            return (null, unique.ConstraintName?.Contains("user_name", StringComparison.Ordinal) == true
                ? errors.Add("userName", "Ce nom d'utilisateur est déjà pris.")
                : errors.Add("email", "Un compte existe déjà avec cette adresse de courriel."));
        }
    }

    /// <summary>Marks a link's token used, inside the caller's transaction, so that it works once even when clicked twice at the same moment.</summary>
    private async Task<(AccountToken?, ValidationErrors)> ClaimTokenAsync(string? secret, AccountTokenPurpose[] purposes, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(secret))
        {
            return (null, errors.Add("token", "Le lien est incomplet : ouvrez le lien reçu par courriel."));
        }

        var hash = AccountToken.Hash(secret.Trim());
        var token = await db.AccountTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNowForDatabase();
        if (token is null || !purposes.Contains(token.Purpose))
        {
            return (null, errors.Add("token", "Ce lien n'est pas valable."));
        }

        if (token.UsedAt is not null)
        {
            return (null, errors.Add("token", "Ce lien a déjà été utilisé : demandez-en un nouveau si besoin."));
        }

        if (token.ExpiresAt <= now)
        {
            return (null, errors.Add("token", "Ce lien a expiré : demandez-en un nouveau."));
        }

        var claimed = await db.AccountTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        return claimed == 1
            ? (token, errors)
            : (null, errors.Add("token", "Ce lien a déjà été utilisé : demandez-en un nouveau si besoin."));
    }
}
