using Nege.Site.Candidats;

namespace Nege.Site.Pages.Candidats;

public sealed class DonneesPersonnellesModel() : NoticePageModel(CandidateNotice.DataUse);
