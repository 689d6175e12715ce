using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

/// <summary>A context bound to a provider without a live database, to read what the model would create.</summary>
public static class ModelScript
{
    public static AppDbContext CreateContext(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options);
}
