namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The optional photo of the problem sent with a concern: only JPEG or PNG, decoded and encoded again so no EXIF
/// (GPS, camera, owner) is kept (the attachment rules, docs/attachments.md). Seen by staff of the concern only.
/// </summary>
public sealed class ConcernPhoto
{
    public long Id { get; set; }

    public long ConcernId { get; set; }

    public Concern? Concern { get; set; }

    public required string ContentType { get; set; }

    public int Size { get; set; }

    public required byte[] Content { get; set; }
}
