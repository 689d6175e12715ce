namespace DuLuan.Features.Reports.Documents;

/// <summary>
/// At start-up, tries the sandbox PDF conversion runs in and logs the outcome, so an operator learns at once (not at
/// the first PDF download) that PDFs are refused because bubblewrap is missing or cannot create its namespaces.
/// </summary>
public sealed partial class PdfSandboxCheck(PdfConverter converter, ILogger<PdfSandboxCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: the probe starts a process, and start-up need not wait for it.
        _ = Task.Run(() =>
        {
            if (!converter.Available)
            {
                return;
            }

            if (converter.Sandbox.Problem is { } problem)
            {
                NoSandbox(log, problem);
            }
            else
            {
                Sandboxed(log, converter.Sandbox.Program!);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF export is off: LibreOffice is installed but cannot be sandboxed ({Problem}); install bubblewrap or allow user namespaces")]
    private static partial void NoSandbox(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF export: LibreOffice runs in a {Sandbox} sandbox with no network and only its work folder")]
    private static partial void Sandboxed(ILogger logger, string sandbox);
}
