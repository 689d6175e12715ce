using System.Globalization;
using DuLuan.Features.Members;
using DuLuan.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DuLuan.Features.Opinions;

/// <summary>
/// The opinion reports a member may read, browsable: filters by period, topic, tendency and commune, a collaborator's own
/// history ("mine"), pages that keep the filters. Rows name places and topics, never residents.
/// </summary>
public sealed class ReportsModel(OpinionReportList list, UnitScope access, OfficeTime office, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tendency { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? CommuneId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>"trang" in the query: "page" is the route value Razor Pages keeps for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public OpinionFilter Filter { get; private set; } = new(null, null, null, null, null, false, 1);

    public List<OpinionListRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + OpinionFilter.PageSize - 1) / OpinionFilter.PageSize);

    public List<(string Folded, string Name)> Topics { get; private set; } = [];

    public List<(long Id, string Name)> Communes { get; private set; } = [];

    /// <summary>Whether the member files reports and also reads others': only then does "my own" narrow anything.</summary>
    public bool OffersMine { get; private set; }

    public bool Files { get; private set; }

    public List<string> Errors { get; } = [];

    public string Time(DateTime utc) => office.Text(utc);

    public static string Day(DateOnly day) => VietnameseFormat.ShortDate(day);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Files = await access.HasAnyAsync(OpinionRoles.Filers, ct);
        OffersMine = Files && await access.HasAnyAsync(OpinionRoles.Readers, ct);
        var from = ParseDay(From, "Opinions.List.From");
        var to = ParseDay(To, "Opinions.List.To");
        if (from is { } f && to is { } t && t < f)
        {
            Errors.Add(l["Opinions.List.Order"]);
            to = null;
        }

        var topic = Topic?.Trim();
        if (topic is { Length: > OpinionReportList.MaxTopicLength })
        {
            Errors.Add(l["Opinions.List.TopicTooLong", OpinionReportList.MaxTopicLength]);
            topic = null;
        }

        Tendency? tendency = null;
        if (!string.IsNullOrEmpty(Tendency))
        {
            tendency = StreamValidator.ParseName<Tendency>(Tendency);
            if (tendency is null)
            {
                Errors.Add(l["Opinions.List.BadTendency"]);
            }
        }

        Filter = new OpinionFilter(from, to, string.IsNullOrEmpty(topic) ? null : topic, tendency, CommuneId is > 0 ? CommuneId : null, Mine || (Files && !OffersMine), Math.Clamp(PageNumber, 1, 100_000));
        (Rows, Total) = await list.PageAsync(Filter, ct);
        (Topics, Communes) = await list.ChoicesAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private DateOnly? ParseDay(string? text, string fieldKey)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length <= 10 && DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2200)
        {
            return day;
        }

        Errors.Add(l["Opinions.List.BadDate", l[fieldKey]]);
        return null;
    }
}
