namespace Nege.Billing.Calls;

public static class FeeCallsExtensions
{
    public static IHostApplicationBuilder AddFeeCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeeCallOptions>().BindConfiguration("Billing:FeeCalls")
            .Validate(options => options.PaymentTermDays is > 0 and <= 365, "Billing:FeeCalls:PaymentTermDays must be between 1 and 365 days.")
            .Validate(options => options.AdmissionForNextYearMonths is >= 0 and <= 11, "Billing:FeeCalls:AdmissionForNextYearMonths must be between 0 and 11.")
            .Validate(options => DateOnly.TryParseExact($"2023-{options.RenewalDay}", "yyyy-MM-dd", out _), "Billing:FeeCalls:RenewalDay is a day of the year, « MM-dd » (not 29 February).")
            .Validate(options => options.RequestMonthsBefore is >= 0 and <= 6, "Billing:FeeCalls:RequestMonthsBefore must be between 0 and 6 months.")
            .Validate(options => options.ReminderDaysBefore >= 0 && options.ReminderDaysBefore <= 28 * options.RequestMonthsBefore,
                "Billing:FeeCalls:ReminderDaysBefore falls between the request and the renewal day (at most 28 days a month of notice).")
            .Validate(options => options.IssueWithinDays is > 0 and <= 180, "Billing:FeeCalls:IssueWithinDays must be between 1 and 180 days.")
            .ValidateOnStart();
        builder.Services.AddOptions<AssociationIdentity>().BindConfiguration("Billing:Association");
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration("Billing:Reminders")
            .Validate(options => options.Delays.All(days => days > 0) && options.Delays.SequenceEqual(options.Delays.Order()), "Billing:Reminders:DelaysDays are increasing days after the due date.")
            .Validate(options => options.LapseAfterLastDays >= 0, "Billing:Reminders:LapseAfterLastDays is a number of days.")
            .ValidateOnStart();
        builder.Services.AddOptions<GeneralAssembly.GeneralAssemblyOptions>().BindConfiguration("Billing:GeneralAssembly")
            .Validate(options => options.EffectiveScale[0].FromHeadcount == 0 && options.EffectiveScale.All(b => b.Votes > 0),
                "Billing:GeneralAssembly:Scale starts at 0 staff, and every step gives at least one vote.")
            .ValidateOnStart();
        builder.Services.AddSingleton<BillingLinks>();
        builder.Services.AddSingleton<FeeReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FeeReminders>());
        builder.Services.AddSingleton<Renewals.RenewalCampaign>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Renewals.RenewalCampaign>());
        builder.Services.AddSingleton<FeeCallIssuer>();
        return builder;
    }
}
