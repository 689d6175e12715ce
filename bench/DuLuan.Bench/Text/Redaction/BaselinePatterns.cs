using System.Text.RegularExpressions;

using DuLuan.Analysis.Text;

namespace DuLuan.Bench.Text.Redaction;

/// <summary>Frozen copy of the redactor patterns before issue #18 (the baseline of redact-eval): the regular expressions behind <see cref="BaselineRedactor"/>, compiled by the source generator.</summary>
internal static partial class BaselinePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options)]
    internal static partial Regex Email();

    // 0912 345 678 / 0912.345.678 / +84 912 345 678 / (028) 3822 1234 / 84-912-345-678
    [GeneratedRegex(@"(?<![\w+])(?:\(?(?:\+|00)?84\)?[\s.-]?|\(?0)\d{1,4}\)?(?:[\s.-]?\d{2,4}){1,4}(?![\w])", Options)]
    internal static partial Regex Phone();

    [GeneratedRegex(@"(?<![\w.,])\d{12}(?![\w]|[.,]\d)", Options)]
    internal static partial Regex TwelveDigits();

    [GeneratedRegex(@"(?<![\w.,])\d{9}(?![\w]|[.,]\d)", Options)]
    internal static partial Regex NineDigits();

    [GeneratedRegex(@"(?i:cmnd|cmt|chứng minh(?: nhân dân| thư)?|cccd|căn cước(?: công dân)?|định danh)\D{0,25}$", Options)]
    internal static partial Regex IdContextBefore();

    [GeneratedRegex(@"(?<!\w)(?i:tài khoản|stk|số tk|tk|ngân hàng|nh|vietcombank|vcb|techcombank|bidv|agribank|vietinbank|mbbank|mb bank|mb|acb|sacombank|tpbank|vpbank|vib|shb|hdbank|ocb|seabank|momo|chuyển khoản)(?!\w)[^\d\n]{0,30}$", Options)]
    internal static partial Regex BankContextBefore();

    [GeneratedRegex(@"(?<![\w.,])\d(?:[\s-]?\d){5,18}(?![\w]|[.,]\d)", Options)]
    internal static partial Regex DigitRun();

    // 29A-123.45, 30E 123.45, 51F1-234.56, 29-B1 123.45, 59X2-345.67, 30A12345
    [GeneratedRegex(@"(?<![\w.])\d{2}\s?-?\s?[A-Z]{1,2}\d?\s?-?\s?\d{3}(?:\.\d{2}|\d{1,2})(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    internal static partial Regex LicencePlate();

    // số 12 ngõ 34 phố Hàng Bạc / số nhà 15, đường Lê Lợi / 12/3 Nguyễn Trãi / 123 đường Trần Hưng Đạo / hẻm 45/6 Lê Văn Sỹ
    [GeneratedRegex(@"(?<!\w)(?:(?i:số nhà|nhà số|số|kiệt|hẻm|ngõ|ngách)\s+\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*|\d+[A-Za-z]?/\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*|\d+[A-Za-z]?(?=,?\s+(?i:đường|phố|ngõ|ngách|hẻm|kiệt|tổ)\s))(?:,?\s+(?i:ngõ|ngách|hẻm|kiệt|tổ)\s+\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*)*(?:,?\s+(?i:đường|phố|đ\.)?\s*\p{Lu}[\p{L}\p{Mn}]*(?:\s+(?:\p{Lu}[\p{L}\p{Mn}]*|\d+(?!\s*(?i:giờ|ngày|tháng|năm|người|hộ)\b)))*)", Options)]
    internal static partial Regex Address();

    [GeneratedRegex(@"(?<!\w)(?i:đồng chí|ông|bà|anh|chị|em|cô|chú|bác|cháu|cụ|thím|dì|cậu|mợ|thầy|bạn|chồng|vợ|con trai|con gái|anh trai|chị gái|em trai|em gái|bé|ả|gã|chàng|nàng|bệnh nhân|nạn nhân|đối tượng|sinh viên|học sinh|giáo viên|bác sĩ|luật sư|nhà báo|tên là|tên)\s+(?<name>\p{Lu}[\p{Ll}\p{Mn}]*(?:\s+\p{Lu}[\p{Ll}\p{Mn}]*){0,3})", Options)]
    internal static partial Regex TitledName();

    [GeneratedRegex(@"(?<![\w])(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương|Đoàn|Lâm|Mai|Tạ|Hà|Cao|Lương|Quách|Thái|Kiều|Châu|Tô|Triệu|La)\s+(?:Văn|Thị|Đức|Minh|Hữu|Ngọc|Thanh|Quốc|Thu|Hoàng|Kim|Xuân|Công|Đình|Quang|Bá|Tiến|Thành)(?:\s+\p{Lu}[\p{Ll}\p{Mn}]*){1,2}(?![\w])", Options)]
    internal static partial Regex SurnameLedName();
}
