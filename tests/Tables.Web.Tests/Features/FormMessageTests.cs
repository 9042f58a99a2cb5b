using Tables.Voting;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Tests.Features;

/// <summary>Ballot set-up and forum forms: defaults that fit, messages that name the line, in the users' words (fr and en).</summary>
public sealed class FormMessageTests
{
    private static readonly IStringLocalizer<UiText> Text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();

    static FormMessageTests() => ValidationMessages.Use();

    private static FluentValidation.Results.ValidationResult Validate(BallotSetup setup, string culture = "fr-CA")
    {
        using var _ = new CultureScope(culture);
        return new BallotSetupValidator(Text).Validate(setup);
    }

    [Fact]
    public void A_yes_no_question_with_the_default_settings_is_valid()
    {
        Assert.True(Validate(new BallotSetup { Question = "On garde la ruelle verte?", Options = ["Oui", "Non"] }).IsValid);
        Assert.True(Validate(BallotSetup.YesNo("On garde la ruelle verte?", Text)).IsValid);
        Assert.Equal(["Oui", "Non", "Abstention"], BallotSetup.YesNo("Q", Text).Options);
    }

    [Fact]
    public void More_choices_than_options_says_both_numbers_at_the_number_of_choices()
    {
        var result = Validate(new BallotSetup { Question = "Q", Options = ["Oui", "Non"], Settings = new() { MaxChoices = 3 } });

        var failure = Assert.Single(result.Errors);
        Assert.Equal("Settings.MaxChoices", failure.PropertyName);
        Assert.Equal("Le nombre de choix (3) dépasse le nombre d'options (2). Laissez le champ vide pour permettre de tout cocher.", failure.ErrorMessage);
    }

    [Fact]
    public void A_too_long_option_is_named_by_its_line_in_both_languages()
    {
        var setup = new BallotSetup { Question = "Q", Options = ["Court", "Aussi court", new string('x', 512)] };

        var fr = Assert.Single(Validate(setup).Errors);
        var en = Assert.Single(Validate(setup, "en-CA").Errors);

        Assert.Equal("Options[2]", fr.PropertyName);
        Assert.Equal("Option 3\u00a0: 200 caractères au plus (elle en a 512). Raccourcissez-la.", fr.ErrorMessage);
        Assert.Equal("Option 3: 200 characters at most (it has 512). Shorten it.", en.ErrorMessage);
    }

    [Fact]
    public void Nulls_inside_the_options_or_instead_of_the_settings_are_refused_with_a_message_not_an_exception()
    {
        var nullOption = Validate(new BallotSetup { Question = "Q", Options = ["A", null!, "C"] });
        var nullSettings = Validate(new BallotSetup { Question = "Q", Method = VotingMethod.Cumulative, Options = ["A", "B"], Settings = null! });
        var nullOptions = Validate(new BallotSetup { Question = "Q", Options = null!, IdeaIds = [1] });

        Assert.Contains(nullOption.Errors, e => e.PropertyName == "Options[1]" && e.ErrorMessage.StartsWith("Option 2", StringComparison.Ordinal));
        Assert.False(nullSettings.IsValid);
        Assert.False(nullOptions.IsValid);
        Assert.All(nullOptions.Errors.Concat(nullSettings.Errors), e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage)));
    }

    [Fact]
    public void Options_linked_to_ideas_must_name_one_idea_per_option()
    {
        var result = Validate(new BallotSetup { Question = "Q", Options = ["A", "B"], IdeaIds = [3] });

        Assert.Contains(result.Errors, e => e.PropertyName == "IdeaIds");
    }

    [Theory]
    [InlineData("fr-CA", "Indiquez la date et l'heure du forum.", "Remplissez «\u00a0Titre\u00a0».")]
    [InlineData("en-CA", "Give the date and time of the forum.", "Fill in “Title”.")]
    public void Forum_form_messages_are_the_users_words_not_the_validator_defaults(string culture, string startsAt, string title)
    {
        using var _ = new CultureScope(culture);
        var result = new ForumCreateValidator(Text).Validate(new ForumCreate { Title = "", StartsAt = null });

        Assert.Equal(startsAt, result.Errors.Single(e => e.PropertyName == nameof(ForumCreate.StartsAt)).ErrorMessage);
        Assert.Equal(title, result.Errors.Single(e => e.PropertyName == nameof(ForumCreate.Title)).ErrorMessage);
        Assert.DoesNotContain(result.Errors, e => e.ErrorMessage.Contains('\'') && e.ErrorMessage.Contains("null", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_built_in_validator_message_has_a_french_and_an_english_wording()
    {
        // Not shown to people (child and polymorphic adaptors, custom rules carry their own message), or using another's key
        // (AspNetCoreCompatibleEmailValidator says EmailValidator's message); credit cards and decimal precision are unused.
        string[] skipped = ["ChildValidatorAdaptor", "PolymorphicValidator", "CustomValidator", "AspNetCoreCompatibleEmailValidator",
            "CreditCardValidator", "ScalePrecisionValidator", "PrecisionScaleValidator"];
        var keys = typeof(AbstractValidator<>).Assembly.GetTypes()
            .Where(t => t.Namespace == "FluentValidation.Validators" && t is { IsClass: true, IsAbstract: false } && t.Name.Contains("Validator`", StringComparison.Ordinal))
            .Select(t => t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)])
            .Except(skipped).Distinct().ToList();
        var resources = new System.Resources.ResourceManager(typeof(UiText).FullName!, typeof(UiText).Assembly);
        var french = resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var english = resources.GetResourceSet(new CultureInfo("en"), true, false)!;

        var missing = keys.Where(k => french.GetString("Validator." + k) is null || english.GetString("Validator." + k) is null).ToList();

        Assert.Contains("NotNullValidator", keys);
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    /// <summary>Sets the thread's cultures for the test's duration.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
