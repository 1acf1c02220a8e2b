using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nege.Notifications.Deliveries;

/// <summary>
/// The service's own spans and counters, named like the service (its application name), which
/// ServiceDefaults' telemetry registers for every service.
/// </summary>
public sealed class NotificationsTelemetry
{
    public const string Name = "Nege.Notifications";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _sent;
    private readonly Counter<long> _attemptsFailed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _connections;

    public NotificationsTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _sent = meter.CreateCounter<long>("nege.notifications.emails.sent", "{email}", "E-mails the SMTP server accepted.");
        _attemptsFailed = meter.CreateCounter<long>("nege.notifications.emails.attempts_failed", "{attempt}", "Attempts to send an e-mail that failed (retried later, or given up).");
        _failed = meter.CreateCounter<long>("nege.notifications.emails.failed", "{email}", "E-mails given up after their last attempt.");
        _connections = meter.CreateCounter<long>("nege.notifications.smtp.connections", "{connection}", "SMTP connections opened by the delivery worker.");
    }

    public void Sent(string template) => _sent.Add(1, new KeyValuePair<string, object?>("template", template));

    public void AttemptFailed(string template) => _attemptsFailed.Add(1, new KeyValuePair<string, object?>("template", template));

    public void Failed(string template) => _failed.Add(1, new KeyValuePair<string, object?>("template", template));

    public void ConnectionOpened() => _connections.Add(1);
}
