using Nege.Notifications.Deliveries;
using Nege.Notifications.Email;

namespace Notifications.Tests;

/// <summary>The back-off between attempts to send an e-mail, and the delivery's states.</summary>
public sealed class DeliveryRetryPolicyTests
{
    private static readonly DeliveryRetryPolicy Policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), MaxAttempts: 20);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, double> Delays => new()
    {
        { 1, 1 },
        { 2, 2 },
        { 3, 4 },
        { 5, 16 },
        { 8, 128 },
        { 9, 256 },
        { 10, 300 },
        { 19, 300 },
        { 1000, 300 },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void The_delay_doubles_from_the_first_one_after_each_failure_up_to_the_cap(int failedAttempts, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Policy.DelayAfter(failedAttempts));
    }

    [Fact]
    public void There_is_no_delay_before_a_first_failure()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.DelayAfter(0));
    }

    [Fact]
    public void A_recorded_email_is_pending_and_due_at_once_with_a_Message_ID_of_the_senders_domain()
    {
        var delivery = Recorded();

        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Equal(Now, delivery.NextAttemptAt);
        Assert.Equal(Now, delivery.CreatedAt);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal($"{delivery.Id:N}@grand-est.numeric-emploi.org", delivery.MessageIdHeader);
        Assert.NotEqual(delivery.MessageIdHeader, Recorded().MessageIdHeader);
    }

    [Fact]
    public void A_failed_attempt_keeps_the_error_and_waits_for_the_back_off()
    {
        var delivery = Recorded();

        delivery.RecordFailure("SocketException: Connection refused", Now, Policy);
        delivery.RecordFailure("SocketException: Connection refused again", Now.AddSeconds(1), Policy);

        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal("SocketException: Connection refused again", delivery.LastError);
        Assert.Equal(Now.AddSeconds(1 + 2), delivery.NextAttemptAt);
        Assert.Null(delivery.SentAt);
    }

    [Fact]
    public void The_last_allowed_attempt_failing_marks_the_email_failed_and_it_is_never_sent_after()
    {
        var delivery = Recorded();
        var policy = Policy with { MaxAttempts = 3 };

        delivery.RecordFailure("first", Now, policy);
        delivery.RecordFailure("second", Now, policy);
        Assert.Equal(DeliveryState.Pending, delivery.State);
        delivery.RecordFailure("third", Now, policy);

        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal("third", delivery.LastError);
        Assert.Throws<InvalidOperationException>(() => delivery.MarkSent(Now));
    }

    [Fact]
    public void A_sent_email_counts_its_attempt_and_cannot_be_sent_again()
    {
        var delivery = Recorded();
        delivery.RecordFailure("first", Now, Policy);

        delivery.MarkSent(Now.AddSeconds(2));

        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(Now.AddSeconds(2), delivery.SentAt);
        Assert.Throws<InvalidOperationException>(() => delivery.MarkSent(Now.AddSeconds(3)));
        Assert.Throws<InvalidOperationException>(() => delivery.RecordFailure("late", Now.AddSeconds(3), Policy));
    }

    [Fact]
    public void A_long_error_is_cut_to_what_the_column_holds()
    {
        var delivery = Recorded();

        delivery.RecordFailure(new string('x', 5000), Now, Policy);

        Assert.Equal(2000, delivery.LastError!.Length);
    }

    private static EmailDelivery Recorded() =>
        EmailDelivery.Record(
            new EmailMessage("rh@exemple.fr", "Sujet", "Texte", "<p>Texte</p>"), "template", Guid.NewGuid(), "grand-est.numeric-emploi.org", Now, activity: null);
}
