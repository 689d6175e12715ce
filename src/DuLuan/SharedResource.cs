using Microsoft.Extensions.Localization;

// The assembly is named "duluan" but its resources are embedded under "DuLuan.": without this the
// localizer looks for "duluan.Resources.DuLuan.SharedResource" and every page shows raw keys.
[assembly: RootNamespace("DuLuan")]

namespace DuLuan;

/// <summary>Marker for the UI strings in Resources/SharedResource(.en).resx; Vietnamese is the neutral language.</summary>
public sealed class SharedResource;
