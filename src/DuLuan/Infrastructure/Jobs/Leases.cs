using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DuLuan.Infrastructure.Jobs;

/// <summary>
/// Claims rows for one instance with a conditional UPDATE (only where the row is still due and no live lease exists), so
/// several instances on one database never work on the same row at once; a dead instance's lease simply expires.
/// The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class Leases
{
    /// <summary>Claims up to <paramref name="max"/> due rows, oldest by <paramref name="order"/> first; returns their ids.</summary>
    public static async Task<List<long>> ClaimAsync<T, TOrder>(
        IQueryable<T> table,
        LeaseColumns<T> columns,
        Expression<Func<T, bool>> due,
        Expression<Func<T, TOrder>> order,
        int max,
        DateTime now,
        TimeSpan lease,
        string instance,
        CancellationToken ct,
        Action<UpdateSettersBuilder<T>>? alsoSet = null)
        where T : class
    {
        var claimable = table.Where(due).Where(Free(columns, now));
        var candidates = await claimable.AsNoTracking().OrderBy(order).Select(columns.Id).Take(max).ToListAsync(ct);
        var until = (DateTime?)(now + lease);
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var rows = await claimable.Where(IdIs(columns, id)).ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(columns.Owner, instance);
                    s.SetProperty(columns.Until, until);
                    alsoSet?.Invoke(s);
                },
                ct);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>Ends this instance's lease on a row; a lease another instance took over after expiry is left alone.</summary>
    public static Task<int> ReleaseAsync<T>(IQueryable<T> table, LeaseColumns<T> columns, long id, string instance, CancellationToken ct)
        where T : class =>
        table.Where(IdIs(columns, id)).Where(OwnedBy(columns, instance)).ExecuteUpdateAsync(
            s =>
            {
                s.SetProperty(columns.Owner, (string?)null);
                s.SetProperty(columns.Until, (DateTime?)null);
            },
            ct);

    private static Expression<Func<T, bool>> Free<T>(LeaseColumns<T> columns, DateTime now)
        where T : class
    {
        var until = columns.Until.Body;
        var body = Expression.OrElse(
            Expression.Equal(until, Expression.Constant(null, typeof(DateTime?))),
            Expression.LessThan(until, Captured((DateTime?)now)));
        return Expression.Lambda<Func<T, bool>>(body, columns.Until.Parameters);
    }

    private static Expression<Func<T, bool>> IdIs<T>(LeaseColumns<T> columns, long id)
        where T : class =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(columns.Id.Body, Captured(id)), columns.Id.Parameters);

    private static Expression<Func<T, bool>> OwnedBy<T>(LeaseColumns<T> columns, string instance)
        where T : class =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(columns.Owner.Body, Captured<string?>(instance)), columns.Owner.Parameters);

    // A captured variable, not a constant, so EF sends a parameter and reuses one cached query plan for every value.
    private static Expression Captured<TValue>(TValue value)
    {
        Expression<Func<TValue>> read = () => value;
        return read.Body;
    }
}
