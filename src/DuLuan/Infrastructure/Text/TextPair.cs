namespace DuLuan.Infrastructure.Text;

/// <summary>Text already in both languages (a check that reports Vietnamese and English), as a <see cref="Message"/> argument.</summary>
public sealed record TextPair(string Vietnamese, string English) : ILanguageText
{
    public string In(string language) => language == "en" ? English : Vietnamese;
}
