using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tables.Web.Data;

/// <summary>
/// Publishes what a transaction changed once it has committed (not before: a screen must not read a change that may
/// still roll back, nor miss one because it read too early).
/// </summary>
internal sealed class LiveTransactions : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TablesDbContext)?.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TablesDbContext)?.Committed();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TablesDbContext)?.RolledBack();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TablesDbContext)?.RolledBack();
        return Task.CompletedTask;
    }
}
