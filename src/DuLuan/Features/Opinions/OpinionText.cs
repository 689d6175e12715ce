using DuLuan.Analysis.Text;
using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Opinions;

/// <summary>Free text of a stream as it may be stored: markup dropped, NFC, personal data replaced by labels.</summary>
public static class OpinionText
{
    public sealed record Cleaned(string Text, IReadOnlyList<RedactionKind> Removed);

    public static Cleaned Clean(string text)
    {
        var result = PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(TypedText.StripHtml(text)));
        return new Cleaned(result.Text, result.Spans.Select(s => s.Kind).ToList());
    }

    /// <summary>A topic name: plain, NFC, single-spaced, personal data redacted (a topic never names a person).</summary>
    public static string TopicName(string name) => Clean(name).Text.Replace('\n', ' ');

    public static string Fold(string name) => VietnameseFold.Fold(name);

    public static string? Describe(IEnumerable<RedactionKind> kinds)
    {
        var list = kinds.Distinct().Order().Select(k => k.ToString()).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }
}
