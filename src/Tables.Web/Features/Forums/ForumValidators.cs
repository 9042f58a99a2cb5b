using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

public sealed class JoinRequestValidator : AbstractValidator<JoinRequest>
{
    public JoinRequestValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(j => j.Code).NotEmpty().Must(c => JoinCodes.IsWellFormed(JoinCodes.Normalize(c)))
            .WithMessage(_ => text["Forum.BadCode"]).WithName(_ => text["Field.JoinCode"]);
        RuleFor(j => j.Token).MaximumLength(64);
        RuleFor(j => j.DisplayName).MaximumLength(ForumRules.DisplayNameMax).WithName(_ => text["Field.DisplayName"]);
        RuleFor(j => j.Group).MaximumLength(ForumRules.GroupMax).WithName(_ => text["Field.Group"]);
    }
}

public sealed class IdeaRequestValidator : AbstractValidator<IdeaRequest>
{
    public IdeaRequestValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(i => i.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text["Forum.IdeaEmpty"]).WithName(_ => text["Field.Idea"]);
        RuleFor(i => i.Text).Must(t => t.Trim().Length <= ForumRules.IdeaMax).When(i => i.Text is not null)
            .WithMessage(i => text["Forum.IdeaTooLong", ForumRules.IdeaMax, i.Text.Trim().Length]).WithName(_ => text["Field.Idea"]);
        RuleFor(i => i.ClientMessageId).NotEmpty().MaximumLength(ForumRules.ClientMessageIdMax);
    }
}

public sealed class CastRequestValidator : AbstractValidator<CastRequest>
{
    public CastRequestValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(c => c.BallotId).GreaterThan(0);
        RuleFor(c => c.Content).NotNull().WithMessage(_ => text["Ballot.Malformed"]);
        RuleFor(c => c.ClientMessageId).NotEmpty().MaximumLength(ForumRules.ClientMessageIdMax);
        // Versions order a participant's changes (replays are refused); JavaScript reads them exactly below 2^53.
        RuleFor(c => c.Version).InclusiveBetween(1, ForumRules.VersionMax).WithMessage(_ => text["Ballot.Malformed"]);
    }
}
