namespace DuLuan.Features.Concerns.Cases;

/// <summary>A public holiday or compensatory day off (ngày nghỉ lễ, nghỉ bù) the admin maintains; deadlines skip it.</summary>
public sealed class Holiday
{
    public long Id { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}
