using Microsoft.Extensions.Localization;

// The assembly is named "duluan" but its resources are "DuLuan.Resources.*": tell the localizer.
[assembly: RootNamespace("DuLuan")]

namespace DuLuan;

/// <summary>Marker for the UI strings in Resources/SharedResource(.en).resx; Vietnamese is the neutral language.</summary>
public sealed class SharedResource;
