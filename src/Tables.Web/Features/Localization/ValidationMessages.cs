using System.Globalization;
using System.Resources;
using FluentValidation.Resources;
using Tables.Web.Resources;

namespace Tables.Web.Features.Localization;

/// <summary>
/// FluentValidation's built-in messages in the users' words and our typography (« Titre » : 200 caractères au plus),
/// from the resources (<c>Validator.*</c> keys), instead of its defaults ("'Date et heure' ne doit pas avoir la valeur
/// null."). A validator without a key of its own falls back to the plain "is not valid" message.
/// </summary>
public sealed class ValidationMessages : LanguageManager
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    public override string GetString(string key, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return Resources.GetString("Validator." + key, culture) ?? Resources.GetString("Validator.PredicateValidator", culture)!;
    }

    /// <summary>Makes these the messages of every validator (once, at start).</summary>
    public static void Use() => FluentValidation.ValidatorOptions.Global.LanguageManager = new ValidationMessages();
}
