namespace Tables.Voting;

/// <summary>
/// The stable codes of <see cref="VotingError"/>. A user interface localizes a message by its code and
/// <see cref="VotingError.Arguments"/>; the library ships English and French texts (Resources/VotingMessages*.resx).
/// </summary>
public static class ErrorCodes
{
    // The options of a ballot
    public const string NoOptions = "options.none";
    public const string TooManyOptions = "options.too-many";
    public const string DuplicateOption = "options.duplicate";
    public const string InvalidOptionToken = "options.invalid-token";

    // The method and its parameters
    public const string UnknownMethod = "method.unknown";
    public const string ParameterNotInteger = "parameter.not-integer";
    public const string ParameterOutOfRange = "parameter.out-of-range";
    public const string ParameterRequired = "parameter.required";
    public const string InvalidMajority = "parameter.invalid-majority";
    public const string InvalidSeed = "parameter.invalid-seed";

    // One ballot against its method
    public const string UnknownOptionOnBallot = "ballot.unknown-option";
    public const string DuplicateOptionOnBallot = "ballot.duplicate-option";
    public const string RankingExpected = "ballot.ranking-expected";
    public const string ValuesExpected = "ballot.values-expected";
    public const string TooManyChoices = "ballot.too-many-choices";
    public const string ValueOutOfRange = "ballot.value-out-of-range";
    public const string TooManyPointsOnOption = "ballot.too-many-points-on-option";
    public const string TooManyPoints = "ballot.too-many-points";
    public const string TieNotAllowed = "ballot.tie-not-allowed";
    public const string InvalidCount = "ballot.invalid-count";
    public const string InvalidWeight = "ballot.invalid-weight";
    public const string InvalidGroup = "ballot.invalid-group";

    // The whole count
    public const string TallyTooLarge = "tally.too-large";

    // ABIF
    public const string AbifSyntax = "abif.syntax";
    public const string AbifExpectedOption = "abif.expected-option";
    public const string AbifUnclosed = "abif.unclosed";
    public const string AbifBadCount = "abif.bad-count";
    public const string AbifBadRating = "abif.bad-rating";
    public const string AbifBadDeclaration = "abif.bad-declaration";
    public const string AbifBadMetadata = "abif.bad-metadata";
    public const string AbifBadExtension = "abif.bad-extension";
    public const string AbifUndeclaredOption = "abif.undeclared-option";
    public const string AbifMixedSeparators = "abif.mixed-separators";
    public const string AbifRatingsRequired = "abif.ratings-required";
    public const string AbifNotWritable = "abif.not-writable";

    // CSV
    public const string CsvEmpty = "csv.empty";
    public const string CsvEmptyColumnName = "csv.empty-column-name";
    public const string CsvDuplicateColumn = "csv.duplicate-column";
    public const string CsvNotANumber = "csv.not-a-number";
    public const string CsvBadRank = "csv.bad-rank";
    public const string CsvFieldCount = "csv.field-count";
    public const string CsvBadData = "csv.bad-data";

    // A request as the web endpoint receives it
    public const string UnsupportedContentType = "format.unsupported-content-type";
}
