using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace DuLuan.Infrastructure.Text;

/// <summary>Text a person typed in several languages (a survey's question label): an argument of a <see cref="Message"/>.</summary>
public interface ILanguageText
{
    string In(string language);
}

/// <summary>
/// What a service says (an error, a refusal) as a resource key and its arguments, in no language yet: pages render
/// it in the request's language (<see cref="In"/>), the API in both (<see cref="Both"/>). Arguments may themselves be
/// messages or <see cref="ILanguageText"/>, rendered in the same language.
/// </summary>
public sealed record Message(string Key, params object?[] Args)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly ResourceManager Strings = new("DuLuan.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Vietnamese, for code that has no request (static checks, background work, the CLI).</summary>
    public string Vietnamese => In(Vi);

    public string English => In(En);

    /// <summary>The message in <paramref name="culture"/>, straight from the resources (no request needed).</summary>
    public string In(CultureInfo culture)
    {
        var language = culture.TwoLetterISOLanguageName == "en" ? "en" : "vi";
        var args = Args.Select(a => a switch
        {
            Message m => m.In(culture),
            ILanguageText t => t.In(language),
            _ => a,
        }).ToArray();
        var format = Strings.GetString(Key, culture) ?? Key;
        return args.Length == 0 ? format : string.Format(culture, PluralStrings.Choose(format, args), args);
    }

    public string In(IStringLocalizer l)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vi";
        var args = Args.Select(a => a switch
        {
            Message m => m.In(l),
            ILanguageText t => t.In(language),
            _ => a,
        }).ToArray();
        return l[Key, args!];
    }

    /// <summary>"Vietnamese / English" straight from the resources, for problem+json written outside an endpoint.</summary>
    public string Both() => $"{Vietnamese} / {English}";

    /// <summary>"Vietnamese / English", as the API's problem+json gives every message.</summary>
    public string Both(IStringLocalizer l) => $"{InCulture(l, Vi)} / {InCulture(l, En)}";

    public string InCulture(IStringLocalizer l, CultureInfo culture)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return In(l);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    public override string ToString() => Key;
}
