namespace DuLuan.Features.Concerns.Intake;

/// <summary>
/// The fields a resident may file a concern under (a simple list for now; the daily-desk issue will replace it).
/// Each key has its text in the resources as "Concerns.Category.{key}".
/// </summary>
public static class ConcernCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "dat-dai", "moi-truong", "trat-tu-do-thi", "giao-thong", "xay-dung", "dien", "nuoc", "y-te", "giao-duc",
        "an-sinh-xa-hoi", "thu-tuc-hanh-chinh", "an-ninh-trat-tu", "khac",
    ];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key, StringComparer.Ordinal);
}
