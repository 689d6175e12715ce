using DuLuan.Data;

namespace DuLuan.Tests.Infrastructure;

/// <summary>Every integration test runs once per database provider.</summary>
public sealed class ProvidersAttribute : Xunit.v3.DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(System.Reflection.MethodInfo testMethod, Xunit.Sdk.DisposalTracker disposalTracker)
        => new([new TheoryDataRow(DatabaseProvider.Sqlite), new TheoryDataRow(DatabaseProvider.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
