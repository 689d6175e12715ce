namespace DuLuan.Analysis.Text;

/// <summary>One searched word or "quoted phrase" as folded tokens (a word like "covid-19" is the phrase "covid 19").</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Tokens)
{
    public string Text => string.Join(' ', Tokens);

    public bool Equals(SearchPhrase? other) => other is not null && Tokens.SequenceEqual(other.Tokens, StringComparer.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;
}
