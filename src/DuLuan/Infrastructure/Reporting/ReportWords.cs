using System.Globalization;
using DuLuan.Infrastructure.Text;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// Words of the periodic report (section titles, figure and column labels, the document's sentences): the report is an
/// official Vietnamese document, so they come from the resources in Vietnamese whatever the reader's language, except
/// on pages that only show the figures (<see cref="InReaderLanguageAttribute"/>), which speak the reader's language.
/// </summary>
public static class ReportWords
{
    private static readonly AsyncLocal<CultureInfo?> ReaderCulture = new();

    public static string Of(string key, params object?[] args)
    {
        var message = new Message(key, args);
        return ReaderCulture.Value is { } culture ? message.In(culture) : message.Vietnamese;
    }

    /// <summary>Whether the words are for an English reader: records kept in both languages (alerts) pick their English text.</summary>
    public static bool InEnglish => ReaderCulture.Value?.TwoLetterISOLanguageName == "en";

    /// <summary>Report words in the reader's language for the whole request (handler and page), for the dashboard and its drill-downs; documents stay Vietnamese.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class InReaderLanguageAttribute : Attribute, IAsyncResourceFilter
    {
        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            ReaderCulture.Value = CultureInfo.CurrentUICulture;
            try
            {
                await next();
            }
            finally
            {
                ReaderCulture.Value = null;
            }
        }
    }
}
