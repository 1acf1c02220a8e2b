using Microsoft.AspNetCore.Http.HttpResults;
using Nege.ServiceDefaults.Http;
using Nege.ServiceDefaults.Security;

namespace Nege.Membership.Accounts;

public sealed record RegistrationResponse(Guid Id, string Email, string UserName, bool EmailConfirmed);

/// <summary>What anyone may do with an account before logging in: register, confirm the address, reset a forgotten password.</summary>
public static class PublicAccountEndpoints
{
    public static IEndpointRouteBuilder MapPublicAccountFlows(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/membership").WithTags("Comptes (public)").AllowEveryone();

        group.MapPost("/accounts/registrations", RegisterAsync)
            .WithSummary("Créer son compte (un courriel de confirmation est envoyé)").Accepts<RegistrationRequest>("application/json");
        group.MapPost("/email-confirmations", ConfirmAsync)
            .WithSummary("Confirmer son adresse de courriel avec le jeton reçu").Accepts<EmailConfirmationRequest>("application/json");
        group.MapPost("/password-reset-requests", RequestResetAsync)
            .WithSummary("Recevoir un lien de réinitialisation du mot de passe").Accepts<PasswordResetEmailRequest>("application/json");
        group.MapPost("/password-resets", ResetAsync)
            .WithSummary("Choisir un nouveau mot de passe avec le jeton reçu").Accepts<NewPasswordRequest>("application/json");
        return routes;
    }

    private static async Task<Results<Created<RegistrationResponse>, ValidationProblem>> RegisterAsync(
        HttpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RegistrationRequest>(request, cancellationToken);
        if (body.Value is not { } input)
        {
            return body.Errors.ToProblem();
        }

        if (!body.Errors.IsEmpty)
        {
            return body.Errors.ToProblem();
        }

        var (account, errors) = await accounts.RegisterAsync(input, cancellationToken);
        return account is null
            ? errors.ToProblem()
            : TypedResults.Created((string?)null, new RegistrationResponse(account.Id, account.Email, account.UserName, EmailConfirmed: false));
    }

    private static Task<Results<NoContent, ValidationProblem>> ConfirmAsync(HttpRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        WithBodyAsync<EmailConfirmationRequest>(request, input => accounts.ConfirmEmailAsync(input.Token, cancellationToken), cancellationToken);

    private static async Task<Results<Accepted, ValidationProblem>> RequestResetAsync(HttpRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await WithBodyAsync<PasswordResetEmailRequest>(request, input => accounts.RequestPasswordResetAsync(input.Email, cancellationToken), cancellationToken);
        return result.Result is ValidationProblem problem ? problem : TypedResults.Accepted((string?)null);
    }

    private static Task<Results<NoContent, ValidationProblem>> ResetAsync(HttpRequest request, AccountService accounts, CancellationToken cancellationToken) =>
        WithBodyAsync<NewPasswordRequest>(request, input => accounts.SetPasswordAsync(input.Token, input.Password, cancellationToken), cancellationToken);

    private static async Task<Results<NoContent, ValidationProblem>> WithBodyAsync<T>(
        HttpRequest request, Func<T, Task<ValidationErrors>> action, CancellationToken cancellationToken)
        where T : class
    {
        var body = await JsonBody.ReadAsync<T>(request, cancellationToken);
        if (body.Value is not { } input || !body.Errors.IsEmpty)
        {
            return body.Errors.ToProblem();
        }

        var errors = await action(input);
        return errors.IsEmpty ? TypedResults.NoContent() : errors.ToProblem();
    }
}
