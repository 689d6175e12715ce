using System.Net;
using DuLuan.Data;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Claims.ClaimsFixture;

namespace DuLuan.Tests.Trust;

/// <summary>
/// A published rebuttal speaks for the office, and so do the documents it shows the public. An editor who adds a public
/// evidence item to a published rebuttal cannot put it on the portal alone: the rebuttal is withdrawn for review and
/// comes back, with the new item, only when a lead approves it again. Internal evidence (not public) changes nothing
/// the public sees, so the rebuttal stays published (the legitimate path).
/// </summary>
public sealed class RebuttalEvidenceApprovalTests
{
    private const string Secret = "Tài liệu chưa được duyệt";

    [Theory, Providers]
    public async Task Public_evidence_added_to_a_published_rebuttal_waits_for_approval(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var editor = await EditorAsync(app, app.Tree.ProvinceA);
        var id = await PublishedClaimAsync(app, editor, app.Tree.ProvinceA.Id);
        using var anonymous = app.Client();
        var page = $"/cong/48/kiem-chung/{S(id)}";
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(page)).StatusCode);

        // Internal evidence: the public page is unchanged and stays up.
        using (var internalOnly = await PostAsync(editor, id, "Evidence", Evidence("Biên bản nội bộ", isPublic: false)))
        {
            Assert.Equal(HttpStatusCode.Redirect, internalOnly.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(page)).StatusCode);

        // Public evidence: withdrawn for review, nothing new reaches the public, and asking to publish again is not enough.
        using (var added = await PostAsync(editor, id, "Evidence", Evidence(Secret, isPublic: true)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var claim = await app.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(claim.PublishedAt);
        Assert.NotNull(claim.ReviewRequestedAt);
        using (var hidden = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.DoesNotContain(Secret, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var again = await PostAsync(editor, id, "Publish", new Dictionary<string, string> { ["publish"] = "true", ["version"] = S(await VersionAsync(app, id)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(page)).StatusCode);

        // A lead approves the rebuttal with its new evidence: it is public again, evidence included.
        var approver = await ApproverAsync(app);
        using (var approved = await PostAsync(approver, id, "Approve", new Dictionary<string, string> { ["version"] = S(await VersionAsync(app, id)) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        using var shown = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(Secret, await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Evidence(string title, bool isPublic)
    {
        var fields = new Dictionary<string, string>
        {
            ["evidenceKind"] = "Link",
            ["evidenceTitle"] = title,
            ["evidenceUrl"] = "https://example.vn/cong-van",
            ["evidenceNote"] = string.Empty,
        };
        if (isPublic)
        {
            fields["evidencePublic"] = "true";
        }

        return fields;
    }
}
