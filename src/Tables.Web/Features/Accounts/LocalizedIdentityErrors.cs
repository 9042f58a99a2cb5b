using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Accounts;

/// <summary>Identity's messages in the person's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<UiText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = text["Identity.PasswordTooShort", length] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = text["Identity.PasswordRequiresDigit"] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = text["Identity.PasswordRequiresLower"] };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = text["Identity.PasswordRequiresUpper"] };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = text["Identity.DuplicateEmail", email] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = text["Identity.DuplicateEmail", userName] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = text["Identity.InvalidEmail", email ?? ""] };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = text["Identity.InvalidToken"] };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = text["Error.Concurrency"] };
}
