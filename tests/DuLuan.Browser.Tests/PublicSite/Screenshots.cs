using Microsoft.Playwright;

namespace DuLuan.Browser.Tests.PublicSite;

/// <summary>
/// Pictures of the public pages for docs/public-site.md, taken only when DULUAN_SCREENSHOTS=1 (so an ordinary run
/// leaves the working tree alone): the phone's viewport, PNG, into docs/images/.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("DULUAN_SCREENSHOTS") != "1")
        {
            return;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DuLuan.slnx")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            return;
        }

        var folder = Path.Combine(root.FullName, "docs", "images");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), Type = ScreenshotType.Png, Scale = ScreenshotScale.Css });
    }
}
