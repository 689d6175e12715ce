using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Reports.Figures.Sums;

/// <summary>
/// One counter of the dashboard's monthly sums: how many records of <see cref="UnitId"/> fall in the local month
/// <see cref="Month"/> (its first day) for a measure ("cases.received") and one value of its dimension ("agency:12",
/// "severity:Urgent", a source, a tenth of a day). Kept in the same transaction as every save of the records
/// (<see cref="ReportSumsInterceptor"/>), so a whole past month is read from here instead of from the records.
/// </summary>
public sealed class ReportMonthSum
{
    public long UnitId { get; set; }

    public DateOnly Month { get; set; }

    public required string Measure { get; set; }

    public required string Dim { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// Whether the sums are complete, and for which time zone their months were cut: sums are used only when this row
/// says they were built for the configured zone (else the figures come from the records while they are rebuilt).
/// </summary>
public sealed class ReportSumsState
{
    public int Id { get; set; }

    public required string TimeZone { get; set; }

    public DateTime BuiltAt { get; set; }
}

internal sealed class ReportMonthSumConfiguration : IEntityTypeConfiguration<ReportMonthSum>
{
    public void Configure(EntityTypeBuilder<ReportMonthSum> builder)
    {
        builder.ToTable("report_month_sums");
        builder.HasKey(s => new { s.UnitId, s.Month, s.Measure, s.Dim });
        builder.Property(s => s.Measure).HasMaxLength(40);
        builder.Property(s => s.Dim).HasMaxLength(80);
    }
}

internal sealed class ReportSumsStateConfiguration : IEntityTypeConfiguration<ReportSumsState>
{
    public void Configure(EntityTypeBuilder<ReportSumsState> builder)
    {
        builder.ToTable("report_sums_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TimeZone).HasMaxLength(100);
    }
}
