using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Tables.LoadTest;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.Web.Tests.Features;

/// <summary>
/// The app as its own process on SQLite, killed with SIGKILL while 300 phones vote, then restarted on the same data:
/// every acknowledged ballot is there exactly once, the count equals what is stored, and phones resume with their tokens.
/// </summary>
public sealed class CrashTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private const int Phones = 300;
    private const int KillAfterAcks = 150;
    private static readonly string[] Tokens = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];

    [Fact]
    public async Task Killed_mid_vote_and_restarted_nothing_acknowledged_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = LoadTestProgram.FindRepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), "tables-crash", Guid.NewGuid().ToString("N"));
        var start = new ServerStart(Configuration, Build: false, DataDirectory: data, DeleteData: false);
        try
        {
            var first = await ServerProcess.StartAsync(root, TimeSpan.FromMinutes(2), start);
            using var staff = new Staff(first.Url);
            await staff.SignInAsync(TablesAppFactory.Administrator, TablesAppFactory.DemoPassword);
            var (forum, ballot, _) = await staff.SetUpAsync("crash-" + Guid.NewGuid().ToString("N")[..6]);
            await using (var facilitator = staff.Hub())
            {
                await facilitator.StartAsync(ct);
                await facilitator.OpenBallotAsync(ballot.Id, ct);
            }

            // 300 phones join (tokens kept, as the phone page keeps them in localStorage), then all vote at once.
            var tokens = new string[Phones];
            var participantIds = new int[Phones];
            var connections = new HubConnection[Phones];
            await Parallel.ForAsync(0, Phones, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
            {
                connections[i] = Staff.Connect(first.Url);
                await connections[i].StartAsync(token);
                var joined = await connections[i].JoinAsync(new JoinRequest(forum.JoinCode, null, null, null), token);
                tokens[i] = joined.Token;
                participantIds[i] = joined.ParticipantId;
            });
            var acked = new ConcurrentDictionary<int, Dictionary<string, int>>();
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // 16 phones at a time keep voting; the server is killed once 150 ballots are acknowledged, with some in flight.
            var casts = Parallel.ForAsync(0, Phones, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                if (killed.Task.IsCompleted)
                {
                    return;
                }
                var content = Choice(i);
                try
                {
                    var ack = await connections[i].CastAsync(new CastRequest(ballot.Id, new VoteContent { Values = content }, $"crash-{i}"), ct);
                    if (ack.Outcome is VoteOutcome.Stored or VoteOutcome.Duplicate)
                    {
                        acked[i] = content;
                        if (acked.Count >= KillAfterAcks)
                        {
                            killed.TrySetResult();
                        }
                    }
                }
                catch (Exception e) when (e is HubException or InvalidOperationException or IOException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
                {
                    // The server died before answering: not acknowledged.
                }
            });
            await killed.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
            await first.KillAsync();
            await casts;
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
            Assert.InRange(acked.Count, KillAfterAcks, Phones - 1);

            // The same data, a new process.
            await using var second = await ServerProcess.StartAsync(root, TimeSpan.FromMinutes(2), start);
            var stored = ReadVotes(data, ballot.Id);
            Assert.All(stored.GroupBy(v => v.ParticipantId), g => Assert.Single(g));
            var byParticipant = stored.ToDictionary(v => v.ParticipantId, v => v.Values);
            foreach (var (i, content) in acked)
            {
                Assert.True(byParticipant.TryGetValue(participantIds[i], out var values), $"acknowledged ballot of phone {i} is missing");
                Assert.Equal(content, values);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged before the kill: {acked.Count}; stored after restart: {stored.Count}");

            // Phones come back with their tokens and see their own ballot.
            var resumed = new ConcurrentBag<(int Phone, VoteContent? Mine)>();
            await Parallel.ForAsync(0, Phones, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
            {
                await using var phone = Staff.Connect(second.Url);
                await phone.StartAsync(token);
                var joined = await phone.JoinAsync(new JoinRequest(forum.JoinCode, tokens[i], null, null), token);
                Assert.Equal(participantIds[i], joined.ParticipantId);
                resumed.Add((i, joined.Snapshot.Ballots.Single(b => b.Id == ballot.Id).MyVote));
            });
            foreach (var (i, mine) in resumed)
            {
                if (acked.TryGetValue(i, out var content))
                {
                    Assert.Equal(content, mine?.Values);
                }
                Assert.Equal(byParticipant.ContainsKey(participantIds[i]), mine is not null);
            }

            // The count at close is what is stored.
            using var staffAgain = new Staff(second.Url);
            await staffAgain.SignInAsync(TablesAppFactory.Administrator, TablesAppFactory.DemoPassword);
            await using var closer = staffAgain.Hub();
            await closer.StartAsync(ct);
            var result = await closer.CloseBallotAsync(ballot.Id, ct);
            var tally = result.Explanation!.Value;
            Assert.Equal(stored.Count, tally.GetProperty("ballots").GetInt32());
            foreach (var option in Tokens)
            {
                Assert.Equal(stored.Sum(v => v.Values.GetValueOrDefault(option)), (int)result.Scores[option]);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    /// <summary>Phone i approves 1 to 6 options, a different set for different phones.</summary>
    private static Dictionary<string, int> Choice(int i) =>
        Tokens.Where((_, k) => ((i * 7 + k * 3) % 9) < 1 + i % 6).ToDictionary(t => t, _ => 1);

    private static List<(int ParticipantId, Dictionary<string, int> Values)> ReadVotes(string data, int ballotId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "tables.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ParticipantId, Content FROM Votes WHERE BallotId = $ballot AND ParticipantId IS NOT NULL";
        command.Parameters.AddWithValue("$ballot", ballotId);
        using var reader = command.ExecuteReader();
        var votes = new List<(int, Dictionary<string, int>)>();
        while (reader.Read())
        {
            var content = JsonSerializer.Deserialize<VoteContent>(reader.GetString(1), JsonSerializerOptions.Web)!;
            votes.Add((reader.GetInt32(0), content.Values ?? []));
        }
        return votes;
    }
}
