using System.Text;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Features.Ballots;
using UglyToad.PdfPig;

namespace Tables.Web.Tests.Features;

/// <summary>
/// The PDF reports served by the web app (#16, web side), opened with PdfPig: the sample cycle's action plan and the
/// sample forum's minutes, in French and English, authorized and filtered like the data they contain.
/// </summary>
public sealed class ReportTests(ReportTests.App app) : IClassFixture<ReportTests.App>
{
    public sealed class App : TablesAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sample_plan_comes_out_as_a_french_pdf_with_its_priorities_actions_and_budgets_for_members()
    {
        var (_, _, cycle) = await app.SampleActionsAsync();
        var (priorities, action, funder) = await app.WithDbAsync(async db => (
            await db.Priorities.Where(p => p.CycleId == cycle).Select(p => p.Title).ToListAsync(),
            await db.Actions.Where(a => a.CycleId == cycle && !a.Archived).OrderBy(a => a.Id).Select(a => a.Title).FirstAsync(),
            await db.FundingLines.OrderByDescending(f => f.Amount).Select(f => f.Funder).FirstAsync()));
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);

        var response = await coordinator.GetAsync($"/api/tables/tilleuls/cycles/{cycle}/reports/plan.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("plan-d-action-tilleuls-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var (pages, text) = Read(await Keep(response, "plan"));
        Assert.True(pages >= 5, $"{pages} pages");
        Assert.Contains(Squeeze("Plan d'action"), text);
        Assert.Contains(Squeeze("Table de quartier des Tilleuls"), text);
        foreach (var priority in priorities)
        {
            Assert.Contains(Squeeze(priority), text);
        }
        Assert.Contains(Squeeze(action), text);
        Assert.Contains(Squeeze(funder), text);
        Assert.Contains(Squeeze("Les priorités du plan"), text);
    }

    [Fact]
    public async Task The_public_gets_the_published_plan_without_budgets_and_in_english_when_asked()
    {
        var (_, _, cycle) = await app.SampleActionsAsync();
        var funder = await app.WithDbAsync(db => db.FundingLines.OrderByDescending(f => f.Amount).Select(f => f.Funder).FirstAsync());
        using var anonymous = app.CreateClient();

        var french = await anonymous.GetAsync($"/api/tables/tilleuls/cycles/{cycle}/reports/plan.pdf", Ct);
        var english = await anonymous.GetAsync($"/api/tables/tilleuls/cycles/{cycle}/reports/plan.pdf?lang=en", Ct);
        var unknown = await anonymous.GetAsync($"/api/tables/tilleuls/cycles/{cycle}/reports/plan.pdf?lang=klingon", Ct);

        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        var (_, frenchText) = Read(await french.Content.ReadAsByteArrayAsync(Ct));
        // The sample table shows no budgets to the public: no funder is named.
        Assert.DoesNotContain(Squeeze(funder), frenchText);
        var (_, englishText) = Read(await english.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(Squeeze("Action plan"), englishText);
        Assert.DoesNotContain(Squeeze("Plan d'action"), englishText);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Langue du document inconnue", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_forums_minutes_give_its_ideas_and_ballots_and_never_choices_by_group()
    {
        var (forum, title, question, idea, secret) = await app.WithDbAsync(async db =>
        {
            var ballot = await db.Ballots.Where(b => b.Status == BallotStatus.Closed).OrderByDescending(b => b.Secret).ThenBy(b => b.Id).FirstAsync();
            var f = await db.Forums.SingleAsync(x => x.Id == ballot.ForumId);
            var i = await db.Ideas.Where(x => x.ForumId == f.Id && !x.Hidden && x.MergedIntoId == null).OrderBy(x => x.Id).Select(x => x.Text).FirstAsync();
            return (f.Id, f.Title, ballot.Question, i, ballot.Secret);
        });
        using var observer = await app.SignedInAsync(TablesAppFactory.Observer);

        var response = await observer.GetAsync($"/api/tables/tilleuls/forums/{forum}/protocol.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (pages, text) = Read(await Keep(response, "protocol"));
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Contains(Squeeze("Procès-verbal"), text);
        Assert.Contains(Squeeze(title), text);
        Assert.Contains(Squeeze(question), text);
        Assert.Contains(Squeeze(idea), text);
        // Turnout by group is published; a secret ballot's choices by group never are (and the report says so).
        Assert.True(secret, "the sample forum has a secret ballot");
        Assert.Contains(Squeeze("Scrutin secret : seule la participation par groupe est publiée, jamais les choix d'un groupe."), text);

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/tables/tilleuls/forums/987654/protocol.pdf", Ct)).StatusCode);
    }

    /// <summary>The PDF's bytes, also written beside the tests (reports/) to be looked at (pdftoppm -png).</summary>
    private static async Task<byte[]> Keep(HttpResponseMessage response, string name)
    {
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var directory = Path.Combine(AppContext.BaseDirectory, "reports");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name + ".pdf"), pdf, Ct);
        return pdf;
    }

    private static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return (document.NumberOfPages, Squeeze(string.Concat(document.GetPages().Select(p => p.Text))));
    }

    /// <summary>Text without any kind of space (wrapping and French no-break spaces differ from the source).</summary>
    private static string Squeeze(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
        {
            result.Append(c == '’' ? '\'' : c);
        }
        return result.ToString();
    }
}
