using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;

namespace Tables.Web.Features.Accounts;

/// <summary>A signed-in session: the sign-in cookie carries only its id, the database holds who it is.</summary>
public sealed class AuthSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

/// <summary>
/// Sessions kept in the database (every instance of the app sees the same ones), so that signing out ends the session
/// on the server: the old cookie then names a session that no longer exists and signs in no one.
/// </summary>
public sealed class AuthSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    /// <summary>The session's id among the person's claims: a Blazor circuit checks it still exists.</summary>
    public const string SessionClaim = "tables:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await WithDbAsync(async db =>
        {
            // Expired sessions go as new ones come: no background job needed.
            await db.Set<AuthSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
            db.Set<AuthSession>().Add(new AuthSession
            {
                Id = id, UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Ticket = Serialize(ticket, id),
                CreatedAt = now, ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => WithDbAsync(db =>
    {
        var bytes = Serialize(ticket, key);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        return db.Set<AuthSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires));
    });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await WithDbAsync(db => db.Set<AuthSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key));
        return session is null || session.ExpiresAt < now ? null : TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => WithDbAsync(db => db.Set<AuthSession>().Where(s => s.Id == key).ExecuteDeleteAsync());

    /// <summary>Ends every session of a person (after a password reset: whoever had the old password is out).</summary>
    public Task RemoveAllAsync(string userId) => WithDbAsync(db => db.Set<AuthSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync());

    /// <summary>Whether the session this principal was signed in with still exists and has not expired.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(SessionClaim) is not { } id)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return await WithDbAsync(db => db.Set<AuthSession>().AnyAsync(s => s.Id == id && (s.ExpiresAt == null || s.ExpiresAt >= now), ct));
    }

    private static byte[] Serialize(AuthenticationTicket ticket, string id)
    {
        // A renewed principal (the security stamp check builds a new one) keeps the session's id.
        if (!ticket.Principal.HasClaim(c => c.Type == SessionClaim) && ticket.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionClaim, id));
        }
        return TicketSerializer.Default.Serialize(ticket);
    }

    private async Task WithDbAsync(Func<TablesDbContext, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TablesDbContext>());
    }

    private async Task<T> WithDbAsync<T>(Func<TablesDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TablesDbContext>());
    }
}

/// <summary>A staff screen left open after its session ended (signed out in another tab, password reset) loses its
/// rights within a minute instead of keeping them for the life of the circuit.</summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, AuthSessionStore sessions) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        state.User.Identity?.IsAuthenticated != true || await sessions.IsActiveAsync(state.User, ct);
}

internal sealed class AuthSessionConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AuthSession>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AuthSession> session)
    {
        session.ToTable("AuthSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresAt);
    }
}
