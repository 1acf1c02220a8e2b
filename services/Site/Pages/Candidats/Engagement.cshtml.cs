using Nege.Site.Candidats;

namespace Nege.Site.Pages.Candidats;

public sealed class EngagementModel() : NoticePageModel(CandidateNotice.Collaboration);
