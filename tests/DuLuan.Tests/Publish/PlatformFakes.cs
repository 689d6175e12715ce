using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DuLuan.Tests.Publish;

/// <summary>
/// Loopback fakes of the Graph API and Zalo OA article API. They accept only requests that match the documented
/// contract (endpoint, method, fields, limits) and answer with each platform's documented error shapes. A test sets
/// <see cref="Mode"/> to make them fail the way a platform does.
/// </summary>
public sealed class PlatformFakes : IAsyncDisposable
{
    public const string PageId = "1029384756";
    public const string PageToken = "EAAGpagetoken0123456789";
    public const string OaToken = "zalo-oa-token-0123456789";

    private readonly WebApplication app;
    private int counter;

    public enum FailMode
    {
        None,
        TokenExpired,
        BadRequest,
        RateLimited,
        ServerError,
        Slow,
    }

    public FailMode Mode { get; set; }

    /// <summary>Requests the fakes accepted and published (each is one post on the platform).</summary>
    public ConcurrentBag<string> Published { get; } = [];

    /// <summary>Every request, accepted or not: "METHOD path".</summary>
    public ConcurrentBag<string> Requests { get; } = [];

    /// <summary>Why the fakes refused a request that broke the contract (a test asserts this stays empty).</summary>
    public ConcurrentBag<string> ContractViolations { get; } = [];

    private PlatformFakes(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    public static async Task<PlatformFakes> StartAsync()
    {
        // No config file watching: each watcher costs an inotify instance (128 per user on Linux).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fakes = new PlatformFakes(app);
        app.MapPost("/graph/{page}/feed", fakes.FeedAsync);
        app.MapPost("/graph/{page}/photos", fakes.PhotosAsync);
        app.MapPost("/zalo/v2.0/article/create", (Delegate)((HttpContext c) => fakes.ZaloAsync(c)));
        app.MapGet("/graph/{post}/insights", fakes.Insights);
        app.MapGet("/graph/{post}", fakes.PostFields);
        app.MapFallback((HttpContext c) =>
        {
            fakes.Requests.Add($"{c.Request.Method} {c.Request.Path}");
            fakes.ContractViolations.Add("unknown endpoint " + c.Request.Path);
            return Results.Json(new { error = new { message = "Unknown path components", type = "OAuthException", code = 2500 } }, statusCode: 400);
        });
        await app.StartAsync();
        return fakes;
    }

    private async Task<IResult> FeedAsync(string page, HttpContext c)
    {
        Requests.Add("POST feed");
        if (!c.Request.HasFormContentType)
        {
            return GraphError("feed: form body expected", 100, 400);
        }

        var form = await c.Request.ReadFormAsync();
        if (page != PageId)
        {
            return GraphError("Unsupported post request. Object does not exist", 100, 400);
        }

        if (form["access_token"] != PageToken || Mode == FailMode.TokenExpired)
        {
            return GraphError("Error validating access token: Session has expired", 190, 401);
        }

        var message = form["message"].ToString();
        if (message.Length == 0 || message.Length > 63_206)
        {
            ContractViolations.Add("feed: message missing or over 63206");
            return GraphError("(#100) Invalid parameter: message", 100, 400);
        }

        if (form.Keys.Except(["message", "link", "access_token"]).Any())
        {
            ContractViolations.Add("feed: unexpected field");
            return GraphError("(#100) Invalid parameter", 100, 400);
        }

        return await FailOrAsync(() => Results.Json(new { id = $"{PageId}_{Interlocked.Increment(ref counter)}" }), "feed", c.RequestAborted);
    }

    private async Task<IResult> PhotosAsync(string page, HttpContext c)
    {
        Requests.Add("POST photos");
        if (!c.Request.HasFormContentType || page != PageId)
        {
            return GraphError("(#100) Invalid parameter", 100, 400);
        }

        var form = await c.Request.ReadFormAsync();
        if (form["access_token"] != PageToken || Mode == FailMode.TokenExpired)
        {
            return GraphError("Error validating access token: Session has expired", 190, 401);
        }

        var source = form.Files.GetFile("source");
        if (source is null || source.Length == 0 || source.Length > 4 * 1024 * 1024 || source.ContentType is not ("image/jpeg" or "image/png"))
        {
            ContractViolations.Add("photos: source missing, too large or not an image");
            return GraphError("(#324) Requires upload file", 324, 400);
        }

        return await FailOrAsync(() => Results.Json(new { id = "photo" + Interlocked.Increment(ref counter), post_id = $"{PageId}_{counter}" }), "photos", c.RequestAborted);
    }

    private async Task<IResult> ZaloAsync(HttpContext c)
    {
        Requests.Add("POST zalo");
        if (c.Request.Headers["access_token"] != OaToken || Mode == FailMode.TokenExpired)
        {
            return Results.Json(new { error = -216, message = "Access token is invalid" });
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(c.Request.Body);
        }
        catch (JsonException)
        {
            ContractViolations.Add("zalo: body is not JSON");
            return Results.Json(new { error = -201, message = "Parameters are invalid" });
        }

        string? Text(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var title = Text("title");
        var author = Text("author");
        var description = Text("description");
        var coverOk = body.TryGetProperty("cover", out var cover) && cover.TryGetProperty("cover_type", out var ct) && ct.GetString() == "photo"
            && cover.TryGetProperty("photo_url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out _);
        var bodyOk = body.TryGetProperty("body", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0
            && items.EnumerateArray().All(i => i.TryGetProperty("type", out var t) && t.GetString() == "text" && i.TryGetProperty("content", out _));
        if (Text("type") != "normal" || title is not { Length: > 0 and <= 150 } || author is not { Length: > 0 and <= 50 }
            || description is not { Length: > 0 and <= 300 } || !coverOk || !bodyOk)
        {
            ContractViolations.Add($"zalo: contract broken (title {title?.Length}, author {author?.Length}, description {description?.Length}, cover {coverOk}, body {bodyOk})");
            return Results.Json(new { error = -201, message = "Parameters are invalid" });
        }

        return await FailOrAsync(() => Results.Json(new { data = new { token = "zalo-article-" + Interlocked.Increment(ref counter) }, error = 0, message = "Success" }), "zalo", c.RequestAborted);
    }

    /// <summary>A post's lifetime figures on the fake Page, by post id ("{page}_{n}"), set by a test.</summary>
    public ConcurrentDictionary<string, PostFigures> Figures { get; } = new(StringComparer.Ordinal);

    public sealed record PostFigures(long Views, long Reach, long Likes, long Loves, long LinkClicks, long OtherClicks, long Comments, long Shares);

    /// <summary>The current post metrics (Graph v25; "impressions" were replaced by "views" on 15 November 2025).</summary>
    private static readonly string[] CurrentPostMetrics = ["post_media_view", "post_total_media_view_unique", "post_reactions_by_type_total", "post_clicks_by_type"];

    private IResult Insights(string post, HttpContext c)
    {
        Requests.Add("GET insights");
        var query = c.Request.Query;
        if (query["access_token"] != PageToken || Mode == FailMode.TokenExpired)
        {
            return GraphError("Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.", 190, 401);
        }

        var metrics = query["metric"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (metrics.Length == 0 || metrics.Any(m => !CurrentPostMetrics.Contains(m, StringComparer.Ordinal)) || query["period"] != "lifetime")
        {
            ContractViolations.Add("insights: metric not current or period not lifetime: " + query["metric"] + " / " + query["period"]);
            return GraphError("(#100) The value must be a valid insights metric", 100, 400);
        }

        if (!Figures.TryGetValue(post, out var f))
        {
            return GraphError($"Unsupported get request. Object with ID '{post}' does not exist", 100, 400);
        }

        return Mode switch
        {
            FailMode.RateLimited => GraphError("(#4) Application request limit reached", 4, 429),
            FailMode.ServerError => GraphError("An unexpected error has occurred. Please retry your request later.", 2, 500),
            _ => Results.Json(new
            {
                data = metrics.Select(m => new
                {
                    name = m,
                    period = "lifetime",
                    values = new object[]
                    {
                        new
                        {
                            value = m switch
                            {
                                "post_media_view" => (object)f.Views,
                                "post_total_media_view_unique" => f.Reach,
                                "post_reactions_by_type_total" => new Dictionary<string, long> { ["like"] = f.Likes, ["love"] = f.Loves },
                                _ => new Dictionary<string, long> { ["link clicks"] = f.LinkClicks, ["other clicks"] = f.OtherClicks },
                            },
                        },
                    },
                    id = $"{post}/insights/{m}/lifetime",
                }),
            }),
        };
    }

    private IResult PostFields(string post, HttpContext c)
    {
        Requests.Add("GET post");
        var query = c.Request.Query;
        if (query["access_token"] != PageToken || Mode == FailMode.TokenExpired)
        {
            return GraphError("Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.", 190, 401);
        }

        if (query["fields"] != "shares,comments.summary(true).limit(0)")
        {
            ContractViolations.Add("post: unexpected fields " + query["fields"]);
            return GraphError("(#100) Tried accessing nonexisting field", 100, 400);
        }

        return Figures.TryGetValue(post, out var f)
            ? Results.Json(new { shares = new { count = f.Shares }, comments = new { data = Array.Empty<object>(), summary = new { order = "ranked", total_count = f.Comments, can_comment = true } }, id = post })
            : GraphError($"Unsupported get request. Object with ID '{post}' does not exist", 100, 400);
    }

    private async Task<IResult> FailOrAsync(Func<IResult> ok, string what, CancellationToken aborted)
    {
        switch (Mode)
        {
            case FailMode.BadRequest:
                return GraphError("(#100) Invalid parameter", 100, 400);
            case FailMode.RateLimited:
                return GraphError("(#4) Application request limit reached", 4, 429);
            case FailMode.ServerError:
                return GraphError("An unexpected error has occurred. Please retry your request later.", 2, 500);
            case FailMode.Slow:
                // A caller that gave up (timed out) never sees the post go out: it is not counted as published.
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), aborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }

                break;
        }

        Published.Add(what);
        return ok();
    }

    private static IResult GraphError(string message, int code, int status)
        => Results.Json(new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf" } }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
