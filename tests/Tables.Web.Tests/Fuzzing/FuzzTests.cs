using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ILogger = Microsoft.Extensions.Logging.ILogger;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

using Tables.Web.Tests.Authorization;

namespace Tables.Web.Tests.Fuzzing;

/// <summary>
/// Random and malformed input (CsCheck) at every REST endpoint and every hub method of access-matrix.txt, and at
/// POST /api/tally: never a 5xx, never an error in the log, nothing written by a refused request, and a refusal that
/// says what was wrong (problem+json with a title, a HubException with a message).
/// </summary>
public sealed class FuzzTests(FuzzTests.App app) : IClassFixture<FuzzTests.App>
{
    private const int RestIterations = 40;
    private const int HubIterations = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ------------------------------------------------------------------ generators

    private static readonly string[] Edges =
    [
        "\0", "\ud800", "\udfff", "\udc00\ud800", "\u202e", "\u200f", "\u200b", "\ufeff", "\uffff", "\ufffd", "😀", "👩‍👩‍👧",
        "e\u0301", "\u0301\u0301\u0301", "ﷺ", "𝕏", "'", "\"", "\\", "/", "<script>", "%00", "\r\n", "\t", " ", "Ω", "ß", "İ",
        "١٢٣", "{n}", "null", "-", "0",
    ];

    /// <summary>Strings of 0..20000 chars: random chars (lone surrogates included), unicode edge cases, long runs.</summary>
    private static readonly Gen<string> Text = Strings(20000);

    /// <summary>A hub message is at most 32 KB (SignalR's limit: a larger one closes the connection), so hub strings stay shorter.
    /// The .NET SignalR client cannot serialize lone surrogates (it fails and drops its connection), so hub strings have none.</summary>
    private static readonly Gen<string> HubText = Strings(1200).Select(WithoutLoneSurrogates);

    private static string WithoutLoneSurrogates(string s)
    {
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(s[i]).Append(s[++i]);
            }
            else if (!char.IsSurrogate(s[i]))
            {
                b.Append(s[i]);
            }
        }
        return b.ToString();
    }

    private static Gen<string> Strings(int max) => Gen.OneOf(
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.OneOfConst(Edges).Array[0, 12].Select(string.Concat),
        Gen.Int[0, max].Select(n => new string('é', n)),
        Gen.Int[0, max / 10].Select(n => string.Concat(Enumerable.Repeat("😀e\u0301\u202e", n))),
        Gen.OneOfConst("", " ", "null", "true", "0", "-1", "2147483648", "1e400", "NaN", "Previous", "Next", "Observer", "Coordinator",
            "Partner", "Community", "plurality", "approval", "2030-01-01", "2031-13-45", "2027-01-01T19:00:00Z", "fuzz-privee", "tilleuls",
            "00000000-0000-0000-0000-000000000000", "a@b", "m@example.org"));

    /// <summary>JSON text, escaping everything outside printable ASCII (so lone surrogates travel as \ud800 escapes).</summary>
    private static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                b.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(c);
            }
        }
        return b.Append('"').ToString();
    }

    private static readonly string[] Unknown = ["0", "-1", "2147483647", "-2147483648", "987654"];

    /// <summary>A JSON value of any type: strings, huge and negative numbers, ids of the other table and unknown ones, arrays, objects.</summary>
    private static Gen<string> Value(string[] ids, Gen<string>? strings = null) => Gen.OneOf(
        (strings ?? Text).Select(Quote),
        Gen.OneOfConst("null", "true", "false", "0", "-1", "1.5", "-0.0", "1e308", "-1e308", "1e400", "99999999999999999999999999999", "2147483648",
            "-2147483649", "9223372036854775808", "[]", "{}", "[null]", "{\"a\":1}", "\"\"", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "[\"A\",\"A\"]",
            "{\"values\":{\"A\":-5}}", "{\"ranking\":[[]]}", "{\"A\":1}",
            // Nulls inside arrays and objects (issue #12: they gave 500s and a NullReferenceException in the counter).
            "[null,null]", "[\"A\",null]", "[[null]]", "{\"a\":null}", "{\"ranking\":[null]}", "{\"ranking\":[[\"A\",null]]}",
            "{\"values\":{\"A\":null}}", "{\"values\":null,\"ranking\":null}", "[{}]", "[{\"kind\":null}]"),
        Gen.OneOfConst([.. ids, .. Unknown]),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        (strings ?? Text).Array[0, 4].Select(a => "[" + string.Join(",", a.Select(Quote)) + "]"));

    /// <summary>The example object with each field kept, dropped, given a value of any type, repeated or given a null inside; plus unknown fields.</summary>
    private static Gen<string> MutatedObject(string example, string[] ids, Gen<string>? strings = null)
    {
        using var doc = JsonDocument.Parse(example);
        var fields = doc.RootElement.EnumerateObject().Select(p => (p.Name, Raw: p.Value.GetRawText())).ToArray();
        return Gen.Select(Gen.Int[0, 5].Array[fields.Length], Value(ids, strings).Array[fields.Length], Gen.Select(strings ?? Text, Value(ids, strings)).Array[0, 2],
            (ops, values, extras) =>
            {
                var parts = new List<string>();
                for (var i = 0; i < fields.Length; i++)
                {
                    var name = Quote(fields[i].Name);
                    switch (ops[i])
                    {
                        case 0 or 1: parts.Add($"{name}:{fields[i].Raw}"); break;
                        case 2: break;
                        case 3: parts.Add($"{name}:{values[i]}"); break;
                        case 5: parts.Add($"{name}:{NullInside(fields[i].Raw)}"); break;
                        default: parts.Add($"{name}:{fields[i].Raw}"); parts.Add($"{name}:{values[i]}"); break;
                    }
                }
                parts.AddRange(extras.Select(e => $"{Quote(e.Item1)}:{e.Item2}"));
                return "{" + string.Join(",", parts) + "}";
            });
    }

    /// <summary>The value with a null inside: a null element added to an array, a null for an object's first field (at any depth).</summary>
    private static string NullInside(string raw)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(raw);
        return (node switch
        {
            System.Text.Json.Nodes.JsonArray array when array.Count > 0 && array[0] is System.Text.Json.Nodes.JsonArray or System.Text.Json.Nodes.JsonObject =>
                WithFirst(array, NullInside(array[0]!.ToJsonString())),
            System.Text.Json.Nodes.JsonArray array => Appended(array),
            System.Text.Json.Nodes.JsonObject obj when obj.Count > 0 => WithFirst(obj, obj.First().Value is System.Text.Json.Nodes.JsonArray or System.Text.Json.Nodes.JsonObject
                ? NullInside(obj.First().Value!.ToJsonString()) : "null"),
            System.Text.Json.Nodes.JsonObject => System.Text.Json.Nodes.JsonNode.Parse("{\"a\":null}"),
            _ => null,
        })?.ToJsonString() ?? "null";

        static System.Text.Json.Nodes.JsonNode Appended(System.Text.Json.Nodes.JsonArray array)
        {
            array.Add(null);
            return array;
        }

        static System.Text.Json.Nodes.JsonNode WithFirst(System.Text.Json.Nodes.JsonNode container, string value)
        {
            var replacement = System.Text.Json.Nodes.JsonNode.Parse(value);
            if (container is System.Text.Json.Nodes.JsonArray array)
            {
                array[0] = replacement;
            }
            else
            {
                var obj = (System.Text.Json.Nodes.JsonObject)container;
                obj[obj.First().Key] = replacement;
            }
            return container;
        }
    }

    private static readonly Gen<string> Malformed = Gen.OneOfConst(
        "", " ", "{", "}", "{\"", "[1,2", "{\"name\":}", "{\"name\" \"x\"}", "{'name':'x'}", "nul", "tru", "<xml/>", "\0", "\ufeff{}", "{}}",
        "{\"a\":1,}", "/* */{}", "NaN", "\"\\ud800\"", "{\"name\":\"\\x41\"}", "{\"name\":\"\\u12\"}", "-", "1e", "[" + new string('[', 200));

    private static readonly Gen<string?> JsonContentType = Gen.OneOfConst<string?>(
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain", "text/json",
        "application/x-www-form-urlencoded", "application/xml", "multipart/form-data", "application/json; charset=latin1", null);

    // ------------------------------------------------------------------ REST

    public static TheoryData<string> ApiRows() => [.. AccessMatrix.Load().Rows.Where(r => r.Kind == "api").Select(r => r.Endpoint)];

    public sealed record HttpCase(string Method, string Path, string? Body, string? ContentType)
    {
        public override string ToString() => $"{Method} {Path} [{ContentType}] {(Body is { Length: > 300 } ? Body[..300] + $"… ({Body.Length} chars)" : Body)}";
    }

    [Theory]
    [MemberData(nameof(ApiRows))]
    public async Task Random_requests_never_fail_on_the_server_and_refusals_write_nothing(string endpoint)
    {
        var row = AccessMatrix.Load().Rows.Single(r => r.Kind == "api" && r.Endpoint == endpoint);
        var errorsBefore = app.Errors.Count;
        using var client = await app.SignedInAsync(TablesAppFactory.Coordinator);

        await HttpCases(row).SampleAsync(async c =>
        {
            var path = await app.FillAsync(c.Path);
            var body = c.Body is null ? null : await app.FillAsync(c.Body);
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, new UTF8Encoding(false));
                request.Content.Headers.ContentType = c.ContentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(c.ContentType);
            }
            var before = await app.FingerprintAsync();
            using var response = await client.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(status < 500, $"{status} for {c}; log: {string.Join("\n", app.Errors.Skip(errorsBefore).Take(3))}");
            if (status >= 400)
            {
                Assert.Equal(before, await app.FingerprintAsync());
                if (!endpoint.EndsWith("qr.svg", StringComparison.Ordinal))
                {
                    AssertProblem(response, text, c);
                }
            }
        }, iter: RestIterations, threads: 1, print: c => c.ToString());

        AssertNoErrorLogged(errorsBefore);
    }

    private static void AssertProblem(HttpResponseMessage response, string text, HttpCase c)
    {
        var status = (int)response.StatusCode;
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{status} without problem+json ({response.Content.Headers.ContentType}) for {c}\n{text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 },
            $"{status} without a title for {c}\n{text}");
        if (problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            var names = errors.EnumerateObject().ToList();
            Assert.True(names.Count > 0 && names.All(e => e.Name.Length > 0 && e.Value.EnumerateArray().All(m => m.GetString() is { Length: > 0 })),
                $"validation errors without a field or a message for {c}\n{text}");
        }
    }

    /// <summary>Requests for one matrix row: its path with ids of the other table or unknown ones, generated bodies and content types.</summary>
    private Gen<HttpCase> HttpCases(AccessMatrix.Row row)
    {
        var method = row.Endpoint.Split(' ')[0].Split(',')[0];
        var ids = app.OtherTableIds;
        var placeholders = System.Text.RegularExpressions.Regex.Matches(row.Path, @"\{[a-z-]+\}").Select(m => m.Value)
            .Where(p => p != "{code}").Distinct().ToArray();
        var slugs = Gen.OneOf(Gen.Const("tilleuls"), Gen.Const("tilleuls"), Gen.Const("tilleuls"),
            Gen.OneOfConst("fuzz-privee", "inconnue", "TILLEULS", "%C3%A9t%C3%A9", "%E2%80%8F", "%E2%80%AE", "a%20b", new string('x', 3000)));
        var idChoice = Gen.OneOf(Gen.OneOfConst<string?>([null]), Gen.OneOfConst<string?>([null]), Gen.OneOfConst<string?>([.. ids, .. Unknown]));
        var codes = Gen.OneOf(Gen.Const("{code}"), Text.Select(t => Uri.EscapeDataString(t.Replace("\0", "", StringComparison.Ordinal))));
        var paths = Gen.Select(slugs, idChoice.Array[placeholders.Length], codes, Text, (slug, replace, code, query) =>
        {
            var path = row.Path.Replace("/tilleuls", "/" + slug, StringComparison.Ordinal).Replace("{code}", code, StringComparison.Ordinal);
            for (var i = 0; i < placeholders.Length; i++)
            {
                if (replace[i] is { } id)
                {
                    path = path.Replace(placeholders[i], id, StringComparison.Ordinal);
                }
            }
            if (row.Endpoint.EndsWith("/ballots", StringComparison.Ordinal))
            {
                path += "?activityId=" + Uri.EscapeDataString(query);
            }
            else if (row.Endpoint.EndsWith(".pdf", StringComparison.Ordinal))
            {
                path += "?lang=" + Uri.EscapeDataString(query);
            }
            return path;
        });

        if (row.Endpoint == "POST /api/tally")
        {
            return Gen.Select(TallyQuery, TallyBody, Gen.OneOfConst<string?>("text/csv", "text/plain", "text/abif", "text/csv; charset=utf-8", "application/json", "text/html", null),
                (query, body, type) => new HttpCase("POST", "/api/tally?" + query, body, type));
        }
        if (method is "GET" or "DELETE" || row.Body.Length == 0)
        {
            // No body expected: only the path varies (and an unexpected body is ignored or refused).
            return Gen.Select(paths, Gen.OneOf(Gen.OneOfConst<string?>([null]), Gen.OneOfConst<string?>([null]), Value(ids).Select(v => (string?)v)), JsonContentType,
                (path, body, type) => new HttpCase(method, path, body, type));
        }
        var example = MutatedObject(app.FillKnown(row.Body), ids);
        var bodies = Gen.OneOf(example, example, Malformed, Value(ids));
        return Gen.Select(paths, bodies, JsonContentType, (path, body, type) => new HttpCase(method, path, body, type));
    }

    private static readonly Gen<string> TallyQuery = Gen.Select(
        Gen.OneOfConst("plurality", "approval", "cumulative", "score", "borda", "schulze", "irv", "majority-judgment", "", "inconnue", "PLURALITY", "%00", "%F0%9F%98%80"),
        Gen.Select(Gen.OneOfConst("seats", "maxChoices", "maxPoints", "maxPerOption", "maxScore", "quorum", "majority", "seed", "x", ""), Text.Select(Uri.EscapeDataString)).Array[0, 3],
        (m, options) => "method=" + m + string.Concat(options.Select(o => "&" + o.Item1 + "=" + o.Item2)));

    private static readonly Gen<string> TallyBody = Gen.OneOf(
        Text,
        Gen.OneOfConst("A,B,C", "2:A>B>C", "1:A=B>C", "=A", "A,B\n1,2", "ballots,A,B\n3,1,0", "\"", "\"A\"\"", ",,,", "1:", ":A", "99999999999999999999:A",
            "-1:A>B", "1:A>A", "{A} Alpha", "=A : \"Alpha\"", "1*0.5:A", "1/2:A", "#", "\ufeff", "\0", "A\tB", "1:A>B\r\n2:B>A", "weight,group,A\n-1,x,1")
            .Array[0, 12].Select(lines => string.Join("\n", lines)),
        Gen.Select(Gen.OneOfConst("=", ":", ">", "/", ",", "\n", "*", "\"", "1", "A", "B", "{", "}", "[", "]", "#", " "), Gen.OneOfConst(Edges))
            .Array[0, 60].Select(parts => string.Concat(parts.Select(p => p.Item1 + (p.Item2.Length % 5 == 0 ? p.Item2 : "")))));

    // ------------------------------------------------------------------ hub

    public static TheoryData<string> HubRows() => [.. AccessMatrix.Load().Rows.Where(r => r.Kind is "hub" or "live").Select(r => $"{r.Kind} {r.Endpoint}")];

    private static readonly string[] HubRoles = ["anon", "participant", "staff"];

    public sealed record HubCase(string Role, string Arguments)
    {
        public override string ToString() => $"{Role} ({(Arguments.Length > 300 ? Arguments[..300] + $"… ({Arguments.Length} chars)" : Arguments)})";
    }

    [Theory]
    [MemberData(nameof(HubRows))]
    public async Task Random_hub_arguments_get_a_hub_exception_with_a_message_and_write_nothing(string method)
    {
        var row = AccessMatrix.Load().Rows.Single(r => $"{r.Kind} {r.Endpoint}" == method);
        var hubs = row.Kind == "live" ? app.LiveHubs : app.Hubs;
        method = row.Endpoint;
        var errorsBefore = app.Errors.Count;
        var ids = app.HubIds;
        using var example = JsonDocument.Parse(app.FillKnown(row.Body));
        var args = example.RootElement.EnumerateArray().Select(a => a.GetRawText()).ToArray();
        var argument = Gen.OneOf(Gen.OneOfConst(args.Length == 0 ? ["null"] : args), Value(ids, HubText), Gen.Const("null"),
            Gen.OneOfConst([.. ids, .. Unknown]), args.FirstOrDefault(a => a.StartsWith('{')) is { } obj ? MutatedObject(obj, ids, HubText) : Value(ids, HubText));
        var cases = Gen.Select(Gen.OneOfConst(HubRoles), Gen.Int[0, 3].Array[args.Length], argument.Array[args.Length], Gen.Int[0, 5], argument,
            (role, ops, randoms, arity, extra) =>
            {
                var values = args.Select((a, i) => ops[i] == 0 ? a : randoms[i]).ToList();
                if (arity == 0 && values.Count > 0)
                {
                    values.RemoveAt(values.Count - 1);
                }
                else if (arity == 1)
                {
                    values.Add(extra);
                }
                return new HubCase(role, "[" + string.Join(",", values) + "]");
            }).Where(c => c.Arguments.Length < 20000);

        await cases.SampleAsync(async c =>
        {
            var hub = hubs[c.Role];
            using var json = JsonDocument.Parse(c.Arguments);
            var values = json.RootElement.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Null ? null : (object?)a.Clone()).ToArray();
            var before = await app.FingerprintAsync();
            try
            {
                await hub.InvokeByNameAsync(method, typeof(JsonElement), values, Ct);
            }
            catch (HubException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"empty message for {method} {c}");
                // SignalR prefixes a HubException's message ("An unexpected error occurred invoking 'X' on the server. HubException: …");
                // bare, or the hub's generic "something went wrong", the message says nothing of what was wrong.
                // Arguments SignalR cannot bind get its own bare "Failed to invoke 'X' due to an error on the server.": the reason is
                // given only in Development (detailed errors), never to the public.
                var unbound = e.Message == $"Failed to invoke '{method}' due to an error on the server.";
                Assert.True(unbound || !e.Message.EndsWith("on the server.", StringComparison.Ordinal) && !e.Message.Contains("Une erreur s'est produite", StringComparison.Ordinal),
                    $"{e.Message} for {method} {c}; log: {string.Join("\n", app.Errors.Skip(errorsBefore).Take(3))}");
                Assert.Equal(before, await app.FingerprintAsync());
            }
            // The connection still answers.
            Assert.True(hub.State == HubConnectionState.Connected, $"{hub.State} after {method} {c}; log: {string.Join("\n", app.Errors.Skip(errorsBefore).TakeLast(3))}");
            await app.PingAsync(c.Role);
        }, iter: HubIterations, threads: 1, print: c => $"{method} {c}");

        AssertNoErrorLogged(errorsBefore);
    }

    /// <summary>1 to <paramref name="messages"/> approval ballots (6 of 9 options), and an order of up to <paramref name="sends"/> sends of them.</summary>
    private static Gen<(string[][] Contents, int[] Order)> Casts(int messages, int sends)
    {
        string[] tokens = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
        var content = Gen.Int[0, 8].Array[1, 6].Select(picks => picks.Distinct().Order().Select(i => tokens[i]).ToArray());
        return Gen.Int[1, messages].SelectMany(k => Gen.Select(content.Array[k], Gen.Int[0, k - 1].Array[1, sends]));
    }

    /// <summary>The same Cast sent 1–3 times, interleaved with changes, in any order: one vote, the last stored content.</summary>
    [Fact]
    public async Task Duplicated_and_reordered_casts_keep_one_vote_with_the_last_stored_content()
    {
        var errorsBefore = app.Errors.Count;
        var scenario = Casts(3, 8);

        await scenario.SampleAsync(async t =>
        {
            var (contents, order) = t;
            var messageIds = contents.Select(_ => ForumTestKit.NewId()).ToArray();
            await using var phone = app.Hub();
            await phone.StartAsync(Ct);
            var joined = await phone.JoinAsync(new JoinRequest(app.DedupeCode, null, null, null), Ct);

            // One connection: the server takes them in order, so "last" is the send order.
            var sends = order.Select(i => phone.CastAsync(new CastRequest(app.DedupeBallot, ForumTestKit.Approve(contents[i]), messageIds[i], ForumHubClient.NextVersion()), Ct)).ToList();
            var acks = await Task.WhenAll(sends);

            Assert.All(acks, a => Assert.NotEqual(VoteOutcome.NotOpen, a.Outcome));
            var lastStored = order.Select((m, i) => (m, acks[i])).Last(x => x.Item2.Outcome == VoteOutcome.Stored).m;
            var stored = await app.WithDbAsync(db => db.Votes.Where(v => v.BallotId == app.DedupeBallot && v.ParticipantId == joined.ParticipantId).ToListAsync());
            var vote = Assert.Single(stored);
            Assert.Equal(contents[lastStored], vote.Content.Values!.Where(v => v.Value > 0).Select(v => v.Key).Order().ToArray());
            Assert.Equal(messageIds[lastStored], vote.ClientMessageId);
            // Sent twice in a row, a message is a duplicate the second time.
            for (var i = 1; i < order.Length; i++)
            {
                if (order[i] == order[i - 1])
                {
                    Assert.Equal(VoteOutcome.Duplicate, acks[i].Outcome);
                }
            }
        }, iter: 30, threads: 1, print: t => string.Join(" ", t.Item2.Select(i => $"#{i}[{string.Join("", t.Item1[i])}]")));

        AssertNoErrorLogged(errorsBefore);
    }

    /// <summary>
    /// Messages each with its own version, sent (and resent) in any order, as a replay or a bad network would: the stored
    /// ballot is always the highest version sent, never an older one brought back; older ones are refused.
    /// </summary>
    [Fact]
    public async Task Replayed_and_overtaken_casts_never_bring_an_older_ballot_back()
    {
        var errorsBefore = app.Errors.Count;
        var scenario = Casts(4, 10);

        await scenario.SampleAsync(async t =>
        {
            var (contents, order) = t;
            var messages = contents.Select(c => new CastRequest(app.DedupeBallot, ForumTestKit.Approve(c), ForumTestKit.NewId(), ForumHubClient.NextVersion())).ToArray();
            await using var phone = app.Hub();
            await phone.StartAsync(Ct);
            var joined = await phone.JoinAsync(new JoinRequest(app.DedupeCode, null, null, null), Ct);

            var newest = -1;
            foreach (var i in order)
            {
                try
                {
                    var ack = await phone.CastAsync(messages[i], Ct);
                    Assert.True(i >= newest, $"#{i} {ack.Outcome} after #{newest}");
                    newest = i;
                }
                catch (HubException e)
                {
                    Assert.True(i < newest, $"#{i} refused ({e.Message}) with #{newest} stored");
                }
            }
            var vote = Assert.Single(await app.WithDbAsync(db => db.Votes.Where(v => v.BallotId == app.DedupeBallot && v.ParticipantId == joined.ParticipantId).ToListAsync()));
            Assert.Equal(messages[newest].Version, vote.Version);
            Assert.Equal(contents[newest], vote.Content.Values!.Where(v => v.Value > 0).Select(v => v.Key).Order().ToArray());
        }, iter: 30, threads: 1, print: t => string.Join(" ", t.Item2.Select(i => $"#{i}")));

        AssertNoErrorLogged(errorsBefore);
    }

    private void AssertNoErrorLogged(int before)
    {
        var errors = app.Errors.Skip(before).ToList();
        Assert.True(errors.Count == 0, "errors logged:\n" + string.Join("\n---\n", errors.Take(5)));
    }

    // ------------------------------------------------------------------ the app

    /// <summary>Records every Error and Critical entry of the app's log.</summary>
    public sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // Refusals are not errors: the app logs them as one short line (HubRefusals), and SignalR's dispatcher no longer does.
                if (IsEnabled(logLevel))
                {
                    log.Entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}\n{exception}");
                }
            }
        }
    }

    /// <summary>
    /// The sample table with a live forum (ideas, open and draft ballots), a forum kept for the duplicate-cast property,
    /// a private other table with its own cycle, forum, ballot, idea and organisation, and three hub clients.
    /// </summary>
    public sealed class App : TablesAppFactory, IAsyncLifetime
    {
        private readonly ErrorLog _log = new();
        private readonly Dictionary<string, string> _values = [];
        private int _n;

        public IReadOnlyCollection<string> Errors => _log.Entries;
        public Dictionary<string, HubConnection> Hubs { get; } = [];
        public Dictionary<string, HubConnection> LiveHubs { get; } = [];
        public string[] OtherTableIds { get; private set; } = [];
        public string[] HubIds { get; private set; } = [];
        public string DedupeCode { get; private set; } = "";
        public int DedupeBallot { get; private set; }

        public App() => Settings["Tally:PermitsPerMinute"] = "1000000";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(_log));
        }

        public async ValueTask InitializeAsync()
        {
            await CreateOtherTableAsync("fuzz-privee", "outsider@fuzz.example");
            await CreateOtherTableAsync("fuzz-doublons", "doublons@fuzz.example");
            var admin = Admin;
            // One table per scope, as a request has: the other, private table first, then the sample table, then the
            // table of the duplicate-message scenario.
            OtherTableIds = await InTableAsync("fuzz-privee", async (sp, other) =>
            {
                var console = sp.GetRequiredService<ForumConsole>();
                var ballots = sp.GetRequiredService<BallotService>();
                var db = sp.GetRequiredService<Tables.Web.Data.TablesDbContext>();
                var otherCycle = await sp.GetRequiredService<CycleService>().CreateAsync(other, admin, new CycleEdit { Title = "Autre cycle", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2028, 1, 1) });
                var otherForum = await console.CreateAsync(other, admin, new ForumCreate { CycleId = otherCycle.Id, Title = "Forum privé", StartsAt = DateTime.UtcNow });
                await console.OpenAsync(other, admin, otherForum.Id);
                var otherBallot = await ballots.CreateAsync(other, admin, otherForum.Id, ForumTestKit.SixOfNine());
                await console.OpenBallotAsync(other, admin, otherBallot.Id);
                var otherIdea = await sp.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(other, otherForum.Id, new IdeaEdit { Text = "Idée privée" });
                var otherOrganisation = await sp.GetRequiredService<MemberService>().SaveOrganisationAsync(other, admin, null, new OrganisationEdit { Name = "Organisation privée" });
                var otherMember = await db.Memberships.Where(m => m.TableId == other.Table.Id).Select(m => m.Id).FirstAsync();
                return (string[])[.. new[] { otherCycle.Id, otherForum.Id, otherBallot.Id, otherIdea.Id, otherOrganisation.Id, otherMember, otherForum.Activities.First().Id }
                    .Select(i => i.ToString(CultureInfo.InvariantCulture))];
            });

            // The sample table: a live forum in its ideas activity, ballots open, draft and to close, ideas; another forum.
            var (forum, otherLive, cycle, ballot, draft, toClose, idea, secondIdea, closed) = await InTableAsync("tilleuls", async (sp, access) =>
            {
                var console = sp.GetRequiredService<ForumConsole>();
                var ballots = sp.GetRequiredService<BallotService>();
                var db = sp.GetRequiredService<Tables.Web.Data.TablesDbContext>();
                var cycle = await db.Cycles.Where(c => c.TableId == access.Table.Id).OrderByDescending(c => c.Start).FirstAsync();
                var forum = await console.CreateAsync(access, admin, new ForumCreate { CycleId = cycle.Id, Title = "Fuzz", StartsAt = DateTime.UtcNow });
                var otherLive = await console.CreateAsync(access, admin, new ForumCreate { CycleId = cycle.Id, Title = "Autre", StartsAt = DateTime.UtcNow });
                foreach (var f in new[] { forum, otherLive })
                {
                    await console.OpenAsync(access, admin, f.Id);
                }
                var ideas = forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id;
                await console.SetActivityAsync(access, admin, forum.Id, ideas);
                var setup = ForumTestKit.SixOfNine(ResultVisibility.Live);
                var ballot = await ballots.CreateAsync(access, admin, forum.Id, setup);
                var draft = await ballots.CreateAsync(access, admin, forum.Id, setup);
                var toClose = await ballots.CreateAsync(access, admin, forum.Id, setup);
                await console.OpenBallotAsync(access, admin, ballot.Id);
                await console.OpenBallotAsync(access, admin, toClose.Id);
                var idea = await sp.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée A" });
                var secondIdea = await sp.GetRequiredService<IdeaModeration>().AddPaperIdeaAsync(access, forum.Id, new IdeaEdit { Text = "Idée B" });
                var closed = await db.Ballots.Where(b => b.Status == BallotStatus.Closed).Select(b => b.Id).FirstAsync();
                return (forum, otherLive, cycle, ballot, draft, toClose, idea, secondIdea, closed);
            });

            // The duplicate-message scenario gets a table of its own: the random calls (the coordinator of the sample
            // table may close forums and ballots) can never close its forum or ballot, whatever order tests run in.
            (DedupeCode, DedupeBallot) = await InTableAsync("fuzz-doublons", async (sp, dedupeTable) =>
            {
                var console = sp.GetRequiredService<ForumConsole>();
                var ballots = sp.GetRequiredService<BallotService>();
                var dedupeCycle = await sp.GetRequiredService<CycleService>().CreateAsync(dedupeTable, admin, new CycleEdit { Title = "Cycle des doublons", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2028, 1, 1) });
                var dedupe = await console.CreateAsync(dedupeTable, admin, new ForumCreate { CycleId = dedupeCycle.Id, Title = "Doublons", StartsAt = DateTime.UtcNow });
                await console.OpenAsync(dedupeTable, admin, dedupe.Id);
                var dedupeBallot = await ballots.CreateAsync(dedupeTable, admin, dedupe.Id, ForumTestKit.SixOfNine());
                await console.OpenBallotAsync(dedupeTable, admin, dedupeBallot.Id);
                return (dedupe.JoinCode, dedupeBallot.Id);
            });

            _values["{cycle}"] = cycle.Id.ToString(CultureInfo.InvariantCulture);
            _values["{closed-ballot}"] = closed.ToString(CultureInfo.InvariantCulture);
            _values["{forum}"] = forum.Id.ToString(CultureInfo.InvariantCulture);
            _values["{other-forum}"] = otherLive.Id.ToString(CultureInfo.InvariantCulture);
            _values["{code}"] = forum.JoinCode;
            _values["{activity}"] = forum.Activities.Single(a => a.Kind == ActivityKind.Ideas).Id.ToString(CultureInfo.InvariantCulture);
            _values["{ballot}"] = ballot.Id.ToString(CultureInfo.InvariantCulture);
            _values["{draft-ballot}"] = draft.Id.ToString(CultureInfo.InvariantCulture);
            _values["{other-ballot}"] = toClose.Id.ToString(CultureInfo.InvariantCulture);
            _values["{idea}"] = idea.Id.ToString(CultureInfo.InvariantCulture);
            _values["{other-idea}"] = secondIdea.Id.ToString(CultureInfo.InvariantCulture);
            foreach (var (key, value) in await this.PlanValuesAsync())
            {
                _values[key] = value;
            }
            HubIds = [.. OtherTableIds, .. new[] { "{forum}", "{activity}", "{ballot}", "{draft-ballot}", "{other-ballot}", "{idea}", "{other-idea}" }.Select(k => _values[k])];

            var cookie = await this.SignInCookiesAsync(Coordinator);
            Hubs["anon"] = this.Hub();
            Hubs["participant"] = this.Hub();
            Hubs["staff"] = this.Hub(o => o.Headers["Cookie"] = cookie);
            LiveHubs["anon"] = this.Hub(path: "/hubs/live");
            LiveHubs["participant"] = this.Hub(path: "/hubs/live");
            LiveHubs["staff"] = this.Hub(o => o.Headers["Cookie"] = cookie, "/hubs/live");
            foreach (var (role, hub) in Hubs.Concat(LiveHubs))
            {
                hub.Closed += e =>
                {
                    _log.Entries.Enqueue($"hub connection of {role} closed: {e}");
                    return Task.CompletedTask;
                };
                await hub.StartAsync();
            }
            await Hubs["participant"].JoinAsync(new JoinRequest(forum.JoinCode, null, null, null));
            await Hubs["staff"].WatchAsync(forum.Id);
        }

        /// <summary>One round trip on the role's connection: it must still answer (a refusal is an answer too).</summary>
        public async Task PingAsync(string role)
        {
            try
            {
                await Hubs[role].GetSnapshotAsync();
            }
            catch (HubException e) when (role == "anon" || e.Message.Length > 0)
            {
                // Not joined: "join first" is the expected answer.
            }
        }

        /// <summary>Fills the placeholders of the ids made at start (not those made per request).</summary>
        public string FillKnown(string template)
        {
            var text = template.Replace("{n}", Interlocked.Increment(ref _n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            foreach (var (key, value) in _values)
            {
                text = text.Replace(key, value, StringComparison.Ordinal);
            }
            return text;
        }

        /// <summary>Fills the matrix placeholders; {new-organisation} and {new-member} are created for the request.</summary>
        public async Task<string> FillAsync(string template)
        {
            var text = template.Replace("{n}", Interlocked.Increment(ref _n).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            foreach (var (key, value) in _values)
            {
                text = text.Replace(key, value, StringComparison.Ordinal);
            }
            text = await this.FillPortraitAsync(text);
            text = await this.FillNewPriorityAsync(text);
            if (text.Contains("{new-organisation}", StringComparison.Ordinal))
            {
                text = text.Replace("{new-organisation}", (await WithDbAsync(async db =>
                {
                    var o = new Organisation { TableId = db.Tables.Single(t => t.Slug == "tilleuls").Id, Name = $"Jetable {Guid.NewGuid():N}" };
                    db.Organisations.Add(o);
                    await db.SaveChangesAsync();
                    return o.Id;
                })).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            if (text.Contains("{new-member}", StringComparison.Ordinal))
            {
                text = text.Replace("{new-member}", (await WithDbAsync(async db =>
                {
                    var user = new TablesUser { UserName = $"{Guid.NewGuid():N}@example.org", Email = $"{Guid.NewGuid():N}@example.org" };
                    db.Users.Add(user);
                    var m = new Membership { TableId = db.Tables.Single(t => t.Slug == "tilleuls").Id, User = user, Role = TableRole.Observer };
                    db.Memberships.Add(m);
                    await db.SaveChangesAsync();
                    return m.Id;
                })).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            return text;
        }

        /// <summary>Rows per table of the database (audit entries included), in one query.</summary>
        public Task<string> FingerprintAsync() => WithDbAsync(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', COUNT(*) FROM \"{t}\""));
            await using var reader = await command.ExecuteReaderAsync();
            var counts = new StringBuilder();
            while (await reader.ReadAsync())
            {
                counts.Append(reader.GetString(0)).Append('=').Append(reader.GetInt64(1)).Append(' ');
            }
            return counts.ToString();
        });

        async ValueTask IAsyncDisposable.DisposeAsync()
        {
            foreach (var hub in Hubs.Values)
            {
                await hub.DisposeAsync();
            }
            await base.DisposeAsync();
        }
    }
}
