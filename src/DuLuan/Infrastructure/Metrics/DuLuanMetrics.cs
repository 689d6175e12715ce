using System.Diagnostics.Metrics;

namespace DuLuan.Infrastructure.Metrics;

/// <summary>Application counters; ASP.NET Core's own meters are exported beside them.</summary>
public sealed class DuLuanMetrics
{
    public const string MeterName = "DuLuan";

    public DuLuanMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        SignIns = meter.CreateCounter<long>("duluan.sign_ins", description: "Sign-in attempts by outcome");
        UnitsImported = meter.CreateCounter<long>("duluan.units_imported", description: "Units created or renamed by imports");
        PublicWritesRefused = meter.CreateCounter<long>("duluan.public_writes_refused", description: "Public writes answered 429 because too many were in flight");
    }

    public Counter<long> SignIns { get; }

    public Counter<long> UnitsImported { get; }

    public Counter<long> PublicWritesRefused { get; }
}
