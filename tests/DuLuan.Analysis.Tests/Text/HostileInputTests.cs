using System.Text;
using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class HostileInputTests
{
    private const string Alphabet =
        "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐbcdghklmnqrstvx àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ" +
        "ÀÁẢÃẠÈÉÌÍÒÓÙÚỲÝ.,;:!?\"'()-0123456789\t\n";

    private static readonly char[] Specials =
    [
        '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B', '\u200B', '\u200D', '\uFEFF',
        '\u00A0', '\u2013', '\u201C', '\u00D0', '\0', '\uD800', '\uDC00', '\uFFFF', '\u1100', '\u1161', '\uAC00',
        '\u11A8', '\u0E01', '\u0E48', '\u1780', '\u17B6', '\u4E2D', '\u0958', '\u2126', '\u212B', '\u0344', '\u00C5',
        '\u09C7', '\u09BE', '\u3099', '\u304B',
    ];

    internal static string RandomText(Random random, int maxLength)
    {
        var length = random.Next(maxLength);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var roll = random.Next(100);
            sb.Append(roll switch
            {
                < 70 => Alphabet[random.Next(Alphabet.Length)],
                < 90 => Specials[random.Next(Specials.Length)],
                _ => (char)random.Next(0x20, 0xFFFF),
            });
        }
        return sb.ToString();
    }

    [Fact]
    public void Normalize_is_idempotent_and_fold_is_invariant_on_random_strings()
    {
        var random = new Random(20261122);
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            var x = RandomText(random, 40);
            foreach (var style in new[] { ToneMarkStyle.New, ToneMarkStyle.Old })
            {
                var once = VietnameseNormalizer.Normalize(x, style);
                var twice = VietnameseNormalizer.Normalize(once, style);
                Assert.True(string.Equals(once, twice, StringComparison.Ordinal), $"not idempotent: {Escape(x)} -> {Escape(once)} -> {Escape(twice)}");
                var a = VietnameseFold.Fold(once);
                var b = VietnameseFold.Fold(x);
                Assert.True(string.Equals(a, b, StringComparison.Ordinal), $"fold changed: {Escape(x)} -> {Escape(once)}: {Escape(b)} vs {Escape(a)}");
            }
        }
    }

    [Fact]
    public void Huge_lines_and_mark_floods_do_not_throw()
    {
        var line = string.Concat(Enumerable.Repeat("Người dân xã Hoà Bình phản ánh việc lấn chiếm. ", 220_000));
        Assert.True(line.Length > 10_000_000);
        Assert.Equal(line.Length - 220_000 * 0, VietnameseNormalizer.Normalize(line).Length);
        var flood = "a" + new string('\u0301', 100_000) + new string('\u0323', 100_000) + "b";
        var normal = VietnameseNormalizer.Normalize(flood);
        Assert.True(normal.Length < 40);
        Assert.Equal("ab", VietnameseFold.Fold(flood));
    }

    internal static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c is >= ' ' and < '\u007F')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
