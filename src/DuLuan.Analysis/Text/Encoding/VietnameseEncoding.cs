namespace DuLuan.Analysis.Text;

/// <summary>Encodings Vietnamese text arrives in.</summary>
public enum VietnameseEncoding
{
    Unicode = 0,
    Tcvn3 = 1,
    Vni = 2,
    Viqr = 3,
    Windows1258 = 4,
    /// <summary>Not Vietnamese in any known encoding; decoded as Windows-1252 so nothing is lost.</summary>
    Unknown = 5,
}
