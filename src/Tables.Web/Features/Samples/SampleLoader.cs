using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Samples;

/// <summary>
/// Loads the fictional tables of <c>samples/tables/*.json</c> with their demo accounts. Idempotent: a table whose slug
/// exists is skipped whole. On by default in Development only (<c>Samples:Load</c>).
/// </summary>
public sealed partial class SampleLoader(TablesDbContext db, UserManager<TablesUser> users, ILogger<SampleLoader> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task LoadAsync(string directory, CancellationToken ct = default)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(directory, "tables"), "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var sample = await JsonSerializer.DeserializeAsync<SampleTable>(stream, Json, ct)
                ?? throw new InvalidDataException($"{file} is empty.");
            if (await db.Tables.AnyAsync(t => t.Slug == sample.Table.Slug, ct))
            {
                continue;
            }
            await LoadTableAsync(sample, ct);
            LogLoaded(logger, sample.Table.Slug, file);
        }
    }

    private async Task LoadTableAsync(SampleTable sample, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var table = sample.Table;
        db.Tables.Add(table);
        var organisations = sample.Organisations.ToDictionary(o => o.Name, o => new Organisation { Name = o.Name, Sector = o.Sector });
        await db.SaveChangesAsync(Actor.System, ct);
        foreach (var organisation in organisations.Values)
        {
            organisation.TableId = table.Id;
            db.Organisations.Add(organisation);
        }
        foreach (var admin in sample.Administrators)
        {
            var user = await EnsureUserAsync(admin.Email, admin.Name, sample.DemoPassword);
            if (!user.IsAdministrator)
            {
                user.IsAdministrator = true;
                await users.UpdateAsync(user);
            }
        }
        foreach (var member in sample.Members)
        {
            var user = await EnsureUserAsync(member.Email, member.Name, sample.DemoPassword);
            db.Memberships.Add(new Membership
            {
                TableId = table.Id,
                UserId = user.Id,
                Role = member.Role,
                Organisation = member.Organisation is null ? null : organisations[member.Organisation],
            });
        }
        foreach (var c in sample.Cycles)
        {
            var cycle = new Cycle { TableId = table.Id, Title = c.Title, Start = c.Start, End = c.End, Phase = c.History[^1].To };
            Phase? previous = null;
            foreach (var step in c.History)
            {
                cycle.PhaseHistory.Add(new PhaseChange { From = previous, To = step.To, At = step.At.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), ByName = sample.Members[0].Name });
                previous = step.To;
            }
            db.Cycles.Add(cycle);
        }
        await db.SaveChangesAsync(Actor.System, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<TablesUser> EnsureUserAsync(string email, string name, string password)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }
        var user = new TablesUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? user : throw new InvalidOperationException($"Sample account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample table {Slug} loaded from {File}.")]
    private static partial void LogLoaded(ILogger logger, string slug, string file);

    private sealed record SampleTable(Table Table, string DemoPassword, List<SampleOrganisation> Organisations, List<SampleMember> Members, List<SamplePerson> Administrators, List<SampleCycle> Cycles);
    private sealed record SampleOrganisation(string Name, Sector Sector);
    private sealed record SampleMember(string Email, string Name, TableRole Role, string? Organisation);
    private sealed record SamplePerson(string Email, string Name);
    private sealed record SampleCycle(string Title, DateOnly Start, DateOnly End, List<SampleStep> History);
    private sealed record SampleStep(Phase To, DateOnly At);
}

public static class SamplesFeature
{
    public static void AddSamples(this WebApplicationBuilder builder) => builder.Services.AddScoped<SampleLoader>();

    /// <summary>Loads the samples when <c>Samples:Load</c> is true (appsettings.Development.json sets it).</summary>
    public static async Task LoadSamplesAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Samples:Load"))
        {
            return;
        }
        var directory = app.Configuration["Samples:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "samples");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadAsync(directory);
    }
}
