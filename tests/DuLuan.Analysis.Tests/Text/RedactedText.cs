using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>A line as the redactor leaves it: rules and model, or the rules alone (the model's input).</summary>
internal static class RedactedText
{
    internal static string Redact(string text) => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(text)).Text;

    internal static string RulesOnly(string text)
    {
        var normal = VietnameseNormalizer.Normalize(text);
        var spans = PersonalDataRedactor.Find(normal, RedactionScope.Public, null);
        var at = 0;
        var sb = new System.Text.StringBuilder();
        foreach (var span in spans)
        {
            sb.Append(normal, at, span.Start - at).Append(PersonalDataRedactor.LabelOf(span.Kind));
            at = span.End;
        }
        return sb.Append(normal, at, normal.Length - at).ToString();
    }
}
