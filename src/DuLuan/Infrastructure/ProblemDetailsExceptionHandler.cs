using System.Globalization;
using System.Net;
using DuLuan.Infrastructure.Text;
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

    internal static async Task HandleAsync(HttpContext context, ILogger logger)
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
        var detail = new Message(full ? "Error.StorageFull" : "Error.Server");
        context.Response.StatusCode = status;
        if (full)
        {
            context.Response.Headers.RetryAfter = "60";
        }

        if (context.Request.IsApi())
        {
            await Results.Problem(
                title: new Message(full ? "Error.StorageFullTitle" : "Error.ServerTitle").Both(),
                detail: detail.Both(),
                statusCode: status).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        // The culture the localisation middleware chose for this request (?lang=, cookie): the handler runs outside
        // the async flow that set CurrentUICulture, so reading that would always give the default, Vietnamese.
        var culture = context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"{(culture.TwoLetterISOLanguageName == "en" ? "en" : "vi")}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{WebUtility.HtmlEncode(new Message("Error.Title").In(culture))}</title>" +
            $"<p>{WebUtility.HtmlEncode(detail.In(culture))}</p><p><a href=\"/{(culture.TwoLetterISOLanguageName == "en" ? "?lang=en" : string.Empty)}\">{WebUtility.HtmlEncode(new Message("Error.Home").In(culture))}</a></p></html>");
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
