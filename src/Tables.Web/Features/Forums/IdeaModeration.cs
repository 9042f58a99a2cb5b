using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// What facilitators do with the room's ideas: type the ones received on paper, correct them, set their theme, hide
/// them, merge duplicates. Callers pass a <see cref="TableAccess"/> already checked with <see cref="TablePolicies.Facilitate"/>.
/// Bad input is a <see cref="ValidationException"/> naming the field (shown at it in the console).
/// </summary>
public sealed class IdeaModeration(
    TablesDbContext db,
    ForumWriter votes,
    IValidator<IdeaEdit> validator,
    IStringLocalizer<UiText> text,
    TimeProvider clock)
{
    public Task<List<Idea>> IdeasAsync(int forumId, CancellationToken ct = default) =>
        db.Ideas.AsNoTracking().Where(i => i.ForumId == forumId).OrderBy(i => i.Id).ToListAsync(ct);

    /// <summary>An idea received on paper; a closed forum takes none (checked again by the writer in its transaction).</summary>
    public async Task<Idea> AddPaperIdeaAsync(TableAccess access, int forumId, IdeaEdit edit, CancellationToken ct = default)
    {
        var status = await db.Forums.Where(f => f.Id == forumId && f.TableId == access.Table.Id).Select(f => (ForumStatus?)f.Status).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        if (status == ForumStatus.Closed)
        {
            throw new ForumException(text["Forum.ClosedForStaff"]);
        }
        var checkedEdit = await CheckAsync(access, edit, ct);
        var idea = new Idea { TableId = access.Table.Id, ForumId = forumId, Text = checkedEdit.Text, Theme = checkedEdit.Theme, FromPaper = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        // Through the forum's writer, like the phones' ideas: it refuses an idea for a closed forum in its transaction.
        if (!await votes.InsertAsync(idea))
        {
            throw new ForumException(text["Forum.ClosedForStaff"]);
        }
        return idea;
    }

    /// <summary>Corrects spelling or sets the theme.</summary>
    public async Task EditIdeaAsync(TableAccess access, int ideaId, IdeaEdit edit, CancellationToken ct = default)
    {
        var checkedEdit = await CheckAsync(access, edit, ct);
        await ChangeAsync(access, ideaId, i =>
        {
            i.Text = checkedEdit.Text;
            i.Theme = checkedEdit.Theme;
        }, ct);
    }

    public Task HideIdeaAsync(TableAccess access, int ideaId, bool hidden, CancellationToken ct = default) =>
        ChangeAsync(access, ideaId, i => i.Hidden = hidden, ct);

    /// <summary>Marks <paramref name="duplicateId"/> as a duplicate of <paramref name="intoId"/> (same forum).</summary>
    public async Task MergeIdeasAsync(TableAccess access, int duplicateId, int intoId, CancellationToken ct = default)
    {
        var into = await FindAsync(access, intoId, ct);
        await ChangeAsync(access, duplicateId, i =>
        {
            if (i.ForumId != into.ForumId || i.Id == into.Id || into.MergedIntoId is not null)
            {
                throw new ForumException(text["Forum.BadMerge"]);
            }
            i.MergedIntoId = into.Id;
        }, ct);
    }

    /// <summary>The edit validated, trimmed, with the theme as the table spells it.</summary>
    private async Task<IdeaEdit> CheckAsync(TableAccess access, IdeaEdit? edit, CancellationToken ct)
    {
        if (edit is null)
        {
            throw new ForumException(text["Forum.Malformed"]);
        }
        await validator.ValidateAndThrowAsync(edit, ct);
        string? theme = null;
        if (!string.IsNullOrWhiteSpace(edit.Theme))
        {
            theme = access.Table.Themes.FirstOrDefault(t => string.Equals(t, edit.Theme.Trim(), StringComparison.CurrentCultureIgnoreCase))
                ?? throw new ValidationException([new ValidationFailure(nameof(IdeaEdit.Theme), text["Forum.UnknownTheme"])]);
        }
        return new IdeaEdit { Text = edit.Text.Trim(), Theme = theme };
    }

    private async Task<Idea> FindAsync(TableAccess access, int ideaId, CancellationToken ct) =>
        await db.Ideas.FirstOrDefaultAsync(i => i.Id == ideaId && db.Forums.Any(f => f.Id == i.ForumId && f.TableId == access.Table.Id), ct) ?? throw new NotFoundException();

    private async Task ChangeAsync(TableAccess access, int ideaId, Action<Idea> change, CancellationToken ct)
    {
        var idea = await FindAsync(access, ideaId, ct);
        change(idea);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>An idea typed or corrected by a facilitator: not empty, at most <see cref="ForumRules.IdeaMax"/> characters (the phone's rule).</summary>
public sealed class IdeaEditValidator : AbstractValidator<IdeaEdit>
{
    public IdeaEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(i => i.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Forum.IdeaEmpty"]).WithName(_ => text["Field.Idea"]);
        RuleFor(i => i.Text).Must(t => t.Trim().Length <= ForumRules.IdeaMax).When(i => i.Text is not null)
            .WithMessage(i => text["Forum.IdeaTooLong", ForumRules.IdeaMax, i.Text.Trim().Length]).WithName(_ => text["Field.Idea"]);
        RuleFor(i => i.Theme).MaximumLength(ForumRules.GroupMax).WithName(_ => text["Field.Theme"]);
    }
}
