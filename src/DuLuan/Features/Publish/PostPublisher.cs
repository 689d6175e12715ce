using DuLuan.Data;
using DuLuan.Features.Audit;
using DuLuan.Features.Publish.Channels;
using DuLuan.Infrastructure.Mail;
using DuLuan.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DuLuan.Features.Publish;

/// <summary>
/// Publishes one leased post: on the portal at the first attempt, then to each external channel still pending. Each
/// channel's outcome is saved as soon as it is known, so a channel that took the post is never sent it again; a
/// transient failure is retried with back-off up to a bound, a permanent one (or a rejected token) marks the post failed.
/// </summary>
public sealed class PostPublisher(AppDbContext db, IEnumerable<IChannelConnector> connectors, TokenVault vault, AuditLog audit, IMailSender mail, IOptions<PublishOptions> options, TimeProvider clock)
{
    public async Task<PostStatus?> RunAsync(long postId, string instance, CancellationToken ct)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == postId && p.LeaseOwner == instance && p.Status == PostStatus.Scheduled, ct);
        if (post is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        post.PublishedAt ??= now;
        var unitName = await db.Units.Where(u => u.Id == post.UnitId).Select(u => u.Name).SingleAsync(ct);
        var image = await db.PostImages.AsNoTracking().FirstOrDefaultAsync(i => i.PostId == post.Id, ct);
        var targets = await db.PostTargets.Where(t => t.PostId == post.Id && t.Status != TargetStatus.Published).ToListAsync(ct);
        var permanent = false;
        var transient = false;
        string? lastError = null;
        foreach (var target in targets)
        {
            var channel = await db.PublishChannels.SingleAsync(c => c.Id == target.ChannelId, ct);
            var result = await SendAsync(post, channel, image, unitName, ct);
            target.LastHttpStatus = result.HttpStatus;
            if (result.Ok)
            {
                target.Status = TargetStatus.Published;
                target.ExternalId = result.ExternalId;
                target.PublishedAt = clock.GetUtcNow().UtcDateTime;
                target.LastError = null;
            }
            else
            {
                target.LastError = Truncate(result.Message);
                lastError = $"{channel.Name}: {result.Message}";
                permanent |= !result.Retryable;
                transient |= result.Retryable;
                target.Status = result.Retryable ? TargetStatus.Pending : TargetStatus.Failed;
                if (result.TokenRejected)
                {
                    await MarkRedAsync(channel, post, result.Message ?? "token rejected", ct);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        post.Attempts++;
        post.LastError = Truncate(lastError);
        var settings = options.Value;
        if (!permanent && !transient)
        {
            post.Status = PostStatus.Published;
            post.NextAttemptAt = null;
        }
        else if (permanent || post.Attempts >= settings.MaxAttempts)
        {
            post.Status = PostStatus.Failed;
            post.NextAttemptAt = null;
            if (!permanent)
            {
                await db.PostTargets.Where(t => t.PostId == post.Id && t.Status == TargetStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TargetStatus.Failed), ct);
            }
        }
        else
        {
            var delay = TimeSpan.FromSeconds(settings.BackoffSeconds * Math.Pow(2, post.Attempts - 1));
            post.NextAttemptAt = clock.GetUtcNow().UtcDateTime + delay;
        }

        post.Version++;
        audit.Add(post.Status switch
        {
            PostStatus.Published => PostWorkflow.Actions.Published,
            PostStatus.Failed => PostWorkflow.Actions.Failed,
            _ => PostWorkflow.Actions.Scheduled,
        }, post.UnitId, PostWorkflow.Target(post.Id), lastError is null ? $"attempt {post.Attempts}" : $"attempt {post.Attempts}: {lastError}");
        await db.SaveChangesAsync(ct);
        return post.Status;
    }

    private async Task<ConnectorResult> SendAsync(Post post, PublishChannel channel, PostImage? image, string unitName, CancellationToken ct)
    {
        if (!channel.Active || !channel.Healthy)
        {
            return ConnectorResult.Error(null, channel.HealthMessage ?? "channel disabled", retryable: false);
        }

        var preview = ChannelLimits.For(channel.Kind, channel.Name, post, image?.Content.Length ?? 0, image is not null, unitName);
        if (preview.Checks.FirstOrDefault(c => !c.Ok) is { } broken)
        {
            return ConnectorResult.Error(null, $"{broken.Key} > {broken.Limit}", retryable: false);
        }

        var connector = connectors.Single(c => c.Kind == channel.Kind);
        var imageUrl = image is null ? null : $"{options.Value.PortalBaseUrl.TrimEnd('/')}/cong/anh/{image.Id}";
        var payload = new PostPayload(post.Title, post.BodyText, post.LinkUrl, image?.Content, image?.ContentType, imageUrl, unitName);
        string token;
        try
        {
            token = vault.Unprotect(channel.TokenProtected);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return ConnectorResult.Error(null, "stored token cannot be decrypted", retryable: false, tokenRejected: true);
        }

        return await connector.PublishAsync(channel, token, payload, ct);
    }

    /// <summary>The platform refused the token: the channel turns red with its message and the post's author is told.</summary>
    private async Task MarkRedAsync(PublishChannel channel, Post post, string message, CancellationToken ct)
    {
        channel.Healthy = false;
        channel.HealthMessage = Truncate(message);
        channel.HealthAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(PostWorkflow.Actions.ChannelRejected, channel.UnitId, "channel:" + channel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        var email = await db.Users.Where(u => u.Id == post.AuthorId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is not null && mail.IsEnabled)
        {
            // The author's language is not known: the mail says it in both.
            var subject = new Message("Publish.Mail.Rejected.Subject", channel.Name).Both();
            var rejected = new Message("Publish.Mail.Rejected.Body", channel.Name, message);
            var advice = new Message("Publish.Mail.Rejected.Advice", post.Title);
            var body = $"{rejected.Vietnamese}\n{advice.Vietnamese}\n\n{rejected.English}\n{advice.English}";
            await mail.SendAsync(email, subject, body, cancellationToken: ct);
        }
    }

    private static string? Truncate(string? value) => value is null || value.Length <= 1000 ? value : value[..1000];
}
