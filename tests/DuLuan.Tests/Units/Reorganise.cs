using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DuLuan.Features.Units;
using DuLuan.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DuLuan.Tests.Units;

/// <summary>Drives the "Sáp nhập / chia tách" form and the CSV import over HTTP, as an admin would.</summary>
public static partial class Reorganise
{
    public static readonly DateOnly Since2020 = new(2020, 1, 1);

    /// <summary>The seeded tree's units active since 2020 (they were created "today"), plus "Xã Cũ" (99001) under province A.</summary>
    public static async Task<Unit> PrepareAsync(TestApp app) => await app.WithDbAsync(async db =>
    {
        await db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.ActiveFrom, Since2020));
        var parent = app.Tree.ProvinceA;
        var old = new Unit { Code = "99001", Name = "Xã Cũ", NameFolded = DuLuan.Analysis.Text.VietnameseFold.Fold("Xã Cũ"), Kind = UnitKind.Commune, ParentId = parent.Id, Depth = parent.Depth + 1, ActiveFrom = Since2020 };
        db.Units.Add(old);
        await db.SaveChangesAsync();
        old.Path = $"{parent.Path}{old.Id}/";
        await db.SaveChangesAsync();
        return old;
    });

    public static Task<HttpResponseMessage> PostAsync(TestClient client, long unitId, IEnumerable<long> successors, string date, IEnumerable<long>? others = null)
    {
        var fields = new Dictionary<string, string> { ["Form.EffectiveOn"] = date };
        var i = 0;
        foreach (var s in successors)
        {
            fields[$"Form.Successors[{i++}]"] = s.ToString(CultureInfo.InvariantCulture);
        }

        i = 0;
        foreach (var o in others ?? [])
        {
            fields[$"Form.Others[{i++}]"] = o.ToString(CultureInfo.InvariantCulture);
        }

        return client.PostFormAsync($"/Units/Details?id={unitId}", fields, $"/Units/Details?id={unitId}&handler=Reorganise");
    }

    public static async Task<HttpResponseMessage> ImportAsync(TestClient client, byte[] csv)
    {
        var html = await client.GetStringAsync("/Units/ImportSuccessions");
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, html[..Math.Min(html.Length, 2000)]);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "sap-nhap.csv");
        return await client.Http.PostAsync("/Units/ImportSuccessions", content);
    }

    public static byte[] Utf8(string text, bool bom = false) => [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
