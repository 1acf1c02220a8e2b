using Nege.Notifications;
using Nege.Testing;

namespace Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class NotificationsAuthorizationMatrix(NotificationsService service) : AuthorizationMatrixTests<Program, NotificationsDbContext>(service);
