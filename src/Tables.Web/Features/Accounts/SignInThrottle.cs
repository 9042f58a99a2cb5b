using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;

namespace Tables.Web.Features.Accounts;

/// <summary>Failed sign-ins counted for one key: a client address, or a client address and the address typed.</summary>
public sealed class SignInFailures
{
    public string Key { get; set; } = "";
    public int Count { get; set; }
    public DateTime FirstAt { get; set; }
    public DateTime LastAt { get; set; }
    public DateTime? BlockedUntil { get; set; }
}

/// <summary>
/// Slows password guessing without letting anyone lock an account at will. Two counts, both in the database (shared by
/// every instance of the app):
/// <list type="bullet">
/// <item>per client address (IPv6: its /64), whatever the account: past <c>SignIn:FailuresPerAddress</c> failures
/// (20) in <c>SignIn:AddressWindowMinutes</c> (15), that address waits for the end of the window;</item>
/// <item>per client address <b>and</b> account: after 3 failures each new one doubles the wait, from 5 seconds up to
/// 15 minutes; a success clears it. Someone elsewhere is never slowed by these failures: the account stays open to
/// its owner, unlike Identity's lockout, which anyone could trigger with five wrong passwords.</item>
/// </list>
/// Unknown and known accounts are counted alike (the typed address is hashed, never stored), so the answers say nothing
/// of who has an account.
/// </summary>
public sealed class SignInThrottle(TablesDbContext db, TimeProvider clock, IConfiguration configuration)
{
    private const int FreeFailures = 3;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    private int FailuresPerAddress => configuration.GetValue("SignIn:FailuresPerAddress", 20);
    private TimeSpan AddressWindow => TimeSpan.FromMinutes(configuration.GetValue("SignIn:AddressWindowMinutes", 15));

    /// <summary>The keys of one attempt.</summary>
    public sealed record Attempt(string Address, string Account);

    public static Attempt For(IPAddress? client, string email)
    {
        var address = "address:" + AddressKey(client);
        var typed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
        return new Attempt(address, $"account:{AddressKey(client)}:{typed}");
    }

    /// <summary>How long this attempt must wait, or null if it may go on.</summary>
    public async Task<TimeSpan?> WaitAsync(Attempt attempt, CancellationToken ct = default)
    {
        var now = Now;
        var blocked = await db.Set<SignInFailures>().AsNoTracking()
            .Where(f => (f.Key == attempt.Address || f.Key == attempt.Account) && f.BlockedUntil != null)
            .Select(f => f.BlockedUntil!.Value).ToListAsync(ct);
        var until = blocked.Where(b => b > now).DefaultIfEmpty().Max();
        return until > now ? until - now : null;
    }

    public async Task FailedAsync(Attempt attempt, CancellationToken ct = default)
    {
        var now = Now;
        await db.Set<SignInFailures>().Where(f => f.LastAt < now - Forgotten).ExecuteDeleteAsync(ct);
        var address = await CountAsync(attempt.Address, now, AddressWindow, ct);
        if (address.Count >= FailuresPerAddress)
        {
            address.BlockedUntil = address.FirstAt + AddressWindow;
        }
        var account = await CountAsync(attempt.Account, now, Forgotten, ct);
        if (account.Count >= FreeFailures)
        {
            var delay = FirstDelay * Math.Pow(2, Math.Min(account.Count - FreeFailures, 16));
            account.BlockedUntil = now + (delay < LongestDelay ? delay : LongestDelay);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The right password from this address: its count for this account starts again (not the address's).</summary>
    public Task SucceededAsync(Attempt attempt, CancellationToken ct = default) =>
        db.Set<SignInFailures>().Where(f => f.Key == attempt.Account).ExecuteDeleteAsync(ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<SignInFailures> CountAsync(string key, DateTime now, TimeSpan window, CancellationToken ct)
    {
        var failures = await db.Set<SignInFailures>().FirstOrDefaultAsync(f => f.Key == key, ct);
        if (failures is null)
        {
            failures = new SignInFailures { Key = key, FirstAt = now };
            db.Set<SignInFailures>().Add(failures);
        }
        else if (failures.FirstAt + window < now)
        {
            failures.Count = 0;
            failures.FirstAt = now;
            failures.BlockedUntil = null;
        }
        failures.Count++;
        failures.LastAt = now;
        return failures;
    }

    private static string AddressKey(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }
        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }
        // One IPv6 client usually holds a whole /64.
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SignInFailures> failures)
    {
        failures.HasKey(f => f.Key);
        failures.Property(f => f.Key).HasMaxLength(160);
        failures.HasIndex(f => f.LastAt);
    }
}
