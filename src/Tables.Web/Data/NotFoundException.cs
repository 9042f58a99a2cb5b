namespace Tables.Web.Data;

/// <summary>The row asked for does not exist in the table the caller may see: answered as 404.</summary>
public sealed class NotFoundException() : Exception("Not found.");
