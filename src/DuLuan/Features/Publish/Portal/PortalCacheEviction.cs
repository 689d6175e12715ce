using System.Data.Common;
using System.Runtime.CompilerServices;
using DuLuan.Features.Units;
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
/// </summary>
public sealed class PortalCacheEviction(IServiceProvider services, IEnumerable<IPortalContent> contents) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
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

    private void Saved(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out _))
        {
            return;
        }

        Evict();
        if (context.Database.CurrentTransaction is null)
        {
            pending.Remove(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            Evict();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private void Evict()
    {
        if (services.GetService<IOutputCacheStore>() is { } store)
        {
            // The in-memory store evicts synchronously; nothing to wait for across the network. Evict() runs from EF's
            // synchronous SavedChanges as well as the async one.
#pragma warning disable RS0030
            store.EvictByTagAsync(PortalCachePolicy.Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
#pragma warning restore RS0030
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
