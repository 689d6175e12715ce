namespace DuLuan.Analysis.Text.Speech;

/// <summary>Abbreviations of public administration as they are read aloud (whole upper-case words only).</summary>
public static class SpeechAbbreviations
{
    /// <summary>Written form → spoken form. Longer keys are tried first.</summary>
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UBND"] = "Ủy ban nhân dân",
        ["HĐND"] = "Hội đồng nhân dân",
        ["UBMTTQ"] = "Ủy ban Mặt trận Tổ quốc",
        ["MTTQ"] = "Mặt trận Tổ quốc",
        ["MTTQVN"] = "Mặt trận Tổ quốc Việt Nam",
        ["TPHCM"] = "Thành phố Hồ Chí Minh",
        ["HCM"] = "Hồ Chí Minh",
        ["THCS"] = "trung học cơ sở",
        ["THPT"] = "trung học phổ thông",
        ["CSGT"] = "cảnh sát giao thông",
        ["CAND"] = "công an nhân dân",
        ["BHYT"] = "bảo hiểm y tế",
        ["BHXH"] = "bảo hiểm xã hội",
        ["CCCD"] = "căn cước công dân",
        ["ĐBQH"] = "đại biểu Quốc hội",
        ["HTX"] = "hợp tác xã",
        ["KCN"] = "khu công nghiệp",
        ["GD&ĐT"] = "giáo dục và đào tạo",
        ["GD-ĐT"] = "giáo dục và đào tạo",
        ["GDĐT"] = "giáo dục và đào tạo",
        ["KT-XH"] = "kinh tế - xã hội",
        ["QP-AN"] = "quốc phòng - an ninh",
        ["SĐT"] = "số điện thoại",
        ["ĐT"] = "điện thoại",
        ["QĐ"] = "quyết định",
        ["TB"] = "thông báo",
        ["KH"] = "kế hoạch",
        ["NQ"] = "nghị quyết",
        ["CV"] = "công văn",
        ["PCCC"] = "phòng cháy chữa cháy",
        ["ATGT"] = "an toàn giao thông",
        ["TTATGT"] = "trật tự an toàn giao thông",
        ["ANTT"] = "an ninh trật tự",
        ["VSATTP"] = "vệ sinh an toàn thực phẩm",
        ["ATTP"] = "an toàn thực phẩm",
        ["NTM"] = "nông thôn mới",
        ["TNHH"] = "trách nhiệm hữu hạn",
        ["CLB"] = "câu lạc bộ",
        ["KDC"] = "khu dân cư",
        ["TDP"] = "tổ dân phố",
        ["BCĐ"] = "ban chỉ đạo",
        ["BQL"] = "ban quản lý",
        ["HLHPN"] = "Hội Liên hiệp Phụ nữ",
        ["CCB"] = "Cựu chiến binh",
        ["GPMB"] = "giải phóng mặt bằng",
        ["TƯ"] = "Trung ương",
        ["TW"] = "Trung ương",
        ["VN"] = "Việt Nam",
        ["CHXHCN"] = "Cộng hòa xã hội chủ nghĩa",
        ["SXKD"] = "sản xuất kinh doanh",
        ["ĐVHC"] = "đơn vị hành chính",
        ["XHCN"] = "xã hội chủ nghĩa",
    };

    /// <summary>Abbreviations written with a full stop before a place's name ("P. Hòa Khánh", "Q.1", "TX. Điện Bàn").</summary>
    public static readonly IReadOnlyDictionary<string, string> PlacePrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TP"] = "thành phố",
        ["TX"] = "thị xã",
        ["TT"] = "thị trấn",
        ["P"] = "phường",
        ["Q"] = "quận",
        ["X"] = "xã",
        ["H"] = "huyện",
    };

    /// <summary>Units written after a number, longest first where one is the start of another.</summary>
    public static readonly IReadOnlyList<(string Written, string Spoken)> Units =
    [
        ("km²", "ki lô mét vuông"), ("km2", "ki lô mét vuông"), ("km/h", "ki lô mét trên giờ"), ("km", "ki lô mét"),
        ("m²", "mét vuông"), ("m2", "mét vuông"), ("m³", "mét khối"), ("m3", "mét khối"),
        ("cm", "xăng ti mét"), ("mm", "mi li mét"), ("m", "mét"), ("ha", "héc ta"), ("kg", "ki lô gam"),
        ("°C", "độ C"), ("℃", "độ C"), ("%", "phần trăm"), ("VNĐ", "đồng"), ("VND", "đồng"), ("đ", "đồng"),
    ];
}
