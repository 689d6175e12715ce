namespace DuLuan.Analysis.Text;

/// <summary>A search box entry that cannot be searched: where (0-based character position) and why, in Vietnamese and English.</summary>
public sealed class SearchQueryException : FormatException
{
    public SearchQueryException(int position, string reasonVi, string reasonEn)
        : base($"Vị trí {position + 1}: {reasonVi} / Position {position + 1}: {reasonEn}")
    {
        Position = position;
        ReasonVi = reasonVi;
        ReasonEn = reasonEn;
    }

    public SearchQueryException()
        : this(0, "không tìm được", "cannot search")
    {
    }

    public SearchQueryException(string message)
        : base(message)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public SearchQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        ReasonVi = message;
        ReasonEn = message;
    }

    public int Position { get; }

    public string ReasonVi { get; }

    public string ReasonEn { get; }
}
