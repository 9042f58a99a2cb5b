using System.Resources;

// UiText.resx holds French, the product's first language; UiText.en.resx holds English.
[assembly: NeutralResourcesLanguage("fr")]
