using System.Net;
using Microsoft.AspNetCore.Identity;

namespace Tables.Web.Features.Accounts;

/// <summary>What a sign-in attempt gave: signed in, refused (one message whatever the reason), or wait.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan? Wait = null);

/// <summary>
/// The sign-in form's one way in: throttled (<see cref="SignInThrottle"/>), and as slow for an address without an account
/// as for a wrong password (a password hash is checked either way), with the same answer.
/// </summary>
public sealed class PasswordSignIn(SignInManager<TablesUser> signIn, UserManager<TablesUser> users, IPasswordHasher<TablesUser> hasher, SignInThrottle throttle)
{
    // Attempts from one address run one at a time in this instance, so parallel guesses cannot all pass the check
    // before the first failure is counted. Striped: a fixed number of locks, whatever the number of addresses.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private static readonly TablesUser Nobody = new();
    private static string? _decoyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, IPAddress? client, CancellationToken ct = default)
    {
        var attempt = SignInThrottle.For(client, email);
        var stripe = Stripes[(attempt.Address.GetHashCode(StringComparison.Ordinal) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(ct);
        try
        {
            if (await throttle.WaitAsync(attempt, ct) is { } wait)
            {
                return new SignInOutcome(false, wait);
            }
            var user = await users.FindByEmailAsync(email.Trim());
            bool succeeded;
            if (user is null)
            {
                _decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
                hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
                succeeded = false;
            }
            else
            {
                // No Identity lockout: the throttle slows the guesser without shutting the owner out.
                succeeded = (await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false)).Succeeded;
            }
            await (succeeded ? throttle.SucceededAsync(attempt, ct) : throttle.FailedAsync(attempt, ct));
            return new SignInOutcome(succeeded);
        }
        finally
        {
            stripe.Release();
        }
    }
}
