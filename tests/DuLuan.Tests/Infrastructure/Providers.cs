using DuLuan.Data;

namespace DuLuan.Tests.Infrastructure;

/// <summary>
/// Every integration test runs once per database provider. A long suite can be run on one provider only with
/// DULUAN_TEST_PROVIDERS=postgres (or sqlite); the normal test command leaves it unset and runs both.
/// </summary>
public sealed class ProvidersAttribute : Xunit.v3.DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(System.Reflection.MethodInfo testMethod, Xunit.Sdk.DisposalTracker disposalTracker)
        => new(Selected().Select(p => (ITheoryDataRow)new TheoryDataRow(p)).ToList());

    public override bool SupportsDiscoveryEnumeration() => true;

    public static IEnumerable<DatabaseProvider> Selected()
    {
        var only = Environment.GetEnvironmentVariable("DULUAN_TEST_PROVIDERS");
        DatabaseProvider[] all = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        return string.IsNullOrWhiteSpace(only)
            ? all
            : all.Where(p => only.Contains(p.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
