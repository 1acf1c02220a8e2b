using Nege.Notifications;
using Nege.Notifications.Email;
using Nege.Notifications.Membership;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDatabase);
builder.AddMessaging<NotificationsDbContext>(ResourceNames.Notifications, consumers =>
    consumers.AddConsumer<ApplicationSubmittedAcknowledgement>());
builder.AddEmail();
builder.Services.AddServiceOpenApi(ResourceNames.Notifications, "NEGE — Notifications");

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapServiceOpenApi(ResourceNames.Notifications);

await app.RunWithMigrationsAsync<NotificationsDbContext>(args);

public partial class Program;
