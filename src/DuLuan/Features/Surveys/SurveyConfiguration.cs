using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("surveys");
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.UnitId);
    }
}

internal sealed class SurveyVersionConfiguration : IEntityTypeConfiguration<SurveyVersion>
{
    public void Configure(EntityTypeBuilder<SurveyVersion> builder)
    {
        builder.ToTable("survey_versions");
        builder.HasOne<Survey>().WithMany().HasForeignKey(v => v.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.SurveyId, v.Number }).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("survey_responses");
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SurveyId, r.UnitId });
        builder.HasIndex(r => new { r.SurveyId, r.Id }); // the rebuild job's walk in key order
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("survey_answers");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ResponseId).HasMaxLength(32);
        builder.Property(a => a.QuestionKey).HasMaxLength(40);
        builder.Property(a => a.Choice).HasMaxLength(40);
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SurveyId, a.QuestionKey, a.Choice });
        builder.HasIndex(a => a.ResponseId);
    }
}

internal sealed class SurveyBatchConfiguration : IEntityTypeConfiguration<SurveyBatch>
{
    public void Configure(EntityTypeBuilder<SurveyBatch> builder)
    {
        builder.ToTable("survey_batches");
        builder.HasKey(b => new { b.SurveyId, b.Key });
        builder.Property(b => b.Key).HasMaxLength(64);
        builder.HasOne<Survey>().WithMany().HasForeignKey(b => b.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyTokenConfiguration : IEntityTypeConfiguration<SurveyToken>
{
    public void Configure(EntityTypeBuilder<SurveyToken> builder)
    {
        builder.ToTable("survey_tokens");
        builder.HasKey(t => new { t.SurveyId, t.Hash });
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyUnitConfiguration : IEntityTypeConfiguration<SurveyUnit>
{
    public void Configure(EntityTypeBuilder<SurveyUnit> builder)
    {
        builder.ToTable("survey_units");
        builder.HasKey(u => new { u.SurveyId, u.UnitId });
        builder.HasOne<Survey>().WithMany().HasForeignKey(u => u.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyShuffleMarkConfiguration : IEntityTypeConfiguration<SurveyShuffleMark>
{
    public void Configure(EntityTypeBuilder<SurveyShuffleMark> builder)
    {
        builder.ToTable("survey_shuffles");
        builder.HasKey(m => m.SurveyId);
        builder.Property(m => m.SurveyId).ValueGeneratedNever();
        builder.HasOne<Survey>().WithMany().HasForeignKey(m => m.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
