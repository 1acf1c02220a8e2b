using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nege.Contracts.Api.Candidates;
using Nege.Site.Forms;
using Nege.Site.Membership;

namespace Nege.Site.Candidats;

/// <summary>
/// The pilot's answer to a candidate's request (« Accepter » / « Refuser » with a message), on the commission's requests
/// page and on the dossier's page: both post it to their handler <see cref="Handler"/>, which sends it with
/// <see cref="SendAsync"/>. Each request's form has its own keys, so that the API's messages go beside that one form.
/// </summary>
public sealed record RightsRequestAnswerForm(
    RightsRequestView Request, string? CandidateName, string? TypedMessage, IReadOnlyList<(string Name, string? Value)> Hidden)
{
    /// <summary>The handler (<c>OnPostRequestAnswerAsync</c>) of both pages.</summary>
    public const string Handler = "RequestAnswer";

    public const string Accepted = "accepted";

    public const string Refused = "refused";

    /// <summary>The messages about the whole answer (decision, 403, 409, 404), at the top of the request's form.</summary>
    public static string Key(Guid requestId) => $"RightsAnswer.{requestId:N}";

    public static string MessageKey(Guid requestId) => Key(requestId) + ".Message";

    public string Id => FormField.Id(Key(Request.Id));

    public string MessageId => FormField.Id(MessageKey(Request.Id));

    /// <summary>
    /// Sends the answer; the request as it now stands, or null with the reasons in <paramref name="modelState"/>, beside
    /// the request's form: a refusal without a message (400 <c>message</c>), not a pilot (403), already answered (409), gone (404).
    /// </summary>
    public static async Task<RightsRequestView?> SendAsync(
        CandidatesApi api, ModelStateDictionary modelState, Guid requestId, string? decision, string? message, CancellationToken ct)
    {
        if (requestId == Guid.Empty || decision is not (Accepted or Refused))
        {
            modelState.AddModelError(requestId == Guid.Empty ? "" : Key(requestId), "Choisissez d'accepter ou de refuser la demande.");
            return null;
        }

        try
        {
            return await api.AnswerRightsRequestAsync(requestId, decision, string.IsNullOrWhiteSpace(message) ? null : message.Trim(), ct);
        }
        catch (CandidatesApiException exception) when (exception.Status == HttpStatusCode.Unauthorized)
        {
            modelState.AddProblem(exception, "");
        }
        catch (CandidatesApiException exception) when (exception.Problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var text in messages)
                {
                    modelState.AddModelError(field.Equals("message", StringComparison.OrdinalIgnoreCase) ? MessageKey(requestId) : Key(requestId), text);
                }
            }
        }
        catch (CandidatesApiException exception)
        {
            modelState.AddModelError(Key(requestId), exception.Status == HttpStatusCode.NotFound && exception.Problem?.Detail is null
                ? "Cette demande n'existe plus : le dossier a peut-être été effacé."
                : exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Unavailable);
        }

        return null;
    }
}
