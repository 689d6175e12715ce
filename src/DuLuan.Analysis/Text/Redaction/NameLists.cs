namespace DuLuan.Analysis.Text;

/// <summary>
/// Wider lists of Vietnamese family and given names (folded) than the rule's own: features of the learned span model
/// only, where context decides ("Vi Văn Thắng" is a name, "vi phạm" is not), so they may hold everyday words.
/// </summary>
internal static class NameLists
{
    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Family names of the Kinh and of the larger minorities (Tày, Thái, Nùng, Mường, Hmông, Khmer, Hoa).</summary>
    internal static readonly HashSet<string> FamilyNames = Set(
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong doan lam mai ta ha cao luong quach thai kieu chau to trieu la trinh " +
        "lo luu tang mac khuc thach giang tong vuong diep lai ninh nghiem tieu cu kha lac hua bach phung dao dam luc nong ton giap khong ung au am an banh bien " +
        "cam can chu chung chuc cong dieu dong du gia han hau hinh hong khieu khu khuu kim lieu lang lien linh lu man mang mau me mong ngan nghi nhan nhu ong " +
        "phi phuong quan quang quyen sam son than thang thao thieu tra trac tram trang tu uong van vi vien xa yen hoa hang ma moc sung thao giang vang hmong " +
        "ksor nie rmah siu kpa danh thach son kim lam");

    /// <summary>Given names, birth-order names of the South and common nicknames.</summary>
    internal static readonly HashSet<string> GivenNames = Set(
        "an anh bach bang bao bich binh bong cam can canh chau chi chien chinh chuong cong cuc cuong dai dan danh dao dat diem diep dieu dinh doan dong du duc " +
        "dung duong duy duyen gam giang giao hai han hang hanh hao hau hien hieu hoa hoai hoan hoang hong hue hung huong huu huy huyen kha khai khang khanh khoa " +
        "khoi khue kien kiet kieu kim ky lai lam lan lanh lap le lien lieu linh loan loc loi long luan luc luong luu ly mai man manh mau men minh my na nam nga " +
        "ngan nghia ngoc nguyet nhan nhat nhi nhien nhung nhu ninh oanh phat phi phong phu phuc phung phuoc phuong quan quang que quoc quy quyen quynh sang sau sen " +
        "si son sung tai tam tan tang tao tham than thang thanh thao thi thien thiet thinh tho thoa thom thu thuan thuc thuong thuy thuyen tien tin tinh toan toi " +
        "tong trai tram tran trang tri trieu trinh trong truc trung truong tu tuan tue tung tuong tuyen tuyet uyen ut van vi viet vinh vu vuong vy xuan yen " +
        "ba bay chin muoi teo ti bi bin bo cu cun hai lua mit tun thom tham lua nhi mo mo ly lieu nu");

    /// <summary>Titles, kinship and trigger words (folded) that announce a person or their home.</summary>
    internal static readonly HashSet<string> Triggers = Set(
        "anh chi ong ba em chau co chu bac cu thim di cau mo thay be ban thang a c e ten goi la toi minh nha o tai tru ngu xom hang con vo chong me bo");
}
