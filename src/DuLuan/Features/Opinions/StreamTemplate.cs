namespace DuLuan.Features.Opinions;

public static class StreamTemplate
{
    /// <summary>Index written into the template's field names; wwwroot/js/opinions.js replaces it when it adds a stream.</summary>
    public const string Placeholder = "__i__";
}
