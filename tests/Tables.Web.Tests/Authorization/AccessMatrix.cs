namespace Tables.Web.Tests.Authorization;

/// <summary>
/// access-matrix.txt as read by the tests that walk every endpoint and hub method (the access matrix, the fuzzing):
/// one row per endpoint, page or hub method, and the infrastructure routes anyone reaches.
/// </summary>
internal sealed class AccessMatrix
{
    /// <param name="Answers">One letter per role, spaces removed (y, n or -).</param>
    internal sealed record Row(string Kind, string Endpoint, string Path, string Body, string Answers);

    public List<Row> Rows { get; } = [];
    private readonly List<string> _infrastructure = [];

    public static AccessMatrix Load()
    {
        var matrix = new AccessMatrix();
        foreach (var raw in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Authorization", "access-matrix.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells[0] == "infra")
            {
                matrix._infrastructure.AddRange(cells[1..]);
                continue;
            }
            matrix.Rows.Add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4].Replace(" ", "", StringComparison.Ordinal)));
        }
        return matrix;
    }

    public bool IsInfrastructure(string route) =>
        _infrastructure.Any(p => p == "static" ? !route.StartsWith('/') && !route.StartsWith('{') : route == p || (p.EndsWith('/') || p.StartsWith("/_")) && route.StartsWith(p, StringComparison.Ordinal) || route.StartsWith(p + "/", StringComparison.Ordinal));
}
