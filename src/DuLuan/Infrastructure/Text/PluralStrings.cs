using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace DuLuan.Infrastructure.Text;

/// <summary>
/// English counts: a string may say <c>{0} {0|case|cases}</c>, and the argument picks the singular when it is 1 and the
/// plural otherwise ("1 case", "3 cases"). Vietnamese nouns do not change with the count, so its strings never need it.
/// Every localizer the app makes goes through <see cref="Factory"/>, so views, page models and framework messages alike.
/// </summary>
public static partial class PluralStrings
{
    /// <summary>Replaces <c>{n|one|other}</c> by the form that fits argument n.</summary>
    public static string Choose(string format, object?[] arguments)
    {
        if (!format.Contains('|', StringComparison.Ordinal))
        {
            return format;
        }

        return Forms().Replace(format, m =>
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var one = index < arguments.Length && arguments[index] is { } value && IsOne(value);
            return one ? m.Groups[2].Value : m.Groups[3].Value;
        });
    }

    /// <summary>Puts the plural-aware factory in front of the resource-file one that AddLocalization registered.</summary>
    public static IServiceCollection AddPluralStrings(this IServiceCollection services)
    {
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, Factory>());
        return services;
    }

    private static bool IsOne(object value) => value switch
    {
        int i => i == 1,
        long l => l == 1,
        short s => s == 1,
        decimal d => d == 1m,
        double d => d == 1d,
        // Counts usually arrive already written out in the office's format ("1", "1.234").
        string text => text.Trim() == "1",
        _ => false,
    };

    [GeneratedRegex(@"\{(\d+)\|([^{}|]*)\|([^{}|]*)\}")]
    private static partial Regex Forms();

    public sealed class Factory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new Localizer(inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new Localizer(inner.Create(baseName, location));
    }

    private sealed class Localizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => inner[name];

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = inner[name];
                if (format.ResourceNotFound || !format.Value.Contains('|', StringComparison.Ordinal))
                {
                    return inner[name, arguments];
                }

                var value = string.Format(CultureInfo.CurrentCulture, Choose(format.Value, arguments), arguments);
                return new LocalizedString(name, value, resourceNotFound: false, searchedLocation: format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
