using DuLuan.Features.Dialogue;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Data;

public abstract partial class AppDbContext
{
    public DbSet<DialogueSession> DialogueSessions => Set<DialogueSession>();

    public DbSet<DialogueQuestion> DialogueQuestions => Set<DialogueQuestion>();

    public DbSet<DialogueApproval> DialogueApprovals => Set<DialogueApproval>();

    public DbSet<DialogueCommitment> DialogueCommitments => Set<DialogueCommitment>();
}
