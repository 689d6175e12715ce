using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Bulletins;

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> builder)
    {
        builder.ToTable("bulletins");
        builder.Property(b => b.Title).HasMaxLength(Bulletin.TitleLimit);
        builder.Property(b => b.WrittenText).HasMaxLength(Bulletin.TextLimit);
        builder.Property(b => b.SpokenText).HasMaxLength(Bulletin.TextLimit * 2);
        builder.Property(b => b.Slot).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.RenderState).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.ContentHash).HasMaxLength(64);
        builder.Property(b => b.AuthorId).HasMaxLength(450);
        builder.Property(b => b.LastEditorId).HasMaxLength(450);
        builder.Property(b => b.SubmittedBy).HasMaxLength(450);
        builder.Property(b => b.RenderError).HasMaxLength(500);
        builder.Property(b => b.LeaseOwner).HasMaxLength(100);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.UnitId, b.AirDate });
        builder.HasIndex(b => new { b.UnitId, b.PublishedAt });
        builder.HasIndex(b => b.RenderState);
    }
}

internal sealed class BulletinItemConfiguration : IEntityTypeConfiguration<BulletinItem>
{
    public void Configure(EntityTypeBuilder<BulletinItem> builder)
    {
        builder.ToTable("bulletin_items");
        builder.Property(i => i.Kind).HasMaxLength(20);
        builder.Property(i => i.Title).HasMaxLength(1000);
        builder.Property(i => i.Link).HasMaxLength(500);
        builder.HasOne<Bulletin>().WithMany().HasForeignKey(i => i.BulletinId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.BulletinId, i.Position });
    }
}

internal sealed class BulletinApprovalConfiguration : IEntityTypeConfiguration<BulletinApproval>
{
    public void Configure(EntityTypeBuilder<BulletinApproval> builder)
    {
        builder.ToTable("bulletin_approvals");
        builder.Property(a => a.ApproverId).HasMaxLength(450);
        builder.Property(a => a.ApproverName).HasMaxLength(200);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasOne<Bulletin>().WithMany().HasForeignKey(a => a.BulletinId).OnDelete(DeleteBehavior.Cascade);
        // One approval per tier for one content: the loser of two concurrent approvals hits this index.
        builder.HasIndex(a => new { a.BulletinId, a.ContentHash, a.Tier }).IsUnique();
    }
}

internal sealed class BulletinAudioConfiguration : IEntityTypeConfiguration<BulletinAudio>
{
    public void Configure(EntityTypeBuilder<BulletinAudio> builder)
    {
        builder.ToTable("bulletin_audio");
        builder.HasKey(a => a.BulletinId);
        builder.Property(a => a.BulletinId).ValueGeneratedNever();
        builder.Property(a => a.Engine).HasMaxLength(40);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasOne<Bulletin>().WithOne().HasForeignKey<BulletinAudio>(a => a.BulletinId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BulletinScheduleConfiguration : IEntityTypeConfiguration<BulletinSchedule>
{
    public void Configure(EntityTypeBuilder<BulletinSchedule> builder)
    {
        builder.ToTable("bulletin_schedules");
        builder.HasKey(s => s.UnitId);
        builder.Property(s => s.UnitId).ValueGeneratedNever();
        builder.HasOne<Unit>().WithOne().HasForeignKey<BulletinSchedule>(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
