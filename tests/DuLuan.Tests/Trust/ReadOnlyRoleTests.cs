using System.Net;
using System.Net.Http.Headers;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Cases.RespondFixture;

namespace DuLuan.Tests.Trust;

/// <summary>
/// Issue #16 items 6 and 9: a viewer and a collaborator change no case, and a collaborator (who files opinion
/// reports) sees no resident's concern, no case and no member list; the viewer, office staff, still reads them.
/// </summary>
public sealed class ReadOnlyRoleTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Theory, Providers]
    public async Task Viewer_and_collaborator_cannot_attach_a_file_to_a_case_they_can_reach(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, null);
        foreach (var role in RoleTable.ReadOnly)
        {
            using var client = await RoleClients.SignInAsync(app, role);
            var token = await AccessMatrixTests.AntiforgeryTokenAsync(client);
            using var upload = await UploadAsync(client, token, item.Id);
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.CaseAttachments.CountAsync()));

        using var editor = await RoleClients.SignInAsync(app, Role.Editor);
        using (var upload = await UploadAsync(editor, await AccessMatrixTests.AntiforgeryTokenAsync(editor), item.Id))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var stored = await app.WithDbAsync(db => db.CaseAttachments.SingleAsync());
        using var viewer = await RoleClients.SignInAsync(app, Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/Cases/Attachments?id={stored.Id}")).StatusCode);
        using var collaborator = await RoleClients.SignInAsync(app, Role.Collaborator);
        Assert.Equal(HttpStatusCode.NotFound, (await collaborator.GetAsync($"/Cases/Attachments?id={stored.Id}")).StatusCode);
    }

    [Theory, Providers]
    public async Task A_collaborator_sees_no_concern_case_or_member_list_where_a_viewer_does(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string concernTitle = "Nước sinh hoạt đục kéo dài ở tổ 5";
        const string caseTitle = "Đèn đường hỏng ở thôn Phú Sơn";
        const string colleague = "dong-nghiep-a1@trust.example.vn";
        var item = await AddCaseAsync(app, app.Tree.CommuneA1.Id, null, caseTitle);
        var concernId = await app.WithDbAsync(async db =>
        {
            var concern = new Concern { UnitId = app.Tree.CommuneA1.Id, Title = concernTitle, Description = Cases.RespondFixture.Text, Source = ConcernSource.Portal, Status = ConcernStatus.New, DedupKey = "ro-1", ReceivedAt = DateTime.UtcNow };
            db.Concerns.Add(concern);
            await db.SaveChangesAsync();
            return concern.Id;
        });
        var member = await app.AddMemberAsync(colleague, app.Tree.CommuneA1, Role.Editor);

        using var collaborator = await RoleClients.SignInAsync(app, Role.Collaborator);
        Assert.DoesNotContain(concernTitle, await collaborator.GetStringAsync("/Concerns"), StringComparison.Ordinal);
        Assert.DoesNotContain(caseTitle, await collaborator.GetStringAsync("/Cases"), StringComparison.Ordinal);
        Assert.DoesNotContain(colleague, await collaborator.GetStringAsync("/Members"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await collaborator.GetAsync($"/Concerns/Details?id={concernId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await collaborator.GetAsync($"/Cases/Details?id={item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await collaborator.GetAsync($"/Members/Details?id={member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await collaborator.GetAsync("/Opinions")).StatusCode);

        using var viewer = await RoleClients.SignInAsync(app, Role.Viewer);
        Assert.Contains(concernTitle, await viewer.GetStringAsync("/Concerns"), StringComparison.Ordinal);
        Assert.Contains(caseTitle, await viewer.GetStringAsync("/Cases"), StringComparison.Ordinal);
        Assert.Contains(colleague, await viewer.GetStringAsync("/Members"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/Concerns/Details?id={concernId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/Cases/Details?id={item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/Members/Details?id={member.Id}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestClient client, string token, long caseId)
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "cong-van.pdf");
        return await client.Http.PostAsync($"/Cases/Attachments?caseId={caseId}&from=Details", form);
    }
}
