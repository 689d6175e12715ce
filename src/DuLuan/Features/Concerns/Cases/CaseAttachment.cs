using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Concerns.Cases;

/// <summary>A file on a case, for the office and the agency only (never on the public page). Images are stored re-encoded, without metadata.</summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Size { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("case_attachments");
        builder.Property(a => a.FileName).HasMaxLength(120);
        builder.Property(a => a.ContentType).HasMaxLength(50);
        builder.Property(a => a.UploadedBy).HasMaxLength(450);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CaseId);
    }
}
