using Nege.Membership.Accounts;

namespace Membership.Tests;

/// <summary>An administrator's lock (or a referent's removal of a colleague) and its undoing.</summary>
public sealed class AccountLockTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Account NewAccount() => new()
    {
        Id = Guid.NewGuid(), Email = "marie.curie@exemple.fr", NormalizedEmail = "MARIE.CURIE@EXEMPLE.FR", UserName = "mcurie",
        NormalizedUserName = "MCURIE", Civility = "Madame", LastName = "Curie", FirstName = "Marie", CreatedAt = Monday.AddDays(-30),
    };

    [Fact]
    public void A_lock_ends_the_sessions_and_keeps_the_person_out_until_unlocked()
    {
        var account = NewAccount();
        var stamp = account.SecurityStamp;

        account.Lock(Monday);

        Assert.Equal(Monday, account.LockedByAdministratorAt);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.True(account.IsLocked(Monday.AddYears(10)));
    }

    [Fact]
    public void Locking_a_locked_account_keeps_the_first_lock_and_its_stamp()
    {
        var account = NewAccount();
        account.Lock(Monday);
        var stamp = account.SecurityStamp;

        account.Lock(Monday.AddDays(2));

        Assert.Equal(Monday, account.LockedByAdministratorAt);
        Assert.Equal(stamp, account.SecurityStamp);
    }

    [Fact]
    public void Unlocking_lifts_the_lock_and_the_lockout_of_repeated_failures()
    {
        var account = NewAccount();
        account.Lock(Monday);
        account.FailedLoginCount = 5;
        account.LockedOutUntil = Monday.AddMinutes(15);

        account.Unlock();

        Assert.Null(account.LockedByAdministratorAt);
        Assert.Null(account.LockedOutUntil);
        Assert.Equal(0, account.FailedLoginCount);
        Assert.False(account.IsLocked(Monday));
    }
}
