using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DuLuan.Bench.Foundation;

/// <summary>The start-up baseline: the smallest ASP.NET Core app that answers /health, same defaults as DuLuan's builder.</summary>
internal static class BareHealthApp
{
    public static int Run(string urls)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("ok"));
        app.Run();
        return 0;
    }
}
