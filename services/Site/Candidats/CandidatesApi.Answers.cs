using Nege.Contracts.Api.Candidates;

namespace Nege.Site.Candidats;

/// <summary>A candidate's answer to a company's interest: no account, the token of the e-mailed link is the key.</summary>
public sealed partial class CandidatesApi
{
    private const string Answers = "api/candidates/interests/answer";

    public Task<CandidateInterestView> GetInterestToAnswerAsync(string token, CancellationToken ct) =>
        SendAsync<CandidateInterestView>(HttpMethod.Get, $"{Answers}?token={Uri.EscapeDataString(token)}", null, ct);

    public Task<CandidateInterestView> AnswerInterestAsync(string token, bool agreed, CancellationToken ct) =>
        SendAsync<CandidateInterestView>(HttpMethod.Post, Answers, new CandidateInterestAnswerRequest(token, agreed), ct);
}
