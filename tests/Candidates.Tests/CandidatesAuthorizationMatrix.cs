using Microsoft.EntityFrameworkCore;
using Nege.Candidates;
using Nege.Candidates.TalentPool;
using Nege.Testing;

namespace Candidates.Tests;

[Collection(CandidatesCollection.Name)]
public sealed class CandidatesAuthorizationMatrix(CandidatesService service) : AuthorizationMatrixTests<Program, CandidatesDbContext>(service)
{
    /// <summary>The matrix's recruiters and referents belong to a current member: the talent pool lets them in on their role alone.</summary>
    protected override Task PrepareAsync() => service.QueryAsync(async db =>
    {
        if (!await db.MemberOrganisations.AnyAsync(o => o.Id == PartnerOrganisation))
        {
            db.MemberOrganisations.Add(new MemberOrganisation { Id = PartnerOrganisation, Name = "Organisme de la matrice", Category = "Entreprise", Current = true, ChangedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        return true;
    });
}
