using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

public class KeyphraseTests
{
    [Fact]
    public void Finds_what_is_new_in_the_window()
    {
        var background = Enumerable.Range(0, 50).Select(i => $"Giá lúa ổn định, người dân thu hoạch vụ mùa số {i}.").ToList();
        var window = background.Take(20).Concat(Enumerable.Range(0, 10).Select(_ => "Sạt lở đất nghiêm trọng ở xã miền núi, người dân sơ tán.")).ToList();
        var phrases = KeyphraseExtractor.Extract(window, background, top: 30);
        Assert.Contains(phrases, p => p.Phrase.Contains("sat lo", StringComparison.Ordinal));
        Assert.DoesNotContain(phrases, p => p.Phrase.Contains("gia lua", StringComparison.Ordinal));
    }
}
