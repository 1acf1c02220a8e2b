namespace Nege.Billing.Calls;

public static class FeeCallsExtensions
{
    public static IHostApplicationBuilder AddFeeCalls(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeeCallOptions>().BindConfiguration("Billing:FeeCalls")
            .Validate(options => options.PaymentTermDays is > 0 and <= 365, "Billing:FeeCalls:PaymentTermDays must be between 1 and 365 days.")
            .Validate(options => options.AdmissionForNextYearMonths is >= 0 and <= 11, "Billing:FeeCalls:AdmissionForNextYearMonths must be between 0 and 11.")
            .Validate(options => DateOnly.TryParseExact($"2024-{options.RenewalDay}", "yyyy-MM-dd", out _), "Billing:FeeCalls:RenewalDay is a day of the year, « MM-dd ».")
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
        builder.Services.AddScoped<FeeCallIssuer>();
        return builder;
    }
}
