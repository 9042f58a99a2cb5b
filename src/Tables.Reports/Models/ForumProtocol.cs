namespace Tables.Reports.Models;

/// <summary>A forum's minutes: the « Procès-verbal d'un forum » document's model.</summary>
public sealed record ForumProtocol
{
    public required TableInfo Table { get; init; }
    public string? CycleTitle { get; init; }
    public string Language { get; init; } = "fr";
    public required string Title { get; init; }
    public DateTime StartsAt { get; init; }
    public DateTime? EndsAt { get; init; }
    public string Place { get; init; } = "";
    public ParticipationMode Participation { get; init; }
    public IReadOnlyList<string> Facilitators { get; init; } = [];
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];
    public long Participants { get; init; }
    /// <summary>Participants per declared group, small groups folded; those who declared none under their own label.</summary>
    public IReadOnlyList<GroupCount> Attendance { get; init; } = [];
    public IReadOnlyList<IdeaTheme> Ideas { get; init; } = [];
    /// <summary>Ideas hidden by moderation (not printed) and merged duplicates.</summary>
    public int HiddenIdeas { get; init; }
    public int MergedIdeas { get; init; }
    public IReadOnlyList<BallotReport> Ballots { get; init; } = [];
    public DateOnly Produced { get; init; }
}

/// <summary>One step of the agenda; <paramref name="Kind"/> is welcome, portrait, ideas, clustering, vote or closing.</summary>
public sealed record AgendaItem(string Kind, string Title, DateTime? At = null);

public sealed record IdeaTheme(string Theme, IReadOnlyList<ProtocolIdea> Ideas);

public sealed record ProtocolIdea(string Text, bool FromPaper, int Votes = 0);
