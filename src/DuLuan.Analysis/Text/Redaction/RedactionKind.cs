namespace DuLuan.Analysis.Text;

public enum RedactionKind
{
    Phone,
    CitizenId,
    OldId,
    Email,
    BankAccount,
    LicencePlate,
    Address,
    PersonName,
}

/// <summary>A span of personal data found in text: offsets into the text given, and what it is.</summary>
public readonly record struct RedactionSpan(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}

public sealed record RedactionResult(string Text, IReadOnlyList<RedactionSpan> Spans);
