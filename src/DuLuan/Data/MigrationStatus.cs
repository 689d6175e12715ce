using DuLuan.Infrastructure;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Data;

/// <summary>What <see cref="Migrator"/> would apply (<paramref name="Pending"/>) and what the database has that this binary does not know (<paramref name="Unknown"/>).</summary>
public sealed record MigrationStatus(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>The database was migrated by a newer release: this binary must not serve or migrate it.</summary>
    public bool DatabaseIsNewer => Unknown.Count > 0;
}

/// <summary>
/// A downgrade: the database carries migrations this binary does not have. Serving it could write rows the newer schema
/// does not expect, and migrations are never reversed, so every verb that touches the schema refuses.
/// </summary>
public sealed class DatabaseNewerException(IReadOnlyList<string> unknown)
    : Exception(Refusal(unknown).Both())
{
    public IReadOnlyList<string> Unknown { get; } = unknown;

    public static Message Refusal(IReadOnlyList<string> unknown)
        => new("Release.DatabaseNewer", string.Join(", ", unknown), AppVersion.Current);
}
