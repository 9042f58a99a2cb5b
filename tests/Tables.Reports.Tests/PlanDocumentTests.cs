using Tables.Reports.Documents;
using Tables.Reports.Tests.Samples;
using UglyToad.PdfPig;

namespace Tables.Reports.Tests;

public sealed class PlanDocumentTests
{
    private static readonly Lazy<byte[]> FrenchPlan = new(() => Artifacts.Save("plan-fr.pdf", PlanDocument.Generate(SamplePlan.Create())) is var _ ? File.ReadAllBytes(Path.Combine(Artifacts.Directory, "plan-fr.pdf")) : []);

    [Fact]
    public void Sample_plan_has_at_least_twenty_numbered_pages()
    {
        using var document = PdfDocument.Open(FrenchPlan.Value);
        Assert.True(document.NumberOfPages >= 20, $"{document.NumberOfPages} pages");
    }
}
