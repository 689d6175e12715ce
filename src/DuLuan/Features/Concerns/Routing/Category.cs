using System.Globalization;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Concerns.Routing;

/// <summary>
/// A field (lĩnh vực) a concern and its case are filed under, kept per province: the key is the Open311 service_code
/// and what concerns and cases store; the names are the province's own. A retired category is no longer offered but
/// keeps naming what was filed under it.
/// </summary>
public sealed class Category : ILanguageText
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 100;

    public long Id { get; set; }

    /// <summary>The province (or the tree's root when a unit has no province above it) the list belongs to.</summary>
    public long ProvinceId { get; set; }

    public required string Key { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public int Position { get; set; }

    public bool Retired { get; set; }

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameVi;

    /// <summary>The name in the language of the request.</summary>
    public string Shown => Name(CultureInfo.CurrentUICulture);

    public string In(string language) => language == "en" ? NameEn : NameVi;
}

/// <summary>
/// Where concerns of a category about a place (a unit and its subtree) go: the responsible agency. When several rules
/// cover a place, the one on the deepest unit wins.
/// </summary>
public sealed class RoutingRule
{
    public long Id { get; set; }

    public long CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>The place the rule covers, with its subtree.</summary>
    public long UnitId { get; set; }

    public long AgencyId { get; set; }

    public DateTime CreatedAt { get; set; }
}
