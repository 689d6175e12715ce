using Microsoft.Extensions.Time.Testing;

namespace DuLuan.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (FakeTimeProvider); it starts at the real time so cookies and keys stay valid.</summary>
public static class TestClock
{
    public static FakeTimeProvider StartingNow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        clock.SetLocalTimeZone(TimeZoneInfo.Local);
        return clock;
    }

    /// <summary>Registers the clock in place of the system one.</summary>
    public static Action<WebApplicationBuilder> Install(this FakeTimeProvider clock) => b => b.Services.AddSingleton<TimeProvider>(clock);
}
