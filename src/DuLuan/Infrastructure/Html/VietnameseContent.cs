using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace DuLuan.Infrastructure.Html;

/// <summary>
/// A translated sentence that names Vietnamese content (a place, an agency, an author): each named value is wrapped in
/// <c>&lt;span lang="vi"&gt;</c>, so an English page says which words are Vietnamese (WCAG 3.1.2, language of parts)
/// and screen readers pronounce them as Vietnamese.
/// </summary>
public static class VietnameseContent
{
    public static IHtmlContent In(LocalizedString format, params object?[] values)
    {
        var encoder = HtmlEncoder.Default;
        var spans = values.Select(v => (object)$"<span lang=\"vi\">{encoder.Encode(Convert.ToString(v, System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty)}</span>").ToArray();
        return new HtmlString(string.Format(System.Globalization.CultureInfo.CurrentCulture, encoder.Encode(format.Value), spans));
    }
}
