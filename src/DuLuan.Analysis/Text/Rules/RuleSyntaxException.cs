namespace DuLuan.Analysis.Text;

/// <summary>A watch-topic expression that does not parse: where (0-based character position) and why, in Vietnamese and English.</summary>
public sealed class RuleSyntaxException : FormatException
{
    public RuleSyntaxException(int position, string reasonVi, string reasonEn)
        : base($"Vị trí {position + 1}: {reasonVi} / Position {position + 1}: {reasonEn}")
    {
        Position = position;
        ReasonVi = reasonVi;
        ReasonEn = reasonEn;
    }

    public RuleSyntaxException()
        : this(0, "lỗi cú pháp", "syntax error")
    {
    }

    public RuleSyntaxException(string message)
        : base(message)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public RuleSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public int Position { get; }

    public string ReasonVi { get; }

    public string ReasonEn { get; }
}
