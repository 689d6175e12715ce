namespace DuLuan.Infrastructure.Jobs;

/// <summary>This process's name in the lease columns: unique per start, so a restarted instance never mistakes an old lease for its own.</summary>
public static class JobInstance
{
    public static string Id { get; } = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];
}
