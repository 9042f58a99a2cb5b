using Tables.Reports.Models;
using Tables.Reports.Pdf;

namespace Tables.Reports.Documents;

/// <summary>« Procès-verbal d'un forum »: agenda, attendance, ideas by theme, and every ballot with its result.</summary>
public static class ProtocolDocument
{
    public static byte[] Generate(ForumProtocol protocol) => Compose(protocol).GeneratePdf();

    public static Document Compose(ForumProtocol forum)
    {
        var culture = ReportCulture.For(forum.Language);
        return Document.Create((Document document) =>
        {
            var layout = new ReportLayout(culture, document.Outline);
            var title = layout.T("Protocol.Title");
            var when = forum.EndsAt is { } end
                ? layout.T("Protocol.When", culture.Date(forum.StartsAt), culture.Time(forum.StartsAt), culture.Time(end))
                : layout.T("Protocol.WhenStart", culture.Date(forum.StartsAt), culture.Time(forum.StartsAt));
            var facts = new List<string> { when, layout.T("Protocol.Place", forum.Place) };
            if (forum.Facilitators.Count > 0)
            {
                facts.Add(layout.T("Protocol.Facilitators", string.Join(", ", forum.Facilitators)));
            }
            facts.Add(layout.T("Protocol.ParticipationMode", layout.T("Participation." + forum.Participation)));
            facts.Add(layout.T("Common.Produced", culture.Date(forum.Produced)));
            layout.Cover(document, forum.Table, title, forum.Title, facts);
            layout.Body(document, $"{forum.Table.Name} · {title} — {forum.Title}", col =>
            {
                layout.TableOfContents(col);
                var ideas = forum.Ideas.Sum(t => t.Ideas.Count);
                layout.Chapter(col, layout.T("Protocol.Summary"));
                layout.KeyFigures(col,
                [
                    (culture.Number(forum.Participants), layout.T("Protocol.Participants")),
                    (culture.Number(ideas), layout.T("Protocol.Ideas")),
                    (culture.Number(forum.Ballots.Count), layout.T("Protocol.Ballots")),
                ]);
                Agenda(layout, col, forum);
                Attendance(layout, col, forum);
                Ideas(layout, col, forum, ideas);
                layout.Chapter(col, layout.T("Protocol.Ballots.Chapter"));
                if (forum.Ballots.Count == 0)
                {
                    layout.Paragraph(col, layout.T("Protocol.NoBallot"));
                }
                var section = new BallotSection(layout);
                foreach (var ballot in forum.Ballots)
                {
                    section.Compose(col, ballot);
                }
            });
        }).WithMetadata(new ReportLayout(culture, new DocumentOutline()).Metadata(
            culture.Text("Protocol.Title") + " — " + forum.Title, forum.Table, forum.Produced));
    }

    private static void Agenda(ReportLayout layout, ColumnDescriptor col, ForumProtocol forum)
    {
        layout.Subheading(col, layout.T("Protocol.Agenda"));
        layout.DataTable(col, [new("#", 24, Constant: true), new(layout.T("Protocol.Agenda"), 4), new("", 1.6f), new("", 1, Right: true)],
            forum.Agenda.Select((item, i) => (IReadOnlyList<Action<IContainer>>)
            [
                ReportLayout.Cell((i + 1).ToString(layout.C.Culture), color: Palette.Muted),
                ReportLayout.Cell(item.Title, bold: true),
                ReportLayout.Cell(layout.T("Agenda." + item.Kind.ToLowerInvariant()), color: Palette.Muted),
                ReportLayout.Cell(item.At is { } at ? layout.C.Time(at) : "", right: true),
            ]));
    }

    private static void Attendance(ReportLayout layout, ColumnDescriptor col, ForumProtocol forum)
    {
        var c = layout.C;
        layout.Chapter(col, layout.T("Protocol.Attendance"), newPage: false);
        layout.Paragraph(col, layout.T("Protocol.AttendanceIntro"));
        ReportCharts.HorizontalBars(col.Item(), forum.Attendance.Select(g => new ChartBar(g.Group, g.Count,
            $"{c.Number(g.Count)} ({c.Percent(forum.Participants == 0 ? 0 : (decimal)g.Count / forum.Participants)})")).ToList());
    }

    private static void Ideas(ReportLayout layout, ColumnDescriptor col, ForumProtocol forum, int count)
    {
        layout.Chapter(col, layout.T("Protocol.IdeasByTheme"));
        layout.Paragraph(col, layout.T("Protocol.IdeasIntro", count, forum.HiddenIdeas, forum.MergedIdeas));
        foreach (var theme in forum.Ideas)
        {
            layout.Subheading(col, $"{theme.Theme} · {layout.T("Protocol.IdeasPerTheme", theme.Ideas.Count)}");
            layout.Bullets(col, theme.Ideas.Select(i => i.FromPaper ? i.Text + "\u00A0†" : i.Text));
        }
    }
}
