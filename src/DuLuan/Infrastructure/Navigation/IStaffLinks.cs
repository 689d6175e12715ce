namespace DuLuan.Infrastructure.Navigation;

/// <summary>One entry of the top navigation: where it leads and its label (a string key).</summary>
public sealed record NavigationLink(string Href, string LabelKey);

/// <summary>
/// The links of the staff layout's top navigation for the signed-in member, so the layout every page shares stands on
/// the kernel's interface rather than on the feature that decides which areas a member may open (Members).
/// </summary>
public interface IStaffLinks
{
    Task<IReadOnlyList<NavigationLink>> LinksAsync(CancellationToken cancellationToken = default);
}
