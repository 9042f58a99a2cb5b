using System.Text;
using Tables.Reports.Documents;
using Tables.Reports.Tests.Samples;
using UglyToad.PdfPig;

namespace Tables.Reports.Tests;

/// <summary>The sample documents, generated once per test run (and saved under artifacts/ to look at).</summary>
internal static class Pdfs
{
    private static readonly Lazy<byte[]> PlanFr = new(() => Save("plan-fr.pdf", PlanDocument.Generate(SamplePlan.Create())));
    private static readonly Lazy<byte[]> PlanEn = new(() => Save("plan-en.pdf", PlanDocument.Generate(SamplePlan.Create("en"))));
    private static readonly Lazy<byte[]> EvaluationFr = new(() => Save("evaluation-fr.pdf", EvaluationDocument.Generate(SampleEvaluation.Create())));
    private static readonly Lazy<byte[]> ProtocolFr = new(() => Save("protocol-fr.pdf", ProtocolDocument.Generate(SampleProtocol.Create())));

    public static byte[] Plan => PlanFr.Value;
    public static byte[] PlanEnglish => PlanEn.Value;
    public static byte[] Evaluation => EvaluationFr.Value;
    public static byte[] Protocol => ProtocolFr.Value;

    /// <summary>All the text of a document, one string per page.</summary>
    public static string[] Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToArray();
    }

    /// <summary>Text without any kind of space, to compare text that wraps differently.</summary>
    public static string Squeeze(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static byte[] Save(string name, byte[] pdf)
    {
        Artifacts.Save(name, pdf);
        return pdf;
    }
}
