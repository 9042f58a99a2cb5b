using Microsoft.AspNetCore.Identity;

namespace Tables.Web.Features.Accounts;

/// <summary>A staff member, partner or observer with an account. Residents need none.</summary>
public sealed class TablesUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Installation administrator: may create tables.</summary>
    public bool IsAdministrator { get; set; }
}
