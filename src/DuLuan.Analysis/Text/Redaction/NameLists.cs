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

    /// <summary>Given names (about three hundred folded syllables, which cover the common written ones), birth-order names of the South, common nicknames and Khmer given names.</summary>
    internal static readonly HashSet<string> GivenNames = Set(
        "ai an anh ba bac bach bang banh bao bay be bi bich bien bin binh bo bong bup buu ca cam can canh cao cat chanh chau chi chien chin chinh chu chuan " +
        "chuc chung chuong chuyen co con cong cu cuc cun cuong dac dai dam dan dang danh dao dat dau di diem dien diep dieu dinh diu do doan doanh don dong du " +
        "duc dung duong duy duyen gam gau gia giai giang giao hac hai han hang hanh hao hau hen heo hien hiep hieu hinh hoa hoai hoan hoang hoc hoi hong hop " +
        "hue hung huong huu huy huyen kha khai kham khang khanh khiem khoa khoai khoi khue khuong khuyen kien kiet kieu kim ky lac lai lam lan lang lanh lap " +
        "le lich lien lieu linh loan loc loi long lua luan luc luong luu ly mai man manh mau men mien minh mit mo moc mong mun muoi my na nam nang nga ngan " +
        "ngat nghi nghia ngoan ngoc ngu nguyen nguyet nha nhan nhat nhi nhien nhim nhu nhung ninh no nu oanh phan phat phi phong phu phuc phung phuoc phuong " +
        "quan quang que quoc quy quyen quyet quynh rith sa sac sam sang sary sau sen si sinh sokha son sophal sophea sovan sung suong suu tai tam tan tang tao " +
        "teo tham than thang thanh thao the thi thiem thien thiet thieu thinh tho thoa thoai thom thong thu thuan thuc thuong thuy thuyen thy ti tien tiep tin " +
        "tinh to toai toan toi ton tong tra trac trai tram tran trang tri trieu trinh trong truc trung truong tu tuan tue tun tung tuoi tuong tuyen tuyet ty " +
        "ut uy uyen van vi viet vinh vong vu vui vuong vy xi xuan xuyen y yen");

    /// <summary>
    /// Family names and name prefixes of minorities and of the Hoa, as a feature apart (the rules' <see cref="FamilyNames"/> stays
    /// as it is): Ê Đê and Jrai (Ksor, Niê, Rmah, Siu, Rơ Châm, Mlô, Ayun, Êban, Buôn Ya, H'/Y'), Hmông (Giàng, Sùng, Thào, Vàng,
    /// Mùa, Lầu, Hạng), Tày, Nùng, Thái, Mường (Lò, Lường, Cầm, Vi, Nông, Bế, Lành, Hà, Quàng, Sầm, Bạc), Khmer (Thạch, Sơn,
    /// Kim, Danh, Chau, Lâm, Lý, Kiên) and Hoa (Quách, Lưu, Mã, Tăng, Diệp, Ôn, Chung, Châu, Tạ).
    /// </summary>
    internal static readonly HashSet<string> MinorityFamilyNames = Set(
        "ksor nie rmah siu kpa ro cham mlo ayun rcom hdok eban adrong nay bya buon ya kbuor rlan kso hwing hlong mdrang ktla enuol h y " +
        "giang sung thao vang mua lau hang ly vu tan ma chang " +
        "lo luong cam vi nong be lanh ha hoang quang sam bac luc hua ca dinh " +
        "thach son kim danh chau lam kien trieu quach luu tang diep on chung ta tieu la");

    /// <summary>Words (folded) before a name: kinship and address words ("anh", "chị", "con bé", "thằng").</summary>
    internal static readonly HashSet<string> Kin = Set("anh chi ong ba em co chu bac chau con thang be cu di cau mo thim ban vo chong me bo a c e");

    /// <summary>Verbs and joiners before a name ("gặp", "gọi", "nhờ", "hỏi", "báo", "với", "và", "cho").</summary>
    internal static readonly HashSet<string> NameVerbs = Set("gap goi nho hoi bao voi va cung cho lien he noi keu thay nghe giup dua hoac rieng");

    /// <summary>Words that join two names ("Lan và Hoa", "Tín với Hiển").</summary>
    internal static readonly HashSet<string> Joiners = Set("va voi cung hoac");

    /// <summary>Titles, kinship and trigger words (folded) that announce a person or their home.</summary>
    internal static readonly HashSet<string> Triggers = Set(
        "anh chi ong ba em chau co chu bac cu thim di cau mo thay be ban thang a c e ten goi la toi minh nha o tai tru ngu xom hang con vo chong me bo");
}
