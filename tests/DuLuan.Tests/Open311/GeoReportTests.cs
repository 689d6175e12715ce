using System.Globalization;
using System.Net;
using System.Text.Json;
using DuLuan.Data;
using DuLuan.Features.Concerns.Cases;
using DuLuan.Features.Concerns.Intake;
using DuLuan.Features.Concerns.Open311;
using DuLuan.Features.Members;
using DuLuan.Tests.Cases;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DuLuan.Tests.Open311.GeoReportSchema;

namespace DuLuan.Tests.Open311;

public sealed class GeoReportTests
{
    private const string Base = "/open311/v2";

    private static async Task<(HttpStatusCode Status, string Body, string? Type)> GetAsync(TestClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestClient client, string format, Dictionary<string, string> fields)
    {
        using var response = await client.Http.PostAsync($"{Base}/requests.{format}", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertError(string body, int code, string field)
    {
        var error = Assert.Single(AssertArrayOf(body, GeoReportSchema.Error));
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(field, error.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Discovery_and_services_match_the_spec_in_json_and_xml_and_refuse_bad_jurisdictions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.Client();

        var discovery = await GetAsync(client, $"{Base}/discovery.json");
        Assert.Equal(HttpStatusCode.OK, discovery.Status);
        using (var document = JsonDocument.Parse(discovery.Body))
        {
            AssertObject(document.RootElement, GeoReportSchema.Discovery);
            foreach (var endpoint in document.RootElement.GetProperty("endpoints").EnumerateArray())
            {
                AssertObject(endpoint, EndpointMembers);
            }
        }

        var discoveryXml = System.Xml.Linq.XDocument.Parse((await GetAsync(client, $"{Base}/discovery.xml")).Body);
        Assert.Equal("discovery", discoveryXml.Root!.Name.LocalName);
        Assert.Equal(["application/json", "text/xml"], discoveryXml.Descendants("format").Select(e => e.Value));

        var services = await GetAsync(client, $"{Base}/services.json?jurisdiction_id=48");
        Assert.Equal("application/json", services.Type);
        // One service per category of the province's list (13 by default), each under the spec's contract.
        var listed = AssertArrayOf(services.Body, Service);
        Assert.Equal(13, listed.Count);
        var traffic = Assert.Single(listed, s => s.GetProperty("service_code").GetString() == "giao-thong");
        Assert.Equal("Giao thông", traffic.GetProperty("service_name").GetString());
        Assert.Contains("Traffic and roads", traffic.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(listed, s => s.GetProperty("service_code").GetString() == GeoReportRequests.ServiceCode);
        var servicesXml = await GetAsync(client, $"{Base}/services.xml?jurisdiction_id=20200");
        Assert.Equal("text/xml", servicesXml.Type);
        Assert.Equal(13, AssertXml(servicesXml.Body, "services", "service", Service).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"{Base}/services/phan-anh.json?jurisdiction_id=48")).Status);

        var definition = await GetAsync(client, $"{Base}/services/{GeoReportRequests.ServiceCode}.json?jurisdiction_id=48");
        using (var document = JsonDocument.Parse(definition.Body))
        {
            AssertObject(document.RootElement, ServiceDefinition);
        }

        Assert.Equal("service_definition", System.Xml.Linq.XDocument.Parse((await GetAsync(client, $"{Base}/services/{GeoReportRequests.ServiceCode}.xml?jurisdiction_id=48")).Body).Root!.Name.LocalName);

        // The spec's GET Service List errors: 400 when jurisdiction_id is not given, 404 when it is not found.
        foreach (var missing in new[] { $"{Base}/services.json", $"{Base}/services.json?jurisdiction_id=", $"{Base}/requests.json", $"{Base}/services/{GeoReportRequests.ServiceCode}.json" })
        {
            var none = await GetAsync(client, missing);
            Assert.True(none.Status == HttpStatusCode.BadRequest, $"{missing}: {none.Status}");
            AssertError(none.Body, 400, "jurisdiction_id");
        }

        foreach (var jurisdiction in new[] { "99999", "' OR 1=1 --", new string('4', 5000), "%00", "<x>" })
        {
            var bad = await GetAsync(client, $"{Base}/services.json?jurisdiction_id={Uri.EscapeDataString(jurisdiction)}");
            Assert.Equal(HttpStatusCode.NotFound, bad.Status);
            AssertError(bad.Body, 404, "jurisdiction_id");
        }

        var badXml = await GetAsync(client, $"{Base}/services.xml?jurisdiction_id=nowhere");
        Assert.Single(AssertXml(badXml.Body, "errors", "error", GeoReportSchema.Error));
        var badService = await GetAsync(client, $"{Base}/services/khong-co.json?jurisdiction_id=48");
        Assert.Equal(HttpStatusCode.NotFound, badService.Status);
        AssertError(badService.Body, 404, "service_code");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"{Base}/services.html?jurisdiction_id=48")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"{Base}/services.JSON?jurisdiction_id=48")).Status);
    }

    [Theory, Providers]
    public async Task Requests_map_status_honestly_stay_in_their_jurisdiction_and_carry_no_personal_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var agency = await RespondFixture.AddAgencyAsync(app, app.Tree.ProvinceA, "Sở Xây dựng Đà Nẵng");
        var open = await RespondFixture.AddCaseAsync(app, app.Tree.CommuneA1.Id, agency.Id, "Đèn đường hỏng");
        var answered = await RespondFixture.AddCaseAsync(app, app.Tree.CommuneA2.Id, agency.Id, "Ổ gà", CaseStatus.Answered);
        var rejected = await RespondFixture.AddCaseAsync(app, app.Tree.CommuneA1.Id, null, "Không thuộc thẩm quyền", CaseStatus.Rejected);
        var hanoi = await RespondFixture.AddCaseAsync(app, app.Tree.CommuneB1.Id, null, "Vụ việc Hà Nội");
        await app.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == answered.Id)).Answer = "Đã vá ổ gà trong tuần.";
            db.CaseEvents.Add(new CaseEvent { CaseId = rejected.Id, At = DateTime.UtcNow, Status = CaseStatus.Rejected, Note = "Thuộc thẩm quyền của toà án." });
            db.CaseNotes.Add(new CaseNote { CaseId = open.Id, At = DateTime.UtcNow, Text = "Ghi chú nội bộ bí mật" });
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(async s =>
        {
            var intake = await s.GetRequiredService<ConcernIntake>().SubmitAsync(new ConcernDraft(app.Tree.CommuneA1.Id, "Đèn đường hỏng", RespondFixture.Text, new Contact("dan@example.vn", "0905123456"), ConcernSource.Portal));
            var db = s.GetRequiredService<AppDbContext>();
            (await db.Concerns.SingleAsync(c => c.Id == intake.ConcernId)).CaseId = open.Id;
            return await db.SaveChangesAsync();
        });
        using var client = app.Client();

        var all = await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=48");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var items = AssertArrayOf(all.Body, GeoReportSchema.Request);
        // service_request_id is the case's random public reference, never its sequential id.
        Assert.Equal(new[] { open.PublicRef, answered.PublicRef, rejected.PublicRef }.Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("service_request_id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.DoesNotMatch("^[0-9]+$", i.GetProperty("service_request_id").GetString()!));
        JsonElement Item(long id) => items.Single(i => i.GetProperty("service_request_id").GetString() == new[] { open, answered, rejected }.Single(c => c.Id == id).PublicRef);
        Assert.Equal("open", Item(open.Id).GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, Item(open.Id).GetProperty("status_notes").ValueKind);
        Assert.Equal("closed", Item(answered.Id).GetProperty("status").GetString());
        Assert.Equal("Đã vá ổ gà trong tuần.", Item(answered.Id).GetProperty("status_notes").GetString());
        Assert.Equal("answered", Item(answered.Id).GetProperty("duluan_status").GetString());
        Assert.Equal("closed", Item(rejected.Id).GetProperty("status").GetString());
        Assert.Equal("Thuộc thẩm quyền của toà án.", Item(rejected.Id).GetProperty("status_notes").GetString());
        Assert.Equal("Sở Xây dựng Đà Nẵng", Item(open.Id).GetProperty("agency_responsible").GetString());
        Assert.Equal("20200", Item(open.Id).GetProperty("address_id").GetString());
        foreach (var secret in new[] { "dan@example.vn", "0905123456", "Ghi chú nội bộ", "Hà Nội" })
        {
            Assert.DoesNotContain(secret, all.Body, StringComparison.Ordinal);
        }

        var xml = await GetAsync(client, $"{Base}/requests.xml?jurisdiction_id=48");
        Assert.Equal(3, AssertXml(xml.Body, "service_requests", "request", GeoReportSchema.Request).Count);
        Assert.Single(AssertArrayOf((await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=20194")).Body, GeoReportSchema.Request));
        Assert.Single(AssertArrayOf((await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=48&status=open")).Body, GeoReportSchema.Request));
        Assert.Equal(2, AssertArrayOf((await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=48&status=closed")).Body, GeoReportSchema.Request).Count);
        Assert.Equal(2, AssertArrayOf((await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=48&service_request_id={open.PublicRef},{answered.PublicRef},{hanoi.PublicRef}")).Body, GeoReportSchema.Request).Count);
        Assert.Empty(AssertArrayOf((await GetAsync(client, $"{Base}/requests.json?jurisdiction_id=48&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z")).Body, GeoReportSchema.Request));

        var one = await GetAsync(client, $"{Base}/requests/{answered.PublicRef}.json?jurisdiction_id=48");
        Assert.Single(AssertArrayOf(one.Body, GeoReportSchema.Request));
        Assert.Single(AssertXml((await GetAsync(client, $"{Base}/requests/{answered.PublicRef}.xml?jurisdiction_id=48")).Body, "service_requests", "request", GeoReportSchema.Request));

        var hostile = new (string Query, HttpStatusCode Status, string Field)[]
        {
            ($"/requests/{hanoi.PublicRef}.json?jurisdiction_id=48", HttpStatusCode.NotFound, "no such"),
            ($"/requests/{answered.Id}.json?jurisdiction_id=48", HttpStatusCode.NotFound, "no such"),
            ("/requests/abc.json?jurisdiction_id=48", HttpStatusCode.NotFound, "no such"),
            ("/requests/99999999999999999999.json?jurisdiction_id=48", HttpStatusCode.NotFound, "no such"),
            ($"/requests/{open.PublicRef}.json", HttpStatusCode.BadRequest, "jurisdiction_id"),
            ($"/requests.json?jurisdiction_id=48&service_request_id={open.PublicRef},abc", HttpStatusCode.BadRequest, "service_request_id"),
            ($"/requests.json?jurisdiction_id=48&service_request_id={answered.Id}", HttpStatusCode.BadRequest, "service_request_id"),
            ("/requests.json?jurisdiction_id=48&service_request_id=" + string.Join(',', Enumerable.Range(0, 101).Select(_ => open.PublicRef)), HttpStatusCode.BadRequest, "service_request_id"),
            ("/requests.json?jurisdiction_id=48&service_request_id=-1", HttpStatusCode.BadRequest, "service_request_id"),
            ("/requests.json?jurisdiction_id=48&start_date=hom-qua", HttpStatusCode.BadRequest, "start_date"),
            ("/requests.json?jurisdiction_id=48&start_date=2020-01-01T00:00:00Z&end_date=2021-01-01T00:00:00Z", HttpStatusCode.BadRequest, "90"),
            ("/requests.json?jurisdiction_id=48&start_date=2021-01-01T00:00:00Z&end_date=2020-01-01T00:00:00Z", HttpStatusCode.BadRequest, "90"),
            ("/requests.json?jurisdiction_id=48&status=answered", HttpStatusCode.BadRequest, "status"),
            ("/requests.json?jurisdiction_id=48&service_code=khong-co", HttpStatusCode.BadRequest, "service_code"),
            ("/requests.json?jurisdiction_id=01'--", HttpStatusCode.NotFound, "jurisdiction_id"),
        };
        foreach (var (query, status, field) in hostile)
        {
            var response = await GetAsync(client, Base + query);
            Assert.True(status == response.Status, $"{query}: {response.Status} {response.Body}");
            AssertError(response.Body, (int)status, field);
        }
    }

    [Theory, Providers]
    public async Task Posting_needs_a_live_api_key_and_checks_every_field_before_storing_a_redacted_concern(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().CreateAsync("Ứng dụng thử"));
        var revoked = await app.WithScopeAsync(async s =>
        {
            var keys = s.GetRequiredService<ApiKeys>();
            var made = await keys.CreateAsync("Ứng dụng cũ");
            await keys.RevokeAsync(made.Row.Id);
            return made.Key;
        });
        Assert.False(await app.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.KeyHash == key.Key || k.Prefix == key.Key)));
        using var client = app.Client();
        Dictionary<string, string> Fields(Action<Dictionary<string, string>>? change = null)
        {
            var fields = new Dictionary<string, string>
            {
                ["api_key"] = key.Key,
                ["jurisdiction_id"] = "20200",
                ["service_code"] = GeoReportRequests.ServiceCode,
                ["description"] = "Cống thoát nước đường Âu Cơ bị tắc, nước tràn lên mặt đường mỗi khi mưa. Liên hệ 0905 777 888.",
                ["lat"] = "16.0738",
                ["long"] = "108.1499",
                ["first_name"] = "Nguyễn",
                ["last_name"] = "Văn Bình",
            };
            change?.Invoke(fields);
            return fields;
        }

        var hostile = new (Dictionary<string, string> Fields, HttpStatusCode Status, string Field)[]
        {
            (Fields(f => f.Remove("api_key")), HttpStatusCode.Forbidden, "api_key"),
            (Fields(f => f["api_key"] = "dl_khong-dung"), HttpStatusCode.Forbidden, "api_key"),
            (Fields(f => f["api_key"] = revoked), HttpStatusCode.Forbidden, "api_key"),
            (Fields(f => f["api_key"] = new string('k', 10_000)), HttpStatusCode.Forbidden, "api_key"),
            (Fields(f => f["jurisdiction_id"] = "99999"), HttpStatusCode.NotFound, "jurisdiction_id"),
            (Fields(f => f.Remove("jurisdiction_id")), HttpStatusCode.BadRequest, "jurisdiction_id"),
            (Fields(f => f["service_code"] = "khong-co"), HttpStatusCode.BadRequest, "service_code"),
            (Fields(f => f["service_code"] = "phan-anh"), HttpStatusCode.BadRequest, "service_code"),
            (Fields(f => f["service_code"] = new string('k', 5000)), HttpStatusCode.BadRequest, "service_code"),
            (Fields(f => f["service_code"] = "' OR 1=1 --"), HttpStatusCode.BadRequest, "service_code"),
            (Fields(f => f.Remove("service_code")), HttpStatusCode.BadRequest, "service_code"),
            (Fields(f => f["lat"] = "91"), HttpStatusCode.BadRequest, "lat/long"),
            (Fields(f => f["long"] = "-180.5"), HttpStatusCode.BadRequest, "lat/long"),
            (Fields(f => f["lat"] = "NaN"), HttpStatusCode.BadRequest, "lat/long"),
            (Fields(f => f["lat"] = "16,07"), HttpStatusCode.BadRequest, "lat/long"),
            (Fields(f => f.Remove("long")), HttpStatusCode.BadRequest, "lat/long"),
            (Fields(f => f["description"] = new string('a', 4001)), HttpStatusCode.BadRequest, "description"),
            (Fields(f => f["description"] = "<script>alert(1)</script><b></b>"), HttpStatusCode.BadRequest, "description"),
            (Fields(f => f.Remove("description")), HttpStatusCode.BadRequest, "description"),
            (Fields(f => f["email"] = "khong-phai-email"), HttpStatusCode.BadRequest, "email"),
            (Fields(f => f["phone"] = "gọi tôi"), HttpStatusCode.BadRequest, "phone"),
            (Fields(f => f["first_name"] = new string('x', 600)), HttpStatusCode.BadRequest, "first_name"),
            (Fields(f => f["media_url"] = "http://" + new string('x', 600)), HttpStatusCode.BadRequest, "media_url"),
        };
        foreach (var (fields, status, field) in hostile)
        {
            var response = await PostAsync(client, "json", fields);
            Assert.True(status == response.Status, $"{field}: {response.Status} {response.Body}");
            AssertError(response.Body, (int)status, field);
        }

        using (var huge = await client.Http.PostAsync($"{Base}/requests.json", new FormUrlEncodedContent(Fields(f => f["device_id"] = new string('d', 70_000)))))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        using (var json = await client.Http.PostAsync($"{Base}/requests.json", new StringContent("{\"api_key\":\"x\"}", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Concerns.CountAsync()));

        var posted = await PostAsync(client, "json", Fields(f => (f["email"], f["service_code"]) = ("dan@example.vn", "moi-truong")));
        Assert.Equal(HttpStatusCode.Created, posted.Status);
        var token = Assert.Single(AssertArrayOf(posted.Body, PostResponse)).GetProperty("token").GetString()!;
        var concern = await app.WithDbAsync(db => db.Concerns.SingleAsync());
        Assert.Equal(ConcernSource.Open311, concern.Source);
        Assert.Equal("moi-truong", concern.Category);
        Assert.Equal(app.Tree.CommuneA1.Id, concern.UnitId);
        Assert.DoesNotContain("0905", concern.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Bình", concern.Description + concern.Title + concern.ContactProtected, StringComparison.Ordinal);
        Assert.NotNull(concern.ContactProtected);
        Assert.StartsWith("Cống thoát nước đường Âu Cơ", concern.Title, StringComparison.Ordinal);

        var xmlPost = await PostAsync(client, "xml", Fields(f => f["description"] = "Cây đổ chắn ngang đường Tôn Đức Thắng sau cơn bão đêm qua."));
        Assert.Equal(HttpStatusCode.Created, xmlPost.Status);
        Assert.Single(AssertXml(xmlPost.Body, "service_requests", "request", PostResponse));

        var byToken = await GetAsync(client, $"{Base}/tokens/{token}.json?jurisdiction_id=20200");
        Assert.Equal(JsonValueKind.Null, Assert.Single(AssertArrayOf(byToken.Body, TokenResponse)).GetProperty("service_request_id").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"{Base}/tokens/{token}.json?jurisdiction_id=01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"{Base}/tokens/{new string('0', 32)}.json?jurisdiction_id=20200")).Status);
    }

    [Theory, Providers]
    public async Task Only_a_tree_admin_issues_and_revokes_keys_and_only_the_hash_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.AddMemberAsync("admin@duluan.vn", app.Tree.Root, Role.Admin);
        await app.AddMemberAsync("editor@48.vn", app.Tree.ProvinceA, Role.Editor);
        using var editor = app.Client();
        await editor.SignInOkAsync("editor@48.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/Open311/Keys")).StatusCode);

        using var client = app.Client();
        await client.SignInAdminAsync(admin);
        using var empty = await client.PostFormAsync("/Open311/Keys", new Dictionary<string, string> { ["Name"] = "" });
        Assert.Contains("Vui lòng nhập", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var made = await client.PostFormAsync("/Open311/Keys", new Dictionary<string, string> { ["Name"] = "Ứng dụng Đà Nẵng Smart City" });
        var html = await made.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-key\">(dl_[0-9a-f]+)</code>").Groups[1].Value;
        Assert.NotEmpty(key);
        var row = await app.WithDbAsync(db => db.ApiKeys.SingleAsync());
        Assert.Equal(ApiKeys.Hash(key), row.KeyHash);
        Assert.DoesNotContain(key, await client.GetStringAsync("/Open311/Keys"), StringComparison.Ordinal);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().IsValidAsync(key)));

        using var revoke = await client.PostFormAsync("/Open311/Keys", new Dictionary<string, string> { ["keyId"] = row.Id.ToString(CultureInfo.InvariantCulture) }, "/Open311/Keys?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<ApiKeys>().IsValidAsync(key)));
        using var again = await client.PostFormAsync("/Open311/Keys", new Dictionary<string, string> { ["keyId"] = row.Id.ToString(CultureInfo.InvariantCulture) }, "/Open311/Keys?handler=Revoke");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == KeysModel.KeyCreated || a.Action == KeysModel.KeyRevoked)));
    }
}
