using Nege.ServiceDefaults.Http;

namespace Nege.Notifications.Membership;

/// <summary>The president's mailbox, where new membership applications are announced.</summary>
public sealed class PresidentOptions
{
    public const string Section = "Notifications:President";

    public required string Email { get; set; }

    public string Name { get; set; } = "Président de Numéric'Emploi Grand Est";
}

public static class PresidentOptionsExtensions
{
    public static IHostApplicationBuilder AddPresidentMailbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresidentOptions>().BindConfiguration(PresidentOptions.Section)
            .Validate(
                options => options.Email is { } email && EmailAddress.IsValid(email),
                "Missing configuration: 'Notifications:President:Email' (a valid address; set Notifications__President__Email).")
            .ValidateOnStart();
        return builder;
    }
}
