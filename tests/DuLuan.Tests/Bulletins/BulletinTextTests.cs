using DuLuan.Features.Bulletins;
using DuLuan.Infrastructure.Bulletins;

namespace DuLuan.Tests.Bulletins;

/// <summary>The written bulletin, shown beside the audio on the public page, reads as written Vietnamese.</summary>
public sealed class BulletinTextTests
{
    [Fact]
    public void A_title_that_ends_with_a_question_mark_takes_no_full_stop_after_it()
    {
        var at = new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);
        var written = BulletinText.Written("Phường Hoà Khánh", BulletinSlot.Morning, new DateOnly(2026, 12, 8),
        [
            new BulletinSourceItem("dialogue", 1, "Đèn đường hỏng nhiều tuần, bao giờ được sửa?", "Đơn vị chiếu sáng sẽ thay trong tháng này.", "/x", at),
            new BulletinSourceItem("case", 2, "Loa phát thanh quá to.", "Đã điều chỉnh âm lượng.", "/y", at),
            new BulletinSourceItem("case", 3, "Nhà văn hoá khoá cửa", "Đã giao tổ dân phố quản lý.", "/z", at),
        ]);

        Assert.Contains("Tin thứ 1: Đèn đường hỏng nhiều tuần, bao giờ được sửa? Đơn vị chiếu sáng", written, StringComparison.Ordinal);
        Assert.Contains("Tin thứ 2: Loa phát thanh quá to. Đã điều chỉnh", written, StringComparison.Ordinal);
        Assert.Contains("Tin thứ 3: Nhà văn hoá khoá cửa. Đã giao", written, StringComparison.Ordinal);
        Assert.DoesNotContain("?.", written, StringComparison.Ordinal);
        Assert.DoesNotContain("..", written, StringComparison.Ordinal);
    }
}
