using DuLuan.Features.Units;

namespace DuLuan.Features.Members;

public sealed class Membership
{
    public long Id { get; set; }

    public required string MemberId { get; set; }

    public Member? Member { get; set; }

    public long UnitId { get; set; }

    public Unit? Unit { get; set; }

    public Role Role { get; set; }

    public DateTime GrantedAt { get; set; }
}
