using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Members;
using DuLuan.Tests.Infrastructure;

namespace DuLuan.Tests.Surveys;

public sealed class TextGroupTests
{
    [Theory, Providers]
    public async Task Similar_free_text_answers_are_grouped_with_counts_small_groups_hidden_and_personal_data_redacted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.AddMemberAsync("viewer@48.vn", app.Tree.ProvinceA, Role.Viewer);
        var id = await SurveyKit.PublishedAsync(app);
        var notes = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            notes.Add("Thủ tục cấp sổ đỏ đất đai quá chậm, phải chờ rất lâu mới xong hồ sơ" + (i == 0 ? ", gọi tôi 0905123456" : i % 2 == 0 ? " ạ" : string.Empty));
        }

        notes.AddRange(["Cần thêm chỗ đỗ xe ở bộ phận một cửa", "Nhân viên hướng dẫn nhiệt tình", "Trang web hay bị lỗi khi tải tệp"]);
        var answers = notes.Select((n, i) => (object)SurveyKit.Answers(i % 2 == 0 ? app.Tree.CommuneA1.Id : app.Tree.CommuneA2.Id, "no", ("q_note", n))).ToArray();
        using (var client = app.Client())
        using (var sent = await SurveyKit.SubmitAsync(client, id, SurveyKit.Batch(SurveyKit.Key(), answers)))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        using var staff = app.Client();
        await staff.SignInOkAsync("viewer@48.vn");
        var report = await SurveyKit.JsonAsync(await staff.GetAsync($"/api/surveys/{id}/results"));
        var note = report.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "q_note");
        Assert.Equal(10, note.GetProperty("answered").GetInt32());
        var groups = note.GetProperty("textGroups");
        Assert.Equal(10, groups.GetProperty("read").GetInt32());
        Assert.Equal(3, groups.GetProperty("hidden").GetInt32());
        var group = Assert.Single(groups.GetProperty("groups").EnumerateArray());
        Assert.Equal(7, group.GetProperty("count").GetInt32());
        var examples = group.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.InRange(examples.Count, 1, 3);
        Assert.All(examples, e => Assert.Contains("đất đai quá chậm", e, StringComparison.Ordinal));
        Assert.DoesNotContain(examples, e => e.Contains("0905123456", StringComparison.Ordinal));
        Assert.DoesNotContain("chỗ đỗ xe", await staff.GetStringAsync($"/Surveys/Results?id={id}"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("questions")[1].GetProperty("textGroups").ValueKind);
    }
}
