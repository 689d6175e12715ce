namespace DuLuan.Features.Reports.Documents;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The LibreOffice program; empty means look for `libreoffice` then `soffice` on PATH.</summary>
    public string? LibreOffice { get; set; }

    /// <summary>The bubblewrap program that isolates LibreOffice; empty means look for `bwrap` on PATH. Without it no PDF is made.</summary>
    public string? Bubblewrap { get; set; }

    public int PdfTimeoutSeconds { get; set; } = 120;

    /// <summary>Conversions at once: each LibreOffice takes a core and ~200 MB.</summary>
    public int PdfConcurrency { get; set; } = 2;

    /// <summary>How often the scheduler looks for ended periods and pending generation jobs; 0 turns it off.</summary>
    public int JobSeconds { get; set; } = 300;

    public int LeaseSeconds { get; set; } = 600;

    /// <summary>Layout of the drafts generated at period end.</summary>
    public ReportLayout ScheduledLayout { get; set; } = ReportLayout.State;
}
