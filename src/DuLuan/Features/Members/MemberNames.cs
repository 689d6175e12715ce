using DuLuan.Data;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Members;

/// <summary>
/// Members' display names by id, so a page names a person (approval lines, comments, history) instead of the e-mail
/// that older rows stored. An id that no longer exists is simply absent.
/// </summary>
public sealed class MemberNames(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(IEnumerable<string?> memberIds, CancellationToken cancellationToken = default)
    {
        var ids = memberIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
            foreach (var member in found)
            {
                names[member.Id] = member.DisplayName;
            }
        }

        return names;
    }
}
