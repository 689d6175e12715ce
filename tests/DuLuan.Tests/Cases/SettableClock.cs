namespace DuLuan.Tests.Cases;

/// <summary>A clock the test moves by hand; starts at the real time so cookies and keys stay valid.</summary>
public sealed class SettableClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset at) => now = at;

    /// <summary>Registers the clock in place of the system one.</summary>
    public Action<WebApplicationBuilder> Install() => b => b.Services.AddSingleton<TimeProvider>(this);
}
