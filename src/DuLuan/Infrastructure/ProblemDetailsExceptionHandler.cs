using Microsoft.AspNetCore.Diagnostics;

namespace DuLuan.Infrastructure;

/// <summary>Unhandled errors: problem+json without internals for /api, the friendly error page otherwise.</summary>
public static class ProblemDetailsExceptionHandler
{
    public static void Configure(IApplicationBuilder app) => app.Run(async context =>
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DuLuan.Errors");
        logger.LogError(error, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.IsApi())
        {
            await Results.Problem(
                title: "Lỗi máy chủ / Server error",
                detail: "Đã xảy ra lỗi, vui lòng thử lại sau / Something went wrong; please try again later.",
                statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi</title>" +
            "<p>Đã xảy ra lỗi, vui lòng thử lại sau. / Something went wrong; please try again later.</p><p><a href=\"/\">Trang chủ / Home</a></p></html>");
    });
}
