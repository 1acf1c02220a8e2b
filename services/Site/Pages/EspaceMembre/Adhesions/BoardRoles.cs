using Nege.ServiceDefaults.Security;

namespace Nege.Site.Pages.EspaceMembre.Adhesions;

/// <summary>Who sees the membership applications: the president and the board, and the administrators (Membership's <c>applications.decide</c>).</summary>
public static class BoardRoles
{
    public const string Allowed = NegeRoles.Board + "," + NegeRoles.Admin;
}
