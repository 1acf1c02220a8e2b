using Nege.Notifications;
using Nege.Notifications.Accounts;
using Nege.Notifications.Billing;
using Nege.Notifications.Candidates;
using Nege.Notifications.Deliveries;
using Nege.Notifications.Digest;
using Nege.Notifications.Directory;
using Nege.Notifications.Email;
using Nege.Notifications.Membership;
using Nege.Notifications.Preferences;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<NotificationsDbContext>(ResourceNames.Notifications, "NEGE — Notifications", consumers =>
{
    consumers.AddConsumer<ApplicationSubmittedAcknowledgement>();
    consumers.AddConsumer<ApplicationSubmittedToPresident>();
    consumers.AddConsumer<ApplicantAccountEmail>();
    consumers.AddConsumer<ApplicationDecisionEmail>();
    consumers.AddConsumer<NotificationPreferencesRecorder>();
    consumers.AddConsumer<EmailConfirmationEmail>();
    consumers.AddConsumer<PasswordResetEmail>();
    consumers.AddConsumer<InvitationEmail>();
    consumers.AddConsumer<CandidateInformationEmail>();
    consumers.AddConsumer<NewDossierForPilots>();
    consumers.AddConsumer<DispatchedDossierForPilots>();
    consumers.AddConsumer<InactiveDossiersReminderEmail>();
    consumers.AddConsumer<DossierStatusChangeForAdvisers>();
    consumers.AddConsumer<InterestRecordedEmails>();
    consumers.AddConsumer<InterestAnsweredEmail>();
    consumers.AddConsumer<FollowUpReminderEmail>();
    consumers.AddConsumer<RetentionWarningEmails>();
    consumers.AddConsumer<ErasedDossierForgetter>();
    consumers.AddConsumer<AttachmentCodeEmail>();
    consumers.AddConsumer<DossierRectifiedEmails>();
    consumers.AddConsumer<CommitmentReportedEmails>();
    consumers.AddConsumer<RightsRequestMadeEmails>();
    consumers.AddConsumer<RightsRequestReminderEmails>();
    consumers.AddConsumer<RightsRequestAnsweredEmail>();
    consumers.AddConsumer<AttachmentConfirmationRequestedEmails>();
    consumers.AddConsumer<AttachmentDecidedEmail>();
    consumers.AddConsumer<FeeCallIssuedEmail>();
    consumers.AddConsumer<PaymentRecordedEmail>();
    consumers.AddConsumer<FeeReminderEmail>();
    consumers.AddConsumer<MembershipLapsedEmail>();
    consumers.AddConsumer<MembershipReinstatedEmail>();
    consumers.AddConsumer<PerimeterConfirmationEmail>();
    consumers.AddConsumer<CompanyContactEmail>();
    consumers.AddConsumer<NewsPublishedRecorder>();
});
builder.AddEmail();
builder.AddEmailDeliveries();
builder.AddPresidentMailbox();
builder.AddContactCvDownloads();
builder.AddNewsDigest();

var app = builder.Build();
app.MapNegeService<NotificationsDbContext>(ResourceNames.Notifications);
app.MapNewsDigest();

await app.RunWithMigrationsAsync<NotificationsDbContext>(args);

public partial class Program;
