namespace Tables.Reports.Tests;

/// <summary>Writes the PDFs a test makes under the test output's "artifacts" folder, to look at them.</summary>
internal static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static string Save(string name, byte[] pdf)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
