using DuLuan.Infrastructure.Text;

namespace DuLuan.Infrastructure.Reporting;

/// <summary>
/// Words of the periodic report (section titles, figure and column labels, the document's sentences): the report is an
/// official Vietnamese document, so they come from the resources in Vietnamese whatever the reader's language.
/// </summary>
public static class ReportWords
{
    public static string Of(string key, params object?[] args) => new Message(key, args).Vietnamese;
}
