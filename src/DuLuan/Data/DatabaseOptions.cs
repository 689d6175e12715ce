using DuLuan.Infrastructure.Text;

namespace DuLuan.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" section: Provider = sqlite | postgres.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the embedded SQLite database (the --data option).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL connection string; for SQLite it is derived from <see cref="DataDirectory"/> unless set.</summary>
    public string? ConnectionString { get; set; }

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDirectory), "duluan.db");

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={SqlitePath}"
            : ConnectionString,
        _ => ConnectionString is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(new Message("Data.NoConnectionString").Both()),
    };
}
