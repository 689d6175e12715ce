namespace DuLuan.Analysis.Text;

/// <summary>A watch-topic rule or a search-box query that cannot be read: where (0-based character position) and why, in Vietnamese and English.</summary>
public sealed class TextSyntaxException : FormatException
{
    public TextSyntaxException(int position, string reasonVi, string reasonEn)
        : base($"Vị trí {position + 1}: {reasonVi} / Position {position + 1}: {reasonEn}")
    {
        Position = position;
        ReasonVi = reasonVi;
        ReasonEn = reasonEn;
    }

    public TextSyntaxException()
        : this(0, "lỗi cú pháp", "syntax error")
    {
    }

    public TextSyntaxException(string message)
        : base(message)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public TextSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public int Position { get; }

    public string ReasonVi { get; }

    public string ReasonEn { get; }
}
