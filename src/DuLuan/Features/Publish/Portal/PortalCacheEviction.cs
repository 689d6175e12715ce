using System.Data.Common;
using System.Runtime.CompilerServices;
using DuLuan.Features.Units;
using DuLuan.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DuLuan.Features.Publish.Portal;

/// <summary>
/// Evicts the portal's output cache whenever a save touches what the portal shows: a post that is or was on the portal
/// (published, edited, withdrawn), a post image, a unit, or what another capability says the portal shows
/// (<see cref="IPortalContent"/>: a published claim, its evidence or links). One interceptor sees every save, so no code path can forget it. Inside an explicit transaction the eviction is
/// repeated at commit, so a request cannot re-cache the old content between the save and the commit.
/// Saves and commits are asynchronous only: a synchronous SaveChanges or Commit touching what the portal shows is refused
/// before anything is written.
/// </summary>
public sealed class PortalCacheEviction(IServiceProvider services, IEnumerable<IPortalContent> contents) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(Shown))
        {
            throw new InvalidOperationException("What the portal shows is saved with SaveChangesAsync: its cache is evicted asynchronously.");
        }

        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context);
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out _))
        {
            throw new InvalidOperationException("A transaction that saved what the portal shows is committed with CommitAsync: its cache is evicted asynchronously.");
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.Remove(context))
        {
            await EvictAsync();
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Shown))
        {
            pending.AddOrUpdate(context, this);
        }
    }

    private async Task SavedAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out _))
        {
            return;
        }

        await EvictAsync();
        if (context.Database.CurrentTransaction is null)
        {
            pending.Remove(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private async Task EvictAsync()
    {
        if (services.GetService<IOutputCacheStore>() is { } store)
        {
            await store.EvictByTagAsync(PortalCachePolicy.Tag, CancellationToken.None);
        }
    }

    private bool Shown(EntityEntry entry)
        => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && (entry.Entity switch
        {
            Post => WasOrIsSet(entry, nameof(Post.PublishedAt)),
            PostImage or Unit => true,
            _ => false,
        } || contents.Any(c => c.Shows(entry)));

    /// <summary>Whether the entry's <paramref name="property"/> is set now or was set before this save (published, or withdrawn).</summary>
    public static bool WasOrIsSet(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return value.CurrentValue is not null || (entry.State != EntityState.Added && value.OriginalValue is not null);
    }
}
