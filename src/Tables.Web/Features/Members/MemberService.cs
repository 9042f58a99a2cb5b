using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Members;

/// <summary>A member as shown on the members screen.</summary>
public sealed record MemberRow(int Id, string Email, string DisplayName, TableRole Role, int? OrganisationId, string? OrganisationName, Guid Version);

/// <summary>Organisations and members of one table. Callers pass a <see cref="TableAccess"/> already authorized.</summary>
public sealed class MemberService(
    TablesDbContext db,
    UserManager<TablesUser> users,
    AccountInvitations invitations,
    IValidator<OrganisationEdit> organisationValidator,
    IValidator<MemberAdd> addValidator,
    IValidator<MemberEdit> editValidator,
    IStringLocalizer<UiText> text)
{
    public Task<List<Organisation>> ListOrganisationsAsync(TableAccess access, CancellationToken ct = default) =>
        db.Organisations.AsNoTracking().Where(o => o.TableId == access.Table.Id).OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<Organisation> SaveOrganisationAsync(TableAccess access, ClaimsPrincipal user, int? id, OrganisationEdit edit, CancellationToken ct = default)
    {
        await organisationValidator.ValidateAndThrowAsync(edit, ct);
        var name = edit.Name.Trim();
        if (await db.Organisations.AnyAsync(o => o.TableId == access.Table.Id && o.Name == name && o.Id != id, ct))
        {
            throw Invalid(nameof(OrganisationEdit.Name), text["Validation.OrganisationTaken"]);
        }
        var organisation = id is null ? new Organisation { TableId = access.Table.Id } : await FindOrganisationAsync(access, id.Value, edit.Version, ct);
        organisation.Name = name;
        organisation.Sector = edit.Sector;
        if (id is null)
        {
            db.Organisations.Add(organisation);
        }
        await db.SaveChangesAsync(user.ToActor(), ct);
        return organisation;
    }

    public async Task DeleteOrganisationAsync(TableAccess access, ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        db.Organisations.Remove(await FindOrganisationAsync(access, id, null, ct));
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    public Task<List<MemberRow>> ListMembersAsync(TableAccess access, CancellationToken ct = default) =>
        db.Memberships.AsNoTracking().Where(m => m.TableId == access.Table.Id)
            .OrderBy(m => m.Role).ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(m.Id, m.User!.Email ?? "", m.User.DisplayName, m.Role, m.OrganisationId, m.Organisation!.Name, m.Version))
            .ToListAsync(ct);

    /// <summary>Adds a member by e-mail. A new account gets an e-mail with a link to choose a password.</summary>
    public async Task<Membership> AddMemberAsync(TableAccess access, ClaimsPrincipal user, MemberAdd add, CancellationToken ct = default)
    {
        await addValidator.ValidateAndThrowAsync(add, ct);
        await EnsureOrganisationAsync(access, add.OrganisationId, nameof(MemberAdd.OrganisationId), ct);
        var email = add.Email.Trim();
        var person = await users.FindByEmailAsync(email);
        if (person is not null && await db.Memberships.AnyAsync(m => m.TableId == access.Table.Id && m.UserId == person.Id, ct))
        {
            throw Invalid(nameof(MemberAdd.Email), text["Validation.AlreadyMember"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = false;
        if (person is null)
        {
            person = new TablesUser { UserName = email, Email = email, DisplayName = add.DisplayName?.Trim() is { Length: > 0 } n ? n : email };
            var result = await users.CreateAsync(person);
            if (!result.Succeeded)
            {
                throw Invalid(nameof(MemberAdd.Email), string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            created = true;
        }
        var membership = new Membership { TableId = access.Table.Id, UserId = person.Id, Role = add.Role, OrganisationId = add.OrganisationId };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(user.ToActor(), ct);
        await transaction.CommitAsync(ct);
        if (created)
        {
            await invitations.InviteAsync(person, access.Table);
        }
        return membership;
    }

    public async Task UpdateMemberAsync(TableAccess access, ClaimsPrincipal user, int id, MemberEdit edit, CancellationToken ct = default)
    {
        await editValidator.ValidateAndThrowAsync(edit, ct);
        await EnsureOrganisationAsync(access, edit.OrganisationId, nameof(MemberEdit.OrganisationId), ct);
        var membership = await FindMemberAsync(access, id, ct);
        if (membership.Role == TableRole.Coordinator && edit.Role != TableRole.Coordinator)
        {
            await EnsureAnotherCoordinatorAsync(access, membership, nameof(MemberEdit.Role), ct);
        }
        db.Entry(membership).Property(m => m.Version).OriginalValue = edit.Version ?? membership.Version;
        membership.Role = edit.Role;
        membership.OrganisationId = edit.OrganisationId;
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    public async Task RemoveMemberAsync(TableAccess access, ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var membership = await FindMemberAsync(access, id, ct);
        if (membership.Role == TableRole.Coordinator)
        {
            await EnsureAnotherCoordinatorAsync(access, membership, nameof(MemberEdit.Role), ct);
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    private async Task<Organisation> FindOrganisationAsync(TableAccess access, int id, Guid? version, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.TableId == access.Table.Id, ct)
            ?? throw new NotFoundException();
        db.Entry(organisation).Property(o => o.Version).OriginalValue = version ?? organisation.Version;
        return organisation;
    }

    private async Task<Membership> FindMemberAsync(TableAccess access, int id, CancellationToken ct) =>
        await db.Memberships.FirstOrDefaultAsync(m => m.Id == id && m.TableId == access.Table.Id, ct) ?? throw new NotFoundException();

    private async Task EnsureOrganisationAsync(TableAccess access, int? organisationId, string field, CancellationToken ct)
    {
        if (organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id && o.TableId == access.Table.Id, ct))
        {
            throw Invalid(field, text["Validation.UnknownOrganisation"]);
        }
    }

    /// <summary>A table always keeps at least one coordinator.</summary>
    private async Task EnsureAnotherCoordinatorAsync(TableAccess access, Membership leaving, string field, CancellationToken ct)
    {
        if (!await db.Memberships.AnyAsync(m => m.TableId == access.Table.Id && m.Role == TableRole.Coordinator && m.Id != leaving.Id, ct))
        {
            throw Invalid(field, text["Validation.LastCoordinator"]);
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
