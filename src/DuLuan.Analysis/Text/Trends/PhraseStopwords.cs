namespace DuLuan.Analysis.Text;

/// <summary>
/// Words that never make or start a keyphrase: function words, pronouns, adverbs of degree and time, quantifiers
/// and discourse words, with their diacritics (folding would merge "sau" (after) with "sâu" (deep)). Hand-made for
/// news and residents' messages, not a general stopword list: content words such as "lớn" or "sâu" stay, because
/// a lone syllable is never shown on its own (see <see cref="RisingPhraseFinder"/>).
/// </summary>
internal static class PhraseStopwords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // one syllable
        "và", "của", "là", "có", "các", "những", "được", "cho", "với", "trong", "đã", "một", "này", "không", "tại",
        "thì", "để", "từ", "đến", "về", "sẽ", "khi", "cũng", "mà", "ở", "theo", "như", "do", "bị", "ra", "vào", "lên",
        "xuống", "đi", "tới", "qua", "lại", "đang", "vẫn", "đều", "mới", "chỉ", "nữa", "rồi", "luôn", "ngay", "vừa",
        "sắp", "hay", "hoặc", "nhưng", "nếu", "vì", "nên", "trên", "dưới", "sau", "trước", "ngoài", "giữa", "bên",
        "chưa", "đó", "kia", "ấy", "nào", "gì", "ai", "đâu", "sao", "thế", "vậy", "hơn", "nhất", "rất", "quá", "lắm",
        "khá", "càng", "mỗi", "mọi", "cả", "từng", "nhiều", "ít", "vài", "mấy", "hai", "ba", "bốn", "năm", "sáu",
        "bảy", "tám", "chín", "mười", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "người", "việc", "cái", "con",
        "chiếc", "sự", "cuộc", "nơi", "lúc", "hôm", "ngày", "tháng", "tuần", "giờ", "phút", "nay", "mai", "qua",
        "tôi", "ta", "mình", "họ", "nó", "anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "ạ", "à", "ơi", "nhé",
        "nha", "đây", "thôi", "hết", "còn", "phải", "cần", "nhằm", "bởi", "tuy", "dù", "song", "cùng", "gần", "xa",
        "vẫn", "đúng", "thêm", "làm", "gây", "thấy", "biết", "nói", "cho biết", "lần", "số", "loạt",
        // several syllables
        "tuy nhiên", "hiện nay", "trong khi", "chúng tôi", "chúng ta", "có thể", "không thể", "theo đó", "vì vậy",
        "do đó", "ngoài ra", "bao gồm", "trở lên", "hằng năm", "hàng năm", "hàng ngày", "mới đây", "vừa qua", "thời gian",
        "cho biết", "cho rằng", "trong đó", "bên cạnh", "đồng thời", "sau khi", "trước khi", "như vậy", "nhiều người",
        "hiện tại", "tất cả", "các bạn", "người dân", "vừa rồi", "gần đây", "khoảng", "đặc biệt", "tiếp tục",
        "thực hiện", "liên quan", "nhất là", "thậm chí", "bởi vì", "vì thế", "nên là", "rất nhiều", "hôm nay",
        "hôm qua", "ngày mai", "năm nay", "tuần này", "tháng này", "sáng nay", "chiều nay", "tối nay", "đêm qua",
        "như thế", "thế nào", "bao giờ", "bao nhiêu", "ở đâu", "tại sao", "vì sao", "lúc này", "khi đó", "được biết",
        "nhận được", "đã có", "có được", "trở thành", "diễn ra", "xảy ra", "cũng như", "hoặc là", "chính là",
    };

    internal static bool IsFunctionWord(string lowerCaseWord) => Words.Contains(lowerCaseWord);
}
