using Nege.Notifications;
using Nege.Testing;

namespace Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class NotificationsConventions(NotificationsService service)
    : ServiceConventionTests<Program, NotificationsDbContext>(service, "NEGE — Notifications");
