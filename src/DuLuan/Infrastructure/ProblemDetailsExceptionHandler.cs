using Microsoft.AspNetCore.Diagnostics;

namespace DuLuan.Infrastructure;

/// <summary>Unhandled errors: problem+json without internals for /api, the friendly error page otherwise.</summary>
public static class ProblemDetailsExceptionHandler
{
    public static void Configure(IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("DuLuan.Errors");
        app.Run(async context => await HandleAsync(context, logger));
    }

    private static async Task HandleAsync(HttpContext context, ILogger logger)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var full = IsStorageFull(error);
        if (full)
        {
            logger.LogCritical(error, "Storage full on {Path}: nothing was saved", context.Request.Path);
        }
        else
        {
            logger.LogError(error, "Unhandled error on {Path}", context.Request.Path);
        }

        // A full disk is the operator's problem, not a bug: 507 tells clients (and Open311 apps) to retry later.
        var status = full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status500InternalServerError;
        var (vi, en) = full
            ? ("Máy chủ đã hết chỗ lưu trữ, dữ liệu chưa được lưu; vui lòng thử lại sau", "The server is out of storage space and nothing was saved; please try again later")
            : ("Đã xảy ra lỗi, vui lòng thử lại sau", "Something went wrong; please try again later");
        context.Response.StatusCode = status;
        if (full)
        {
            context.Response.Headers.RetryAfter = "60";
        }

        if (context.Request.IsApi())
        {
            await Results.Problem(
                title: full ? "Hết chỗ lưu trữ / Out of storage" : "Lỗi máy chủ / Server error",
                detail: $"{vi} / {en}.",
                statusCode: status).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi</title>" +
            $"<p>{vi}. / {en}.</p><p><a href=\"/\">Trang chủ / Home</a></p></html>");
    }

    /// <summary>SQLite SQLITE_FULL (13), PostgreSQL disk_full (53100), or the operating system's ENOSPC anywhere in the chain.</summary>
    public static bool IsStorageFull(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }
                || e is Npgsql.PostgresException { SqlState: "53100" }
                || e is IOException && e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
