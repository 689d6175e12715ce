using DuLuan.Data;
using DuLuan.Features.Publish.Channels;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Features.Publish;

/// <summary>Each platform's limits, checked before anything is sent: a post over a limit is refused, naming the limit.</summary>
public sealed class ChannelLimits(AppDbContext db)
{
    /// <summary>One limit as shown in the preview: its name, the allowed maximum and the post's value.</summary>
    public sealed record Check(string Key, int Limit, int Actual)
    {
        public bool Ok => Actual <= Limit;
    }

    public sealed record Preview(string Channel, string Text, IReadOnlyList<Check> Checks)
    {
        public bool Ok => Checks.All(c => c.Ok);
    }

    public static Preview For(ChannelKind kind, string channelName, Post post, int imageBytes, bool hasImage, string author) => kind switch
    {
        ChannelKind.Facebook => new Preview(channelName, post.Title + "\n\n" + post.BodyText,
        [
            new Check("Publish.Limit.FacebookMessage", FacebookConnector.MaxMessage, post.Title.Length + 2 + post.BodyText.Length),
            new Check("Publish.Limit.FacebookImage", FacebookConnector.MaxImageBytes, imageBytes),
        ]),
        _ => new Preview(channelName, post.Title + "\n\n" + ZaloConnector.Description(post.BodyText),
        [
            new Check("Publish.Limit.ZaloTitle", ZaloConnector.MaxTitle, post.Title.Length),
            new Check("Publish.Limit.ZaloAuthor", ZaloConnector.MaxAuthor, author.Length),
            new Check("Publish.Limit.ZaloCover", 1, hasImage ? 1 : 2),
        ]),
    };

    public async Task<List<Preview>> PreviewsAsync(Post post, CancellationToken ct)
    {
        var channels = await db.PostTargets.AsNoTracking().Where(t => t.PostId == post.Id)
            .Join(db.PublishChannels.AsNoTracking(), t => t.ChannelId, c => c.Id, (t, c) => c).ToListAsync(ct);
        var imageBytes = await db.PostImages.Where(i => i.PostId == post.Id).Select(i => (int?)i.Content.Length).FirstOrDefaultAsync(ct);
        var author = await db.Units.Where(u => u.Id == post.UnitId).Select(u => u.Name).SingleAsync(ct);
        return channels.Select(c => For(c.Kind, c.Name, post, imageBytes ?? 0, imageBytes is not null, author)).ToList();
    }

    /// <summary>The first limit the post breaks on one of its channels, or null.</summary>
    public async Task<StepResult?> CheckAsync(Post post, CancellationToken ct)
    {
        foreach (var preview in await PreviewsAsync(post, ct))
        {
            var broken = preview.Checks.FirstOrDefault(c => !c.Ok);
            if (broken is not null)
            {
                return StepResult.Refused("Publish.Error.Limit", preview.Channel, broken.Key, broken.Limit, broken.Actual);
            }
        }

        return null;
    }
}
