namespace DuLuan;

/// <summary>Marker for the UI strings in Resources/SharedResource(.en).resx; Vietnamese is the neutral language.</summary>
public sealed class SharedResource;
