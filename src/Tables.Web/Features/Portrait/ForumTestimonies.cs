using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Forums;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>A resident's testimony sent from a phone in a forum's portrait step; signed only if they give a name.</summary>
public sealed record TestimonyRequest(string? Theme, string? Text, string? SignedName, string? ClientMessageId);

/// <summary>A testimony sent in a forum, as the console lists it for moderation.</summary>
public sealed record RoomTestimony(int Id, int CycleId, string Theme, string Text, string? SignedName, TestimonyStatus Status);

/// <summary>The phone's receipt: the testimony is stored and waits for the facilitators' moderation.</summary>
public sealed record TestimonyAck(int Id, string ClientMessageId);

public sealed class TestimonyRequestValidator : AbstractValidator<TestimonyRequest>
{
    public TestimonyRequestValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(t => t.Theme).NotEmpty().MaximumLength(PortraitRules.ThemeMax).WithName(_ => text["Field.Theme"]);
        RuleFor(t => t.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Phone.TestimonyEmpty"])
            .MaximumLength(PortraitRules.TestimonyMax).WithName(_ => text["Field.Testimony"]);
        RuleFor(t => t.SignedName).MaximumLength(PortraitRules.SignedNameMax).WithName(_ => text["Field.SignedName"]);
        RuleFor(t => t.ClientMessageId).NotEmpty().MaximumLength(ForumRules.ClientMessageIdMax);
    }
}

/// <summary>
/// Residents' lived experience gathered in the room: during a forum's "portrait" step a participant's phone sends short
/// testimonies per theme; they wait (<see cref="TestimonyStatus.Pending"/>) until facilitation accepts them into the
/// cycle's portrait as <see cref="KnowledgeKind.Experiential"/>. Sending the same message twice stores it once.
/// </summary>
public sealed class ForumTestimonies(TablesDbContext db, IValidator<TestimonyRequest> validator, IStringLocalizer<UiText> text, TimeProvider clock)
{
    /// <summary>The cycle whose portrait a forum's testimonies join.</summary>
    public Task<int> CycleOfAsync(int forumId, CancellationToken ct = default) =>
        db.Forums.Where(f => f.Id == forumId).Select(f => f.CycleId).FirstOrDefaultAsync(ct);

    /// <summary>The testimonies sent in a forum, oldest first (the console moderates them; the table is in scope).</summary>
    public Task<List<RoomTestimony>> ListAsync(int forumId, CancellationToken ct = default) =>
        db.Testimonies.AsNoTracking().Where(t => t.ForumId == forumId).OrderBy(t => t.Id)
            .Join(db.Portraits, t => t.PortraitId, p => p.Id, (t, p) => new RoomTestimony(t.Id, p.CycleId, t.Theme, t.Text, t.SignedName, t.Status))
            .ToListAsync(ct);

    public async Task<TestimonyAck> SubmitAsync(int participantId, TestimonyRequest? request, CancellationToken ct = default)
    {
        if (request is null)
        {
            throw new ForumException(text["Forum.Malformed"]);
        }
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid)
        {
            throw new ForumException(string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        }
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId, ct) ?? throw new ForumException(text["Forum.JoinFirst"]);
        var existing = await db.Testimonies.AsNoTracking()
            .FirstOrDefaultAsync(t => t.ParticipantId == participantId && t.ClientMessageId == request.ClientMessageId, ct);
        if (existing is not null)
        {
            return new TestimonyAck(existing.Id, request.ClientMessageId!);
        }
        var forum = await db.Forums.AsNoTracking().Include(f => f.Activities).FirstAsync(f => f.Id == participant.ForumId, ct);
        if (forum.Status != ForumStatus.Open || forum.Activities.FirstOrDefault(a => a.Id == forum.CurrentActivityId)?.Kind != ActivityKind.Portrait)
        {
            throw new ForumException(text["Forum.PortraitClosed"]);
        }
        var themes = await db.Tables.Where(t => t.Id == forum.TableId).Select(t => t.Themes).FirstAsync(ct);
        var theme = themes.FirstOrDefault(t => PortraitService.SameText(t, request.Theme!))
            ?? throw new ForumException(text["Validation.UnknownTheme", request.Theme!, string.Join(", ", themes)]);

        // A participant is anonymous: the audit names the forum's room, not a person.
        var actor = new Actor(null, text["Testimony.FromRoom", forum.Title]);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var portrait = await db.Portraits.FirstOrDefaultAsync(p => p.CycleId == forum.CycleId, ct);
        if (portrait is null)
        {
            portrait = new CyclePortrait { TableId = forum.TableId, CycleId = forum.CycleId };
            db.Portraits.Add(portrait);
            await db.SaveChangesAsync(actor, ct);
        }
        var testimony = new Testimony
        {
            TableId = forum.TableId, PortraitId = portrait.Id, Theme = theme, Text = request.Text!.Trim(), SignedName = string.IsNullOrWhiteSpace(request.SignedName) ? null : request.SignedName.Trim(),
            ForumId = forum.Id, ParticipantId = participantId, Status = TestimonyStatus.Pending, CreatedAt = clock.GetUtcNow().UtcDateTime, BroughtBy = forum.Title,
            ClientMessageId = request.ClientMessageId,
        };
        db.Testimonies.Add(testimony);
        try
        {
            await db.SaveChangesAsync(actor, ct);
            await db.ChangedAsync(PortraitTopics.Of(forum.CycleId), forum.TableId, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new TestimonyAck(testimony.Id, request.ClientMessageId!);
    }
}
