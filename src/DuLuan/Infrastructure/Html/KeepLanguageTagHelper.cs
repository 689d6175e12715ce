using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DuLuan.Infrastructure.Html;

/// <summary>
/// Keeps a resident's chosen language from page to page without a cookie: on a page shown in a language other than
/// Vietnamese to a visitor who is not signed in (or who chose it with <c>?lang=</c>), every link to a page of this
/// site (and every form's action) carries <c>lang=</c>. Staff choose their language with a cookie and their links stay as
/// written.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form")]
public sealed class KeepLanguageTagHelper : TagHelper
{
    /// <summary>After the framework's form helper, which writes the action of a form with a page handler.</summary>
    public override int Order => 1000;

    public const string Key = "lang";
    public const string Default = "vi";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var http = ViewContext.HttpContext;
        if (language == Default || (http.User.Identity?.IsAuthenticated == true && !http.Request.Query.ContainsKey(Key)))
        {
            return;
        }

        // A form without an action posts to the page's own address, query (and so lang=) included.
        var name = context.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute) || Encoded(attribute.Value) is not { } href)
        {
            return;
        }

        if (WithLanguage(href, language) is { } changed)
        {
            output.Attributes.SetAttribute(name, new HtmlString(changed));
        }
    }

    /// <summary>The attribute as it will be written (HTML-encoded), whether Razor gave a string or written content.</summary>
    private static string? Encoded(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return HtmlEncoder.Default.Encode(text);
            case IHtmlContent content:
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    content.WriteTo(writer, HtmlEncoder.Default);
                    return writer.ToString();
                }

            default:
                return HtmlEncoder.Default.Encode(value.ToString() ?? string.Empty);
        }
    }

    /// <summary>The HTML-encoded site-relative <paramref name="href"/> with <c>lang=</c> added, or null when it needs none.</summary>
    public static string? WithLanguage(string href, string language)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? href : href[..hash];
        var fragment = hash < 0 ? string.Empty : href[hash..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0 && ("&amp;" + path[(query + 1)..]).Contains("&amp;" + Key + "=", StringComparison.Ordinal))
        {
            return null;
        }

        return path + (query < 0 ? "?" : "&amp;") + Key + "=" + Uri.EscapeDataString(language) + fragment;
    }
}
