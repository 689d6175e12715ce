using DuLuan.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuLuan.Features.Dialogue;

internal sealed class DialogueSessionConfiguration : IEntityTypeConfiguration<DialogueSession>
{
    public void Configure(EntityTypeBuilder<DialogueSession> builder)
    {
        builder.ToTable("dialogue_sessions");
        builder.Property(s => s.Title).HasMaxLength(DialogueSession.MaxTitle);
        builder.Property(s => s.Venue).HasMaxLength(DialogueSession.MaxVenue);
        builder.Property(s => s.Officials).HasMaxLength(DialogueSession.MaxOfficials);
        builder.Property(s => s.Topics).HasMaxLength(DialogueSession.MaxTopics);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.HasIndex(s => new { s.UnitId, s.StartsAt });
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DialogueQuestionConfiguration : IEntityTypeConfiguration<DialogueQuestion>
{
    public void Configure(EntityTypeBuilder<DialogueQuestion> builder)
    {
        builder.ToTable("dialogue_questions");
        builder.Property(q => q.Text).HasMaxLength(DialogueQuestion.MaxText);
        builder.Property(q => q.Answer).HasMaxLength(DialogueQuestion.MaxAnswer);
        builder.Property(q => q.Speaker).HasMaxLength(DialogueQuestion.MaxSpeaker);
        builder.Property(q => q.SourceLabel).HasMaxLength(DialogueQuestion.MaxLabel);
        builder.Property(q => q.SourceKey).HasMaxLength(100);
        builder.Property(q => q.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.FollowUpHash).HasMaxLength(64);
        builder.Property(q => q.DraftedBy).HasMaxLength(450);
        builder.HasIndex(q => q.FollowUpHash).IsUnique();
        builder.HasIndex(q => new { q.SessionId, q.Stage });
        builder.HasIndex(q => q.AgencyId);
        builder.HasOne<DialogueSession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(q => q.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DialogueApprovalConfiguration : IEntityTypeConfiguration<DialogueApproval>
{
    public void Configure(EntityTypeBuilder<DialogueApproval> builder)
    {
        builder.ToTable("dialogue_approvals");
        builder.Property(a => a.ApproverId).HasMaxLength(450);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasIndex(a => new { a.QuestionId, a.Tier, a.ContentHash }).IsUnique();
        builder.HasOne<DialogueQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DialogueCommitmentConfiguration : IEntityTypeConfiguration<DialogueCommitment>
{
    public void Configure(EntityTypeBuilder<DialogueCommitment> builder)
    {
        builder.ToTable("dialogue_commitments");
        builder.Property(c => c.Text).HasMaxLength(DialogueCommitment.MaxText);
        builder.Property(c => c.CaseRef).HasMaxLength(40);
        builder.HasIndex(c => c.SessionId);
        builder.HasIndex(c => c.CaseId).IsUnique();
        builder.HasOne<DialogueSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DialogueQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
