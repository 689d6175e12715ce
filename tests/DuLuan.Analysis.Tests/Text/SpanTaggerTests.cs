using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>
/// The learned span model beside the redaction rules (#18 item 3, fifth pass): deterministic training, the embedded model
/// is the one the generator trains from the development parts, it finds people the rules miss, and it never takes the
/// places and officials the rules keep.
/// </summary>
public partial class SpanTaggerTests
{
    private static readonly string[] DevelopmentParts = ["dev", "round2-dev", "round3-dev", "round4-dev", "round5-dev", "round6-dev", "round7-dev", "round7-outlets-dev", "round8-dev", "round8e-dev", "round8f-dev", "round8g-dev", "round8i-dev", "round8j-dev", "round8k-dev", "round8l-dev", "round8m-dev", "round8n-dev", "round8o-dev", "round8p-dev", "round8q-dev", "round9a-dev", "round9b-dev", "round9c-dev", "round9d-dev", "round9e-dev"];

    private static string Redact(string text) => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(text)).Text;

    private static List<RedactionSpan> RulesOnly(string text) => PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text), RedactionScope.Public, null);

    [Fact]
    public void Training_twice_on_the_same_lines_gives_the_same_bytes()
    {
        var lines = DevelopmentParts.Take(1).SelectMany(Load).Take(120).ToList();
        var first = Bytes(SpanTaggerTrainer.Train(lines, epochs: 3));
        var second = Bytes(SpanTaggerTrainer.Train(lines, epochs: 3));
        var otherSeed = Bytes(SpanTaggerTrainer.Train(lines, epochs: 3, seed: 2));
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void The_embedded_model_is_the_one_the_generator_trains_from_the_development_parts()
    {
        var shipped = SpanTagger.Shipped;
        Assert.NotNull(shipped);
        var trained = SpanTaggerTrainer.TrainShipped(DevelopmentParts.SelectMany(Load).ToList());
        Assert.Equal(Bytes(shipped), Bytes(trained));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_weights_and_a_foreign_file_is_refused()
    {
        var shipped = SpanTagger.Shipped!;
        using var stream = new MemoryStream(Bytes(shipped));
        var loaded = SpanTagger.Load(stream);
        Assert.Equal(Bytes(shipped), Bytes(loaded));
        Assert.ThrowsAny<InvalidDataException>(() => SpanTagger.Load(new MemoryStream(Encoding.UTF8.GetBytes("not a model at all"))));
    }

    [Theory]
    [InlineData("hôm qua hùng nhà bên cạnh đổ rác ra đầu kiệt", "hôm qua [họ tên] nhà bên cạnh đổ rác ra đầu kiệt")]
    [InlineData("Sáng nay Phượng ở cuối hẻm bị xe tông", "Sáng nay [họ tên] ở cuối hẻm bị xe tông")]
    [InlineData("Tôi đã báo với Trinh mà không ai xuống", "Tôi đã báo với [họ tên] mà không ai xuống")]
    [InlineData("Vợ chồng Tâm ở đầu ngõ cãi nhau cả đêm", "Vợ chồng [họ tên] ở đầu ngõ cãi nhau cả đêm")]
    [InlineData("Hôm qua Quỳnh có gửi đơn", "Hôm qua [họ tên] có gửi đơn")]
    public void The_model_finds_people_and_homes_the_rules_miss(string text, string expected)
    {
        Assert.Empty(RulesOnly(text));
        Assert.Equal(expected, Redact(text));
    }

    [Theory]
    [InlineData("Đèn đường trên đường Lê Văn Lương hỏng cả tuần.")]
    [InlineData("Quán karaoke ở số 45 Hùng Vương hát đến khuya.")]
    [InlineData("Chủ tịch UBND phường Hải Châu đã đến hiện trường.")]
    [InlineData("Nước ngập ở chợ Bà Chiểu mỗi khi mưa.")]
    [InlineData("Ổ gà ở ngã tư Lê Lợi - Hai Bà Trưng chưa được vá.")]
    [InlineData("Đề nghị sửa mặt đường từ số 120 đến số 160 đường Trần Phú.")]
    [InlineData("Cán bộ địa chính Trần Văn Khoa đã xuống đo đạc.")]
    [InlineData("Trần Phú là đường chính, sao lại để ngập vậy?")]
    [InlineData("Cột điện nghiêng trước nhà số 14 đường Hải Phòng.")]
    [InlineData("Học sinh trường THPT Nguyễn Huệ phải lội nước đến trường.")]
    [InlineData("Cống thoát nước đoạn từ số 2 đến số 28 Nguyễn Thị Minh Khai bị tắc.")]
    [InlineData("Giờ tan học cổng trường ùn tắc.")]
    public void Places_the_problems_location_and_officials_stay_with_the_model(string text)
        => Assert.Empty(PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text)));

    /// <summary>Outlets, pages, bulletins, stations and offices every office writes, many opening with a word that is also a given name (the round-7 retraining took "Trang" of "Trang tin X").</summary>
    [Theory]
    [InlineData("Trang tin X")]
    [InlineData("Trang tin X đăng lại bài viết mà không ghi nguồn.")]
    [InlineData("Trang tin điện tử phường đã đăng thông báo.")]
    [InlineData("Trang web của UBND quận bị lỗi.")]
    [InlineData("Cổng thông tin điện tử thành phố công bố quy hoạch.")]
    [InlineData("Bản tin thời sự tối qua có nói về việc ngập.")]
    [InlineData("Đài Phát thanh và Truyền hình Đà Nẵng phỏng vấn người dân.")]
    [InlineData("Đài Truyền thanh Hòa Vang phát bản tin lúc 17 giờ.")]
    [InlineData("Báo Thanh Niên có bài về việc chậm cấp sổ đỏ.")]
    [InlineData("Nguồn: Trang tin Z.")]
    [InlineData("Giá phân bón")]
    [InlineData("Phí gửi xe ở chợ tăng gấp đôi.")]
    public void Outlets_and_offices_stay_with_the_model(string text)
        => Assert.Empty(PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text)));

    [Fact]
    public void Staff_notes_keep_names_with_the_model_embedded()
    {
        var text = VietnameseNormalizer.Normalize("hôm qua hùng nhà bên cạnh gọi 0905 111 222");
        var spans = PersonalDataRedactor.Find(text, RedactionScope.Identifiers);
        Assert.Equal([RedactionKind.Phone], spans.Select(s => s.Kind));
    }

    private static byte[] Bytes(SpanTagger model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [GeneratedRegex(@"\[\[(?<rk>[A-Z]+)\|(?<rt>[^\]]+)\]\]|\{\{(?<kk>[A-Z]+)\|(?<kt>[^}]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    /// <summary>A development part as the generator reads it (bench RedactionEvalSet): names and homes to remove.</summary>
    private static IEnumerable<AnnotatedLine> Load(string part)
    {
        foreach (var raw in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "redaction-eval", part + ".txt"), Encoding.UTF8))
        {
            if (raw.Length == 0 || raw[0] == '#')
            {
                continue;
            }

            var sb = new StringBuilder();
            var spans = new List<RedactionSpan>();
            var at = 0;
            foreach (Match m in Markup().Matches(raw))
            {
                sb.Append(raw, at, m.Index - at);
                var inner = m.Groups["rk"].Success ? m.Groups["rt"].Value : m.Groups["kt"].Value;
                var kind = m.Groups["rk"].Value;
                if (kind is "NAME" or "HOME")
                {
                    spans.Add(new RedactionSpan(sb.Length, inner.Length, kind == "NAME" ? RedactionKind.PersonName : RedactionKind.Address));
                }
                sb.Append(inner);
                at = m.Index + m.Length;
            }
            sb.Append(raw, at, raw.Length - at);
            var text = sb.ToString();
            var normal = VietnameseNormalizer.Normalize(text);
            yield return new AnnotatedLine(normal.Length == text.Length ? normal : text, spans);
        }
    }
}
