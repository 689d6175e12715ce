namespace DuLuan.Analysis.Text;

/// <summary>
/// Word lists behind the redaction rule, all in folded form (lower case, no diacritics, đ -> d) so that text typed
/// without diacritics, with either tone placement or in capitals is read the same way.
/// </summary>
internal static class RedactionLexicon
{
    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Vietnamese family names, the most common first.</summary>
    internal static readonly HashSet<string> Surnames = Set(
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong doan lam mai ta ha cao luong quach thai kieu chau to trieu la trinh lo luu tang mac khuc thach giang tong vuong diep lai ninh nghiem tieu cu kha lac hua bach phung dao dam luc nong ton giap khong ung");

    /// <summary>Family names that are also everyday words ("do" = because, "la" = is): not enough alone in lower case.</summary>
    internal static readonly HashSet<string> AmbiguousSurnames = Set("do ha to la mai chau thai cao lam ho ta luu tang cu kha lac bach giang tong ly lo dao dam luc nong ton giap khong ung");

    /// <summary>Middle names that mark a full name when a family name comes first ("nguyen van ...", "tran thi ...").</summary>
    internal static readonly HashSet<string> MiddleNames = Set(
        "van thi duc minh huu ngoc thanh quoc thu kim xuan cong dinh quang ba tien hoang gia bao tan trong manh hong my thuy nhu phuong khanh dang tuan anh hai");

    /// <summary>Given names (and the birth-order names of the South) accepted after a title in text without capitals.</summary>
    internal static readonly HashSet<string> GivenNames = Set(
        "an anh ba bao binh bich bay cuc cuong chau chin dat dao dung dung duy diep giang ha hai han hang hanh hao hau hien hieu hoa hoai hong hue hung huong huy huyen khang khanh khoa khoi kien kiet lan lien linh loan loc loi long luan ly mai man manh minh my nam nga ngan nghia ngoc nguyet nhan nhi nhung oanh phat phong phu phuc phuoc phuong quan quang que quoc quy quynh sang sau sen son tai tam tan tham thang thanh thao thi thien thinh tho thu thuan thuy thuong tien tin toan trang tri trinh trung truc tu tuan tung tuyet tuong uyen ut van viet vinh vu vy xuan yen tuoi loi hau ly na tuan dat nhi phu");

    /// <summary>Titles and kinship words that introduce a person's name ("ông", "chị", "cháu", "đồng chí").</summary>
    internal static readonly HashSet<string> PersonTitles = Set(
        "ong ba anh chi em co chu bac chau cu thim di cau mo thay be ban thang dong chi d/c");

    /// <summary>Titles that, without diacritics, are everyday words ("co" = có, "di" = đi, "thay" = thấy): trusted only when written with their marks or capitalised.</summary>
    internal static readonly HashSet<string> AmbiguousTitles = Set("co cu di thay be cau mo thim ban thang");

    /// <summary>Words after which a name follows: "tên là", "tôi là", "chủ tài khoản", "bệnh nhân".</summary>
    internal static readonly string[] NameLeads =
    [
        "ho va ten", "ho ten", "ten la", "ten", "toi la", "em la", "minh la", "chau la", "con toi la", "vo toi la", "chong toi la", "con trai toi la", "con gai toi la", "me toi la",
        "chu tai khoan", "chu tk", "mang ten", "nguoi gui", "nguoi lien he", "nguoi phan anh", "benh nhan", "bac si", "doi tuong", "cong dan", "hang xom toi la", "chu nha", "chu ho la", "chu co so la",
        "nguoi de nghi", "nguoi lam don", "nguoi viet", "nguoi nhan", "nguoi bao tin",
    ];

    /// <summary>Words that open the name of a public place: the name after them is kept.</summary>
    internal static readonly string[] PlaceTypes =
    [
        "duong", "pho", "ngo", "ngach", "hem", "kiet", "quoc lo", "tinh lo", "dai lo", "tuyen duong", "ql", "dt", "cau", "cau treo", "deo",
        "nga tu", "nga ba", "nga nam", "nga sau", "vong xoay", "bung binh", "nut giao", "giao lo", "goc", "goc duong",
        "phuong", "xa", "quan", "huyen", "thi xa", "thi tran", "tinh", "thanh pho", "tp", "to dan pho", "khu pho", "to", "thon", "ap", "xom", "ban", "khu vuc",
        "cho", "truong", "truong thpt", "truong thcs", "truong tieu hoc", "truong mam non", "truong dai hoc", "truong cao dang", "thpt", "thcs", "dai hoc",
        "cong vien", "vuon hoa", "quang truong", "tuong dai", "benh vien", "tram y te", "san van dong", "nha van hoa", "nha thi dau", "nha tho", "chua", "den", "dinh", "mieu", "lang",
        "ben xe", "ben do", "ben", "ga", "san bay", "sieu thi", "trung tam", "khu do thi", "kdt", "khu dan cu", "kdc", "khu tai dinh cu", "khu cong nghiep", "kcn", "cum cong nghiep",
        "chung cu", "toa", "ky tuc xa", "thu vien", "bao tang", "song", "kenh", "rach", "ho", "nui", "bai bien", "vinh", "dao", "du an", "tram", "quan ca phe", "tru so", "quy",
        "doan", "tren", "benh vien da khoa", "giai thuong", "hoc bong",
    ];

    /// <summary>Place types after which a second name joined by "-", "và", "với", "giao" is a second street.</summary>
    internal static readonly HashSet<string> JunctionTypes = new(["nga tu", "nga ba", "nga nam", "nga sau", "nut giao", "giao lo", "goc", "goc duong", "vong xoay", "duong", "pho"], StringComparer.Ordinal);

    /// <summary>Administrative units: an address stops before them (the ward is kept, the house is not).</summary>
    internal static readonly HashSet<string> AdminUnits = Set("phuong xa quan huyen tinh tp p q");

    /// <summary>Words that open the next part of an address or place, ending a name written without capitals.</summary>
    internal static readonly HashSet<string> AddressPartWords = Set("thon to ap xom khu kiet hem ngo ngach duong pho phuong xa quan huyen tinh tp");

    /// <summary>Offices whose holders act in public: a name beside them is an official in office, and kept.</summary>
    internal static readonly string[] OfficeTitles =
    [
        "chu tich", "pho chu tich", "bi thu", "pho bi thu", "giam doc", "pho giam doc", "truong phong", "pho truong phong", "truong cong an", "pho truong cong an",
        "truong ban", "pho truong ban", "hieu truong", "pho hieu truong", "chanh van phong", "chanh thanh tra", "thanh tra", "can bo dia chinh", "can bo tu phap", "can bo tiep nhan",
        "can bo", "cong chuc", "canh sat khu vuc", "doi truong", "doi pho", "dai bieu", "thuong ta", "trung ta", "dai ta", "thieu ta", "dai uy", "thuong uy", "trung uy",
        "tong giam doc", "cuc truong", "vu truong", "bo truong", "thu truong", "chu nhiem", "truong khoa", "truong tram", "truong tram y te",
        "chinh tri vien", "chinh uy",
    ];

    /// <summary>Words between an office and its holder's name: the unit ("UBND phường Hòa Minh", "Sở Y tế").</summary>
    internal static readonly HashSet<string> OfficeUnitWords = Set(
        "ubnd uy ban nhan dan hdnd dan toc ubmttq mat tran to quoc dang uy phuong xa quan huyen thanh pho tinh tp thi tran thi xa so phong ban cong an doi quan ly trat tu do thi tai nguyen va moi truong y te giao duc xay dung giao thong van tai lao dong thuong binh xa hoi tu phap cong ty moi truong kinh te ha tang thuoc truong thpt thcs tieu hoc mam non dai hoc benh vien tram");

    /// <summary>Roles of private people before their name ("cô giáo Hiền", "tài xế Lê Văn Phú"); in a line that capitalises names, only a capitalised name follows.</summary>
    internal static readonly string[] RoleLeads =
    [
        "co giao", "thay giao", "tai xe", "lai xe", "hanh khach", "tieu thuong", "nan nhan", "chu quan", "chu xe", "chu tro", "chu nha tro", "bao ve",
    ];

    /// <summary>Words after which a name follows a comma: the signature of a letter ("Trân trọng, Nguyễn Văn A").</summary>
    internal static readonly string[] SignOffs = ["tran trong", "kinh thu", "than ai", "ky ten"];

    /// <summary>Words before "nhà số N" that make it the place of the problem, not a home ("cột điện trước nhà số 14").</summary>
    internal static readonly HashSet<string> NearWords = Set("truoc sau canh gan doi dien ben sat cach giua phia");

    /// <summary>Words that end a name written without capitals, and that never start one.</summary>
    internal static readonly HashSet<string> StopWords = Set(
        "o tai la bi bo co da dang se khong chua va voi cua cho de thi ma nhung nen vi tu den toi em anh chi ong ba minh no ho ay nay kia do day roi lai ra vao len xuong di ve qua goi lien he xin nho hoi ban mua lam an uong nuoi xay dot sdt dt so zalo email nha duong pho " +
        "con chau ca cac nhung moi mot hai tuoi nam thang ngay gio phut sang chieu toi dem hom luc khi sau truoc trong ngoai tren duoi gan canh giua ben phia " +
        "trai gai be giao me tich tro xe quan cua hien chup dao tra the nguoi dan sinh vien can cong nhan hoc lop truong phuong xa to thon cung deu rat qua lam duoc phai can muon bao noi thay nghe biet " +
        "o rat hang xom chu ho gia dinh tinh trang van de viec su ky thu ong ba dong chi ten la sdt");

    /// <summary>Words that end a street or place name written without capitals: verbs, prepositions, contact words.</summary>
    internal static readonly HashSet<string> PlaceStopWords = Set(
        "bi co da dang se khong chua va voi cua cho de thi ma nhung nen vi tu den la o tai xin nho hoi goi lien can muon duoc phai rat qua ngap mat sdt dt zalo email hien nay roi lai tren duoi gan canh truoc sau trong ngoai " +
        "ong ba anh chi em toi minh chung tui ho no ay cung deu luc khi tu hom sang chieu toi dem ngay thang nam xay ban mua lam dot nuoi can de nghi tuoi");

    /// <summary>Everyday words that begin like a full name ("phản ánh" = to report, "vô gia cư" = homeless).</summary>
    internal static readonly HashSet<string> NotNamePairs = Set("phan_anh vo_gia vu_viec dang_ky hang_xom phu_trach coi_noi tan_ca bao_cao nhac_lich");

    /// <summary>Capitalised words (lower-cased, with their marks) that never start a private person's name.</summary>
    internal static readonly HashSet<string> NotNameStarts = Set(
        "chủ bí phó giám trưởng tổng thủ bộ sở ủy uỷ ubnd hđnd hội trung viện tòa toà đại thượng chánh trợ thư kế cục chi ban đảng nhà quốc phòng tỉnh xã phường thành huyện quận đội " +
        "đoàn mặt tổ việt trời phật thánh thần sđt đt cccd cmnd email zalo stk bhyt bhxh ql dt tp tphcm hcm hà đà kính gửi thông trả ghi cần đề kết xin địa tên số ngày tháng năm " +
        "bệnh đường chợ cầu sông hồ thôn xóm ấp hiệu công cảm chúc chào");

    /// <summary>
    /// Outlets, pages, bulletins and stations every office writes, as a word that is also a given name and the word after it, folded
    /// ("Trang tin X", "Trang web", "Cổng thông tin", "Bản tin", "Đài Phát thanh"): a learned name never starts them.
    /// </summary>
    internal static readonly HashSet<string> OutletPairs = Set(
        "trang_tin trang_web trang_thong trang_fanpage trang_facebook trang_chu trang_mang trang_dien trang_bao trang_zalo trang_youtube trang_tiktok " +
        "cong_thong cong_dich cong_tin ban_tin dai_phat dai_truyen dai_tieng kenh_truyen tap_chi chuyen_trang thong_tan phat_thanh truyen_thanh truyen_hinh");

    /// <summary>Words (lower-cased, with their marks) after which, capitalised, a capitalised name is an outlet's: "Báo Thanh Niên", "Kênh VTV1".</summary>
    internal static readonly HashSet<string> OutletHeads = Set("báo kênh đài");

    /// <summary>Everyday words written with their marks that fold like given names ("nằm" like "Nam", "lần" like "Lan"): never a name in lower case.</summary>
    internal static readonly HashSet<string> NotNameWritten = Set(
        "ăn dùng lần lỗi lời lòng ngã sáng sau tại thành thì tin toàn từ vẫn nằm đất hóa hoá phủ phụ hạ bay hỏng tấm thủ hiện");

    /// <summary>Capitalised words (lower-cased, with their marks) that end a name: the office or unit after it.</summary>
    internal static readonly HashSet<string> NotNameParts = Set(
        "chủ bí phó giám trưởng tổng bộ sở ủy uỷ ubnd hđnd phòng đội cục tỉnh xã phường quận huyện sđt đt cccd cmnd email zalo stk bhyt bhxh tp");

    /// <summary>People after whom streets, schools and parks are named: without a title before them, they are places.</summary>
    internal static readonly HashSet<string> NamedPlaces = new(
        string.Join(' ',
            "nguyen_van_linh nguyen_tat_thanh vo_nguyen_giap nguyen_thi_minh_khai nguyen_van_troi le_van_sy nguyen_luong_bang ton_duc_thang pham_van_dong vo_van_kiet tran_hung_dao",
            "ly_thuong_kiet phan_chu_trinh phan_chau_trinh phan_boi_chau phan_dinh_phung huynh_thuc_khang nguyen_chi_thanh nguyen_thai_hoc nguyen_dinh_chieu nguyen_cong_tru",
            "ho_chi_minh le_hong_phong nguyen_huu_tho le_quy_don tran_quoc_toan nguyen_binh_khiem dinh_tien_hoang ly_thai_to ly_tu_trong tran_cao_van ha_huy_tap nguyen_van_cu",
            "tran_duy_hung le_van_luong hoang_van_thu hoang_hoa_tham nguyen_thi_dinh le_thanh_tong le_thanh_ton trung_nu_vuong ngo_thi_nham tran_thi_ly le_thi_rieng le_van_tam",
            "hoang_van_thai nguyen_phan_vinh nguyen_van_thoai huynh_tan_phat phan_dang_luu nguyen_tri_phuong pham_ngoc_thach cu_chinh_lan le_dinh_duong nguyen_ba_ngoc ton_that_tung",
            "nguyen_sinh_sac le_quang_dinh nguyen_huu_canh le_duc_tho nguyen_thi_thap ba_huyen_thanh_quan nguyen_trung_truc tran_nhan_tong tran_quang_khai",
            "le_thanh_nghi ngo_gia_tu nguyen_huu_huan huynh_ngoc_hue dung_si_thanh_khe nguyen_ba_hoc hai_ba_trung dien_bien_phu cach_mang_thang_tam",
            "ho_xuan_huong ho_tung_mau ho_nghinh ho_hao_hon ho_dac_di ho_van_hue ho_thi_ky ho_bieu_chanh",
            "tran_phu le_loi le_lai le_duan nguyen_trai nguyen_du nguyen_hue ngo_quyen hoang_dieu phan_thanh le_do ngo_may ly_bon nguyen_hoang nguyen_sieu nguyen_kiem",
            "nguyen_xi dinh_le le_hoan le_lo ha_bong dang_dung le_ninh tran_binh le_van_huu vo_thi_sau bui_thi_xuan to_hien_thanh dang_tat tran_khat_chan pham_ngu_lao",
            "chu_van_an mac_thi_buoi pham_hung nguyen_tuan nguyen_khang nguyen_chanh nguyen_thong tran_nao tran_quy hoang_sa vo_truong_toan")
            .Split(' ').Select(w => w.Replace('_', ' ')),
        StringComparer.Ordinal);
}
