using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class DecoderTests
{
    private const string Expected = "Cộng hòa xã hội chủ nghĩa Việt Nam";
    private const string Tcvn3View = "Céng hßa x· héi chñ nghÜa ViÖt Nam";
    private const string VniView = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam";
    private const string Viqr = "Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam";

    private static byte[] Cp1258Bytes() =>
    [
        .. "C"u8, 0xF4, 0xF2, .. "ng ho"u8, 0xCC, .. "a xa"u8, 0xDE, .. " h"u8, 0xF4, 0xF2, .. "i chu"u8, 0xD2,
        .. " nghi"u8, 0xDE, .. "a Vi"u8, 0xEA, 0xF2, .. "t Nam"u8,
    ];

    [Fact]
    public void Detects_tcvn3_bytes() => AssertDetected(Encoding.Latin1.GetBytes(Tcvn3View), VietnameseEncoding.Tcvn3);

    [Fact]
    public void Detects_vni_bytes() => AssertDetected(Encoding.Latin1.GetBytes(VniView), VietnameseEncoding.Vni);

    [Fact]
    public void Detects_windows1258_bytes() => AssertDetected(Cp1258Bytes(), VietnameseEncoding.Windows1258);

    [Fact]
    public void Detects_viqr_bytes() => AssertDetected(Encoding.ASCII.GetBytes(Viqr), VietnameseEncoding.Viqr);

    [Fact]
    public void Detects_legacy_text_shown_as_latin1_inside_utf8() =>
        AssertDetected(Encoding.UTF8.GetBytes(Tcvn3View), VietnameseEncoding.Tcvn3);

    [Theory]
    [InlineData("Tôi là người Việt Nam, sinh ra ở Hà Nội.")]
    [InlineData("Tôi là ai")]
    [InlineData("Café crème à la française, naïve façade.")]
    [InlineData("Why? Because it's 5 p.m. now. Don't worry.")]
    [InlineData("Hello world")]
    [InlineData("中文 ภาษาไทย ភាសាខ្មែរ Tiếng Việt")]
    public void Never_mangles_unicode_text(string text)
    {
        var decoded = VietnameseDecoder.Decode(Encoding.UTF8.GetBytes(text), out var detected);
        Assert.Equal(text, decoded);
        Assert.Equal(VietnameseEncoding.Unicode, detected);
    }

    [Fact]
    public void Latin1_french_bytes_are_not_taken_for_vietnamese()
    {
        var decoded = VietnameseDecoder.Decode(Encoding.Latin1.GetBytes("Café crème à la française"), out var detected);
        Assert.Equal("Café crème à la française", decoded);
        Assert.Equal(VietnameseEncoding.Unknown, detected);
    }

    [Theory]
    [InlineData(VietnameseEncoding.Tcvn3, Tcvn3View)]
    [InlineData(VietnameseEncoding.Vni, VniView)]
    [InlineData(VietnameseEncoding.Viqr, Viqr)]
    public void Converts_when_encoding_is_given(VietnameseEncoding encoding, string legacy) =>
        Assert.Equal(Expected, VietnameseDecoder.Convert(legacy, encoding));

    [Fact]
    public void Viqr_keeps_punctuation()
    {
        Assert.Equal("Bạn đi đâu? Tôi về nhà.", VietnameseDecoder.Convert("Ba.n ddi dda^u? To^i ve^` nha`.", VietnameseEncoding.Viqr));
    }

    [Fact]
    public void Hostile_bytes_do_not_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(64)];
            random.NextBytes(bytes);
            _ = VietnameseDecoder.Decode(bytes, out _);
            foreach (var e in Enum.GetValues<VietnameseEncoding>())
            {
                _ = VietnameseDecoder.Decode(bytes, e);
            }
        }
    }

    private static void AssertDetected(byte[] bytes, VietnameseEncoding encoding)
    {
        var decoded = VietnameseDecoder.Decode(bytes, out var detected);
        Assert.Equal(Expected, decoded);
        Assert.Equal(encoding, detected);
    }
}
