using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Monitoring.Ingest;

/// <summary>
/// Collects parse warnings. The same kind of repair on 20,000 entries is one line with a count,
/// not 20,000 lines, so an operator can read the list.
/// </summary>
public sealed class FeedWarnings
{
    private const int MaxDistinct = 50;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Adds a warning as "Vietnamese / English": operators read the list in the CLI and the logs.</summary>
    public void Add(Message warning)
    {
        var line = warning.Both();
        if (_counts.TryGetValue(line, out var n))
        {
            _counts[line] = n + 1;
            return;
        }
        if (_order.Count >= MaxDistinct)
        {
            return;
        }
        _counts[line] = 1;
        _order.Add(line);
    }

    public bool IsEmpty => _order.Count == 0;

    public IReadOnlyList<string> ToList() =>
        _order.Select(l => _counts[l] > 1
            ? l + " (x" + _counts[l].ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
            : l).ToList();
}
