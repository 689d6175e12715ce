using System.Reflection;

namespace DuLuan.Infrastructure;

/// <summary>
/// The release version, set in one place: the MSBuild property Version (Directory.Build.props for development builds,
/// `scripts/release.sh VERSION` for releases). `duluan --version`, `/health` and the staff footer all show this.
/// </summary>
public static class AppVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The SDK appends "+<commit>" to the informational version; the release number alone is what operators compare.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
