using System.Globalization;
using System.Security.Claims;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Tables;

namespace Tables.Benchmarks;

/// <summary>
/// CSV import of 10,000 indicator rows (goal: preview + apply under 2 s on 2 cores), on a SQLite file in WAL mode as
/// the app runs it, with the audit written for every row. Baseline: CsvHelper reading the same file into records,
/// nothing checked or stored. Rows are deterministic (System.Random with a fixed seed). Figures in docs/PERFORMANCE.md.
/// </summary>
[MemoryDiagnoser]
public class PortraitImportBenchmarks
{
    private const int Rows = 10_000;
    private static readonly string[] Themes = ["Habitation", "Sécurité alimentaire", "Aménagement urbain", "Environnement", "Transport et mobilité", "Santé", "Réussite éducative", "Vie communautaire"];

    private ServiceProvider _services = null!;
    private string _directory = "";
    private byte[] _file = [];
    private byte[] _changed = [];
    private TableAccess _access = null!;
    private int _cycleId;
    private readonly ClaimsPrincipal _user = new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(UserClaims.DisplayName, "Mesure")], "bench"));
    private static readonly ImportDefaults Defaults = new(null, null);

    [GlobalSetup]
    public void Setup()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-CA");
        _directory = Path.Combine(Path.GetTempPath(), "tables-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddDbContext<TablesDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(_directory, "tables.db")};Pooling=true"));
        services.AddSingleton(TimeProvider.System).AddSingleton<PortraitMarkdown>();
        services.AddSingleton<IValidator<IndicatorEdit>, IndicatorEditValidator>().AddSingleton<IValidator<NarrativeEdit>, NarrativeEditValidator>()
            .AddSingleton<IValidator<ResourceEdit>, ResourceEditValidator>().AddSingleton<IValidator<TestimonyEdit>, TestimonyEditValidator>()
            .AddSingleton<IValidator<TestimonyModeration>, TestimonyModerationValidator>().AddSingleton<IValidator<PortraitSettings>, PortraitSettingsValidator>();
        services.AddScoped<PortraitService>().AddScoped<IndicatorImport>().AddScoped<TableScope>();
        _services = services.BuildServiceProvider();

        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables(); // setting up the measure's own table
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var table = new Table { Name = "Mesure", Slug = "mesure", Neighbourhood = "Mesure", Themes = [.. Themes] };
        db.Tables.Add(table);
        db.SaveChanges();
        var cycle = new Cycle { TableId = table.Id, Title = "Mesure", Start = new DateOnly(2026, 1, 1), End = new DateOnly(2029, 1, 1) };
        db.Cycles.Add(cycle);
        db.SaveChanges();
        _cycleId = cycle.Id;
        _access = new TableAccess(table, TableRole.Coordinator, false);
        _file = File(seed: 20261201, change: 0m);
        _changed = File(seed: 20261201, change: 1.5m);
    }

    /// <summary>10,000 rows: 8 themes × 250 labels × 5 census years, about half with a comparison with Montréal.</summary>
    private static byte[] File(int seed, decimal change)
    {
        var random = new Random(seed);
        var text = new StringBuilder("theme;libelle;valeur;unite;annee;source;territoire_comparaison;valeur_comparaison;note;savoir;apporte_par\n");
        string[] kinds = ["terrain", "politique", "académique", "expérientiel"];
        for (var i = 0; i < Rows; i++)
        {
            var theme = Themes[i % Themes.Length];
            var label = $"Indicateur {i / 5 % 1250:0000}";
            var year = 2001 + i % 5 * 5;
            var value = Math.Round((decimal)random.NextDouble() * 1000, 1) + change;
            var compared = random.Next(2) == 0;
            text.Append(theme).Append(';').Append(label).Append(';').Append(value.ToString(CultureInfo.GetCultureInfo("fr-CA"))).Append(";%;").Append(year)
                .Append(";Statistique Canada, Recensement (fictif);").Append(compared ? "Montréal;" + (value / 2).ToString("0.##", CultureInfo.GetCultureInfo("fr-CA")) : ";")
                .Append(';').Append(i % 7 == 0 ? "Note" : "").Append(';').Append(kinds[i % 4]).Append(";Organisme ").Append(i % 12).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A scope serving the measure's table, as a request to its endpoints would.</summary>
    private AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TableScope>().Enter(_access.Table.Id);
        return scope;
    }

    private void Clear()
    {
        using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<TablesDbContext>();
        db.PortraitIndicators.ExecuteDelete();
        db.AuditEntries.ExecuteDelete();
    }

    private async Task<ImportPreview> PreviewAndApplyAsync(byte[] file)
    {
        await using var scope = Scope();
        var import = scope.ServiceProvider.GetRequiredService<IndicatorImport>();
        var preview = await import.PreviewAsync(_access, _cycleId, file, Defaults);
        return await import.ApplyAsync(_access, _user, _cycleId, file, Defaults, preview.Basis);
    }

    [IterationSetup(Target = nameof(PreviewApplyNew))]
    public void Empty() => Clear();

    [IterationSetup(Target = nameof(PreviewApplyUpdate))]
    public void Existing()
    {
        Clear();
        PreviewAndApplyAsync(_file).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "CsvHelper: read 10,000 rows into records (nothing checked or stored)")]
    public int CsvHelperRead()
    {
        using var parser = new CsvParser(new StreamReader(new MemoryStream(_file)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var count = 0;
        while (parser.Read())
        {
            count += parser.Record!.Length;
        }
        return count;
    }

    [Benchmark(Description = "Preview 10,000 new rows")]
    public async Task<int> Preview()
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<IndicatorImport>().PreviewAsync(_access, _cycleId, _file, Defaults)).Added;
    }

    [Benchmark(Description = "Preview + apply 10,000 new rows (audited)")]
    public async Task<int> PreviewApplyNew() => (await PreviewAndApplyAsync(_file)).Added;

    [Benchmark(Description = "Preview + apply 10,000 rows updating existing ones (audited)")]
    public async Task<int> PreviewApplyUpdate() => (await PreviewAndApplyAsync(_changed)).Updated;

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
