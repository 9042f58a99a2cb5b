using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Voting;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>A new forum: its cycle, when and where, its agenda and the groups participants may declare.</summary>
public sealed class ForumCreate
{
    public int CycleId { get; set; }
    public string Title { get; set; } = "";
    public DateTime? StartsAt { get; set; }
    public string? Place { get; set; }
    public List<AgendaItem> Agenda { get; set; } = DefaultAgenda();
    public List<string> Groups { get; set; } = [.. Forum.DefaultGroups];

    public static List<AgendaItem> DefaultAgenda() =>
        [.. Enum.GetValues<ActivityKind>().Select(k => new AgendaItem { Kind = k })];
}

public sealed class AgendaItem
{
    public ActivityKind Kind { get; set; }
    /// <summary>Shown instead of the kind's name when set.</summary>
    public string? Title { get; set; }
}

/// <summary>A ballot's question, options and rules, editable while it is a draft.</summary>
public sealed class BallotSetup
{
    public string Question { get; set; } = "";
    public VotingMethod Method { get; set; } = VotingMethod.Approval;
    public BallotSettings Settings { get; set; } = new();
    public List<string> Options { get; set; } = [];
    public bool Secret { get; set; } = true;
    public ResultVisibility Visibility { get; set; } = ResultVisibility.AfterClose;
}

public sealed class IdeaEdit
{
    public string Text { get; set; } = "";
    public string? Theme { get; set; }
}

public sealed class ForumCreateValidator : AbstractValidator<ForumCreate>
{
    public ForumCreateValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(f => f.Title).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Title"]);
        RuleFor(f => f.StartsAt).NotNull().WithName(_ => text["Field.StartsAt"]);
        RuleFor(f => f.Place).MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Place"]);
        RuleFor(f => f.Agenda).NotEmpty().Must(a => a.Count <= ForumRules.ActivitiesMax).WithName(_ => text["Field.Agenda"]);
        RuleForEach(f => f.Agenda).ChildRules(a =>
        {
            a.RuleFor(i => i.Kind).IsInEnum();
            a.RuleFor(i => i.Title).MaximumLength(TableRules.NameMax);
        });
        RuleFor(f => f.Groups).Must(g => g.Count <= ForumRules.GroupsMax).WithName(_ => text["Field.Groups"]);
        RuleForEach(f => f.Groups).NotEmpty().MaximumLength(ForumRules.GroupMax).WithName(_ => text["Field.Group"]);
    }
}

public sealed class BallotSetupValidator : AbstractValidator<BallotSetup>
{
    public BallotSetupValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(b => b.Question).NotEmpty().MaximumLength(BallotRules.QuestionMax).WithName(_ => text["Field.Question"]);
        RuleFor(b => b.Method).Must(m => BallotRules.Methods.Contains(m)).WithMessage(_ => text["Ballot.UnknownMethod"]).WithName(_ => text["Field.Method"]);
        RuleFor(b => b.Options).Must(o => o.Count >= 2).WithMessage(_ => text["Ballot.TwoOptions"])
            .Must(o => o.Count <= BallotRules.OptionsMax).WithMessage(_ => text["Ballot.TooManyOptions", BallotRules.OptionsMax])
            .Must(o => o.Select(x => x.Trim()).Distinct(StringComparer.CurrentCultureIgnoreCase).Count() == o.Count).WithMessage(_ => text["Ballot.DuplicateOptions"])
            .WithName(_ => text["Field.Options"]);
        RuleForEach(b => b.Options).NotEmpty().MaximumLength(BallotRules.OptionLabelMax).WithName(_ => text["Field.Option"]);
        RuleFor(b => b.Visibility).IsInEnum();
        RuleFor(b => b.Settings.MaxChoices).NotNull().InclusiveBetween(1, BallotRules.OptionsMax).When(b => b.Method == VotingMethod.Approval)
            .WithName(_ => text["Field.MaxChoices"]);
        RuleFor(b => b.Settings.MaxChoices).LessThanOrEqualTo(b => b.Options.Count).When(b => b.Method == VotingMethod.Approval && b.Settings.MaxChoices is not null)
            .WithMessage(_ => text["Ballot.MaxChoicesOverOptions"]).WithName(_ => text["Field.MaxChoices"]);
        RuleFor(b => b.Settings.MaxPoints).NotNull().InclusiveBetween(1, 1000).When(b => b.Method == VotingMethod.Cumulative).WithName(_ => text["Field.MaxPoints"]);
        RuleFor(b => b.Settings.MaxPerOption).InclusiveBetween(1, 1000).When(b => b.Method == VotingMethod.Cumulative && b.Settings.MaxPerOption is not null).WithName(_ => text["Field.MaxPerOption"]);
        RuleFor(b => b.Settings.MaxScore).NotNull().InclusiveBetween(1, 100).When(b => b.Method == VotingMethod.Score).WithName(_ => text["Field.MaxScore"]);
        RuleFor(b => b.Settings.Quorum).GreaterThan(0).When(b => b.Settings.Quorum is not null).WithName(_ => text["Field.Quorum"]);
        // The counter's own rule (Tables.Voting): what the form accepts is what the count can use.
        RuleFor(b => b.Settings.Majority).Must(m => RequiredMajority.TryParseSetting(m, out _))
            .WithMessage(_ => text["Ballot.BadMajority"]).WithName(_ => text["Field.Majority"]);
    }
}
