namespace Tables.Web.Features.Forums;

/// <summary>A forum action refused for a reason the person can understand (already localized).</summary>
public sealed class ForumException(string message) : Exception(message);
