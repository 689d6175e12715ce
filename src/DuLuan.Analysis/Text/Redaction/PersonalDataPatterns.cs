using System.Text.RegularExpressions;

namespace DuLuan.Analysis.Text;

/// <summary>The regular expressions behind <see cref="PersonalDataRedactor"/>; the context patterns run on folded text.</summary>
internal static partial class PersonalDataPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options)]
    internal static partial Regex Email();

    // An address spelled out so that forms and spam filters miss it, on folded text: "an.nguyen [at] gmail [dot] com",
    // "annguyen(at)yahoo.com", "annguyen a còng gmail chấm com".
    [GeneratedRegex(@"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s|\sa cong\s)\s*[a-z0-9-]+(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s|\scham\s|\.)\s*[a-z0-9-]+)*?\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s|\scham\s|\.)\s*(?:com|vn|net|org|edu|gov|info)(?![a-z0-9])", Options)]
    internal static partial Regex SpelledEmail();

    // A link to a person's own profile: Facebook by numeric id, Zalo by phone number.
    [GeneratedRegex(@"(?<![\w/.])(?:https?://)?(?:(?:www|m|web|mbasic)\.)?(?:(?:facebook|fb)\.com/(?:profile\.php\?id=\d+|people/[^\s/]+/\d+)|zalo\.me/\+?\d{9,12})(?![\w/])", Options)]
    internal static partial Regex ProfileLink();

    // A passport number after its name, on folded text: "hộ chiếu số C1234567", "passport: B9876543".
    [GeneratedRegex(@"(?<![a-z])(?:ho chieu|passport|so hc)(?![a-z])[^\n\d]{0,20}?(?<![a-z0-9])(?<id>[a-z]\d{7,8})(?![a-z0-9])", Options)]
    internal static partial Regex Passport();

    // A driving licence or a person's own tax code before its number.
    [GeneratedRegex(@"(?<![a-z])(?:gplx|giay phep lai xe|bang lai(?: xe)?|mst ca nhan|ma so thue ca nhan|(?:mst|ma so thue)(?: cua)? (?:toi|em|minh|tui|ong|ba|anh|chi|co|chu))(?![a-z])[^\d\n]{0,25}$", Options)]
    internal static partial Regex OtherIdBefore();

    // A tax or enterprise code before its number: an enterprise's is public, not a phone ("Công ty An Phát, MST 0401234567").
    [GeneratedRegex(@"(?<![a-z])(?:mst|ma so thue|ma so doanh nghiep|msdn)(?![a-z])[^\d\n]{0,15}$", Options)]
    internal static partial Regex TaxCodeBefore();

    // Health-insurance card: two letters, the benefit digit, the province (2 digits), the 10-digit social-insurance code.
    // GD4797912345678 / HT 3 79 7911 223 344 / DN 4 01 0123456789
    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z]{2}[\s.-]?\d[\s.-]?\d{2}[\s.-]?(?:\d[\s.-]?){9}\d(?![\p{L}\d])", Options)]
    internal static partial Regex HealthInsuranceCard();

    // 29A-123.45, 30E 123.45, 51F1-234.56, 43-B1 123.45, 59X2-345.67, 30A12345, 43a 456.78
    [GeneratedRegex(@"(?<![\p{L}\d.])\d{2}[\s-]?(?<letters>[A-Za-z]{1,2})\d?[\s.-]?(?:\d{3}\.\d{2}|\d{4,5})(?![\p{L}\d]|\.\d)", Options)]
    internal static partial Regex LicencePlate();

    [GeneratedRegex(@"(?<![a-z])(?:stk|so tk|tk|tai khoan|chuyen khoan|chuyen tien|ngan hang|vietcombank|vcb|techcombank|tcb|bidv|agribank|vietinbank|mbbank|mb bank|mb|acb|sacombank|tpbank|vpbank|vib|shb|hdbank|ocb|seabank|momo|nh)(?![a-z])[^\d\n]{0,30}$", Options)]
    internal static partial Regex BankBefore();

    [GeneratedRegex(@"^[\s,(-]*(?:ngan hang\s+|nh\s+)?(?:vietcombank|vcb|techcombank|tcb|bidv|agribank|vietinbank|mbbank|mb|acb|sacombank|tpbank|vpbank|vib|shb|hdbank|ocb|seabank)(?![a-z])", Options)]
    internal static partial Regex BankAfter();

    [GeneratedRegex(@"(?<![a-z])(?:bhyt|bhxh|bao hiem(?: y te| xa hoi)?|the bh|ma so bh|ma bh)(?![a-z])[^\d\n]{0,25}$", Options)]
    internal static partial Regex InsuranceBefore();

    [GeneratedRegex(@"(?<![a-z])(?:cmnd|cmt|chung minh(?: nhan dan| thu)?|cccd|can cuoc(?: cong dan)?|dinh danh|ma dinh danh|so dinh danh)(?![a-z])[^\d\n]{0,25}$", Options)]
    internal static partial Regex IdBefore();

    // From house number to house number: "từ số 120 đến số 160", "từ nhà số 5 tới nhà số 19", "đoạn từ số 2 đến số 28".
    [GeneratedRegex(@"(?<![a-z0-9])(?:doan\s+)?tu\s+(?:nha\s+)?(?:so\s+)?\d+[a-z]?(?:/\d+)?\s+(?:den|toi)\s+(?:nha\s+)?(?:so\s+)?\d+[a-z]?(?:/\d+)?(?![a-z0-9])", Options)]
    internal static partial Regex Stretch();

    // The writer (or a named person) saying where they live: the address that follows is theirs.
    [GeneratedRegex(@"(?<![a-z])(?:thuong tru|tam tru|tru tai|cu tru|cu ngu|ngu|noi o(?: hien tai| hien nay)?|noi cu tru(?: hien tai| hien nay)?|cho o(?: hien nay| hien tai)?|(?:dia chi|d/c|dc)(?: lien he| nha(?: rieng)?| thuong tru| tam tru| hien tai| lien lac| cu tru| noi o)?|ho khau(?: thuong tru)?|hktt|chu ho|ho gia dinh(?=\s+(?:o|tai)))(?:\s+(?:cua\s+)?(?:toi|em|minh|tui|chung toi|gia dinh toi|e|mk))?(?:\s+(?:o|tai|la))?\s*[:(,]?\s*(?:tai\s+)?$", Options)]
    internal static partial Regex StrongHomeCue();

    [GeneratedRegex(@"(?<![a-z])(?:(?:nha|nha cua|gia dinh|ho)\s+(?:toi|em|minh|tui|chung toi|chung em|con|chau|e|t|mk)(?:\s+(?:dang|hien))?(?:\s+\(?\s*(?:o|tai|la|nam o|nam tai|nam trong|nam|o tai|o so|o ngay|ngay|song o|song tai|sinh song tai|thue o|thue tai|thue))?(?:\s+(?:(?:tan|ngay|sau)\s+)?(?:dau|cuoi|trong))?|nha\s+(?:bo me|ba me|ba ma|cha me|ong ba|ngoai|noi|bo|me|chong|vo)\s+(?:toi|em|minh|tui|e|t|mk)(?:\s+(?:dang\s+)?(?:o|tai|la|nam o|o tai|nam trong))?(?:\s+(?:(?:tan|ngay|sau)\s+)?(?:dau|cuoi|trong))?|(?:cho|noi|can ho|can nha|phong tro|phong)\s+(?:cua\s+)?(?:toi|em|minh|tui|e|t|mk)\s+(?:dang\s+|hien\s+)?(?:o|song|tro|thue|o tro|o thue)(?:\s+(?:hien tai|hien nay))?(?:\s+(?:la|o|tai))?|nha\s+(?:o|tai|o tai)|(?:toi|em|minh)\s+(?:ten|la)\s[^.;!?\n]*,\s*(?:song o|tru tai|nha o)|gia dinh(?:\s+(?:toi|chung toi|em|minh))?\s+(?:dang\s+|hien\s+)?(?:o|song|tru|sinh song)(?:\s+(?:tai|o))?|o tro(?:\s+(?:tai|o))?|(?<!cho )thue tro(?:\s+(?:tai|o))?|tro tai|(?<!cho )thue nha\s+(?:tai|o)|o nho(?:\s+nha\s+[a-z]+(?:\s+[a-z]+)?)?(?:\s+(?:tai|o))?|sinh song\s+(?:tai|o)|cua nha toi|nha rieng(?:\s+(?:o|tai))?|chu nha|(?<!cho )tro\s+(?:o|tai)|thue phong\s+(?:o|tai)|nha\s+(?:ba con|ho hang|nguoi than|ong ba|anh chi|ong|ba|anh|chi|co|chu|bac|di|cau|mo|thim|ban)(?:\s+(?:toi|em|minh|tui|e|t|mk|ay|do))?(?:\s+(?:dang\s+)?(?:o|tai|o tai|nam o|nam tai|nam trong|o ngay)(?:\s+(?:(?:tan|ngay|sau)\s+)?(?:dau|cuoi|trong))?)?)\s*[:(,]?\s*$", Options)]
    internal static partial Regex WeakHomeCue();

    // The writer's own household right before a hamlet ("nhà tôi ở thôn …", "gia đình em sống ở bản …", "nhà ba má tui ở ấp …"):
    // their home, unlike "nhà ở thôn …" or "hộ ông X ở bản …", where the hamlet is the place around someone's home.
    [GeneratedRegex(@"(?<![a-z])(?:nha|nha cua|gia dinh|ho)\s+(?:(?:bo me|ba me|ba ma|cha me|ong ba|ngoai|noi|bo|me|chong|vo)\s+)?(?:toi|em|minh|tui|chung toi|chung em|e|t|mk)(?:\s+(?:dang|hien|van))?(?:\s+(?:song|sinh song|nam))?\s+(?:o|tai|o tai)\s*$", Options)]
    internal static partial Regex WriterOwnHousehold();

    // A person said to be somewhere ("tôi ở", "em ở", "tôi tên A, ở"): a home only with a house number, not a lane alone.
    [GeneratedRegex(@"(?<![a-z])(?:nguoi\s+(?:bao|goi|bao tin|phan anh|gui|viet|lam don|de nghi|khieu nai|to cao|to giac)\s+(?:hien\s+)?(?:o|tai|o tai|song o|song tai)|(?:toi|em|minh)\s+(?:ten|la)\s[^.;!?\n]*,\s*(?:o|o tai)|(?:toi|em|minh|tui|chung toi|chung em|e|t|mk)\s+(?:dang\s+|hien\s+|van\s+)?(?:o|song|tru|ngu)(?:\s+(?:tro|nho|thue|mot minh|(?:cung|voi)\s+(?:bo me|ba me|ba ma|cha me|ong ba|gia dinh|vo con|chong con|vo|chong|con|ba|ong|me|bo)))?(?:\s+(?:tai|o))?|(?:toi|em|minh)\s+(?:ten|la)\s[^.;!?\n]*,)\s*[:(,]?\s*$", Options)]
    internal static partial Regex PersonAtCue();

    // One writer placing themselves in a residents' group ("tôi ở tổ 5", "em o to 14 khoi 3", "tôi là người dân tổ 41"):
    // the group is their home; writers speaking for many ("chúng tôi ở ...") or someone else in a group ("bà Lan ở tổ 27")
    // keep it.
    [GeneratedRegex(@"(?<![a-z])(?<!chung )(?:(?:toi|em|minh|tui|e|t|mk)\s+(?:dang\s+|hien\s+|van\s+)?(?:o|song|tru|ngu|sinh song)(?:\s+mot minh)?(?:\s+(?:tai|o))?|(?:toi|em|minh|tui)\s+la\s+(?:nguoi dan|cu dan|dan|nguoi)(?:\s+(?:o|tai|song o|song tai))?)\s*[:,]?\s*$", Options)]
    internal static partial Regex WriterResidentCue();

    // The address said to be the writer's after it: "hẻm 42/7 Nguyễn Trãi nhà tôi ...".
    [GeneratedRegex(@"^\s*[,(]?\s*(?:(?:nha|ngo nha|hem nha|kiet nha)\s+(?:toi|em|minh|tui|chung toi|chung em)|(?:la\s+)?(?:nha\s+)?cua\s+(?:toi|em|minh|tui|chung toi|gia dinh|ho|ong|ba|anh|chi|co|chu|bac|di|cau|mo|thim|con|chau))(?![a-z])", Options)]
    internal static partial Regex HomeAfterCue();

    // Before a person's name, owning a home: "nhà ông", "hộ bà", "gia đình anh", "hộ gia đình chị".
    [GeneratedRegex(@"(?<![a-z])(?:nha|ho|gia dinh|ho gia dinh)\s+(?:[a-z]+\s+)?$", Options)]
    internal static partial Regex HomeOfNamed();

    // After a person's name: "ông Nam ở số 8 ...", "Anh Sơn, trú tại ...", "(ngụ số 5 ...)", "bà Lan số 7 kiệt 20".
    [GeneratedRegex(@"^\s*[,(]?\s*(?:(?:hien\s+)?(?:o|song o|song tai|tru tai|o tai|nha o|nha|ngu|ngu tai|cu ngu tai|thuong tru tai|thue nha o|thue nha tai|thue tro o|thue tro tai|chu nha))?\s*[:(,]?\s*$", Options)]
    internal static partial Regex AfterNameHomeCue();

    // After the name of someone whose home it is ("nhà bác Bảy ở cuối kiệt 71 …"): where in the lane.
    [GeneratedRegex(@"^\s*,?\s*(?:o|nam o)\s+(?:(?:tan|ngay|sau|gan)\s+)?(?:dau|cuoi|trong)\s*$", Options)]
    internal static partial Regex AfterNameInside();

    // The writer's home placed by a landmark, then its number after a comma: "Nhà tôi ở sát chân cầu Chương Dương, số 2 ngõ 1 …".
    [GeneratedRegex(@"(?<![a-z])(?:nha|gia dinh)\s+(?:toi|em|minh|tui|chung toi|chung em)\s+(?:o\s+)?(?:sat chan|sat|gan|canh|ngay canh|ben canh|doi dien|phia sau|phia truoc|sau|truoc)\s[^.;!?\n,]{2,40},\s*$", Options)]
    internal static partial Regex HomeByLandmark();

    // A short apposition between a name and its address: ", giáo viên, ", ", 79 tuổi, ở ", ", sinh năm 1950, trú ".
    [GeneratedRegex(@"^\s*,\s*(?:\d+\s+tuoi|sinh nam\s+\d+|[a-z]+(?:\s+[a-z]+){0,2})\s*,\s*(?:(?:o|song o|tru tai|o tai|nha o|ngu|ngu tai)\s*)?$", Options)]
    internal static partial Regex AfterNameApposition();
}
