using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public partial class RedactionTests
{
    private static readonly Dictionary<string, RedactionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["PHONE"] = RedactionKind.Phone,
        ["CCCD"] = RedactionKind.CitizenId,
        ["CMND"] = RedactionKind.OldId,
        ["EMAIL"] = RedactionKind.Email,
        ["BANK"] = RedactionKind.BankAccount,
        ["PLATE"] = RedactionKind.LicencePlate,
        ["ADDRESS"] = RedactionKind.Address,
        ["NAME"] = RedactionKind.PersonName,
    };

    [GeneratedRegex(@"\[\[(?<kind>[A-Z]+)\|(?<text>[^\]]+)\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    internal static List<(string Text, List<RedactionSpan> Gold)> LoadSet()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "redaction", "sentences.txt");
        var set = new List<(string, List<RedactionSpan>)>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var sb = new StringBuilder();
            var gold = new List<RedactionSpan>();
            var at = 0;
            foreach (Match m in Markup().Matches(line))
            {
                sb.Append(line, at, m.Index - at);
                gold.Add(new RedactionSpan(sb.Length, m.Groups["text"].Length, Kinds[m.Groups["kind"].Value]));
                sb.Append(m.Groups["text"].Value);
                at = m.Index + m.Length;
            }
            sb.Append(line, at, line.Length - at);
            set.Add((sb.ToString(), gold));
        }
        return set;
    }

    [Fact]
    public void Labelled_set_precision_and_recall_meet_the_floor()
    {
        var set = LoadSet();
        Assert.True(set.Count >= 300);
        int tp = 0, exact = 0, predicted = 0, gold = 0;
        var perKind = Enum.GetValues<RedactionKind>().ToDictionary(k => k, _ => new int[3]);
        foreach (var (text, goldSpans) in set)
        {
            var found = PersonalDataRedactor.Find(text);
            predicted += found.Count;
            gold += goldSpans.Count;
            foreach (var g in goldSpans)
            {
                perKind[g.Kind][2]++;
            }

            foreach (var f in found)
            {
                perKind[f.Kind][1]++;
                var match = goldSpans.FirstOrDefault(g => g.Kind == f.Kind && g.Start < f.End && f.Start < g.End);
                if (match.Length > 0)
                {
                    tp++;
                    perKind[f.Kind][0]++;
                    if (match == f)
                    {
                        exact++;
                    }
                }
                else
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"FP {f.Kind}: '{text.Substring(f.Start, f.Length)}' in {text}");
                }
            }
            foreach (var g in goldSpans.Where(g => !found.Any(f => f.Kind == g.Kind && g.Start < f.End && f.Start < g.End)))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"FN {g.Kind}: '{text.Substring(g.Start, g.Length)}' in {text}");
            }
        }
        var precision = (double)tp / predicted;
        var recall = (double)tp / gold;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"redaction: {set.Count} sentences, {gold} gold spans; precision {precision:P1}, recall {recall:P1}, exact boundaries {(double)exact / gold:P1}"));
        foreach (var (kind, c) in perKind)
        {
            output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-13} tp {c[0],4} predicted {c[1],4} gold {c[2],4}"));
        }
        Assert.True(precision >= 0.9, $"precision {precision}");
        Assert.True(recall >= 0.9, $"recall {recall}");
    }

    [Fact]
    public void Redact_replaces_spans_with_labels()
    {
        var result = PersonalDataRedactor.Redact("Ông Nguyễn Văn Nam, SĐT 0912 345 678, email nam@example.vn.");
        Assert.Equal("Ông [họ tên], SĐT [số điện thoại], email [email].", result.Text);
        Assert.Equal([RedactionKind.PersonName, RedactionKind.Phone, RedactionKind.Email], result.Spans.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("Đèn đường từ số 120 đến số 160 đường Trần Phú tắt hết.")]
    [InlineData("Cổng trường THPT Nguyễn Huệ kẹt xe, vỉa hè đường Lê Lợi bị lấn chiếm.")]
    [InlineData("Người bán hàng ở chợ Bà Chiểu và dưới chân cầu Ông Lãnh bị thu tiền.")]
    [InlineData("Chủ tịch UBND phường Hòa Khánh Nam đã ký quyết định xử phạt.")]
    [InlineData("Ông Nguyễn Văn Tám, Chủ tịch UBND phường Hòa Khánh Nam, đã chỉ đạo kiểm tra.")]
    [InlineData("Quán karaoke ở số 45 đường Hùng Vương hát đến 2 giờ sáng.")]
    [InlineData("duong tran phu doan truoc cho han bi ngap nang")]
    [InlineData("ĐÈN ĐƯỜNG TỪ SỐ 5 ĐẾN SỐ 55 ĐƯỜNG NGUYỄN DU TẮT TỪ TUẦN TRƯỚC")]
    public void Public_places_the_problems_location_and_officials_in_office_are_kept(string text)
        => Assert.Empty(PersonalDataRedactor.Find(VietnameseNormalizer.Normalize(text)));

    [Theory]
    [InlineData("Nhà tôi ở số 12 ngõ 5 phố Hàng Bạc, phường Hàng Đào, bị ngập.", "Nhà tôi ở [địa chỉ], phường Hàng Đào, bị ngập.")]
    [InlineData("toi ten la le thi hoa, sdt 0905 111 222", "toi ten la [họ tên], sdt [số điện thoại]")]
    [InlineData("Liên hệ zalo 0905.111.222 hoặc +84 905 111 223", "Liên hệ zalo [số điện thoại] hoặc [số điện thoại]")]
    [InlineData("Số CCCD 001 203 004 567, thẻ BHYT GD4797912345678.", "Số CCCD [số CCCD], thẻ BHYT [số BHYT].")]
    [InlineData("ANH NGUYỄN VĂN HÙNG SĐT 0905 888 999 PHẢN ÁNH VỀ TIẾNG ỒN", "ANH [họ tên] SĐT [số điện thoại] PHẢN ÁNH VỀ TIẾNG ỒN")]
    [InlineData("Chị Lan bán xôi trước chợ Bà Chiểu, xe 43A-123.45 đậu chắn lối.", "Chị [họ tên] bán xôi trước chợ Bà Chiểu, xe [biển số] đậu chắn lối.")]
    [InlineData("Đ/c: 27/3 Lê Văn Sỹ, P.13, Q.3, TP.HCM", "Đ/c: [địa chỉ], P.13, Q.3, TP.HCM")]
    public void What_identifies_a_person_is_removed_without_overrunning(string text, string expected)
        => Assert.Equal(expected, PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(text)).Text);

    [Fact]
    public void Identifier_scope_keeps_names_and_places_and_removes_numbers()
    {
        var result = PersonalDataRedactor.Redact("Bà Nguyễn Thị Lan ở số 4 kiệt 7 Âu Cơ, sđt 0905 111 222, xe 43A-123.45.", RedactionScope.Identifiers);
        Assert.Equal("Bà Nguyễn Thị Lan ở số 4 kiệt 7 Âu Cơ, sđt [số điện thoại], xe 43A-123.45.", result.Text);
    }

    [Fact]
    public void Hostile_text_does_not_throw()
    {
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            _ = PersonalDataRedactor.Redact(HostileInputTests.RandomText(random, 80));
        }

        _ = PersonalDataRedactor.Redact(string.Concat(Enumerable.Repeat("ông Nguyễn Văn A gọi 0912345678 ", 50_000)));
    }
}
