using System.Linq.Expressions;

namespace DuLuan.Infrastructure.Jobs;

/// <summary>The columns of a table that hold a lease: the row's id, the instance that holds it and when it ends.</summary>
public sealed record LeaseColumns<T>(
    Expression<Func<T, long>> Id,
    Expression<Func<T, string?>> Owner,
    Expression<Func<T, DateTime?>> Until)
    where T : class;
