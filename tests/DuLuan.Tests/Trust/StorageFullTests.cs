using DuLuan.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Trust;

/// <summary>A full disk answers 507 with a Vietnamese message (scripts/trust.sh fills a real tmpfs; this pins the mapping).</summary>
public sealed class StorageFullTests
{
    [Fact]
    public void A_full_disk_is_recognised_through_the_wrapping_exceptions_and_nothing_else_is()
    {
        Assert.True(ProblemDetailsExceptionHandler.IsStorageFull(new DbUpdateException("save failed", new SqliteException("database or disk is full", 13))));
        Assert.True(ProblemDetailsExceptionHandler.IsStorageFull(new InvalidOperationException("x", new IOException("No space left on device : '/srv/duluan/data/duluan.db-wal'"))));
        Assert.False(ProblemDetailsExceptionHandler.IsStorageFull(new DbUpdateException("save failed", new SqliteException("constraint failed", 19))));
        Assert.False(ProblemDetailsExceptionHandler.IsStorageFull(new IOException("Broken pipe")));
        Assert.False(ProblemDetailsExceptionHandler.IsStorageFull(null));
    }
}
