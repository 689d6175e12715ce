using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DuLuan.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Code = Original ?? code ?? 500;

    /// <summary>
    /// A form's POST re-executed here: the status comes from the re-execution, not from binding, which reads the body
    /// that may be the very reason for the error (too large to read) and then gives no code.
    /// </summary>
    public void OnPost() => Code = Original ?? 500;

    private int? Original => HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
}
