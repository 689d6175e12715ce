using DuLuan.Analysis.Text;

namespace DuLuan.Analysis.Tests.Text;

/// <summary>A line as the redactor leaves it: rules and model, or the rules alone (the model's input).</summary>
internal static class RedactedText
{
    internal static string Redact(string text) => PersonalDataRedactor.Redact(VietnameseNormalizer.Normalize(text)).Text;

    internal static string RulesOnly(string text)
    {
        var normal = VietnameseNormalizer.Normalize(text);
        return PersonalDataRedactor.Labelled(normal, PersonalDataRedactor.Find(normal, RedactionScope.Public, null));
    }
}
