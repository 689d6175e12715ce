using System.Diagnostics;

namespace DuLuan.Infrastructure;

/// <summary>
/// Runs a helper program (LibreOffice) inside bubblewrap: new user, network, PID, IPC and UTS namespaces (so no
/// network at all, loopback included), the system's programs and libraries read-only (/usr, the fonts and linker
/// configuration in /etc), an empty /tmp, and one writable work folder. Nothing else of the file system is visible:
/// not the data folder, not /home, /root or /srv, not other temp folders. Works as root and as a normal user
/// (unprivileged user namespaces, Debian's default). Whether it works here is tried once, by running `true` inside.
/// </summary>
public sealed class ProcessSandbox(string? configured)
{
    private static readonly string[] SystemFolders = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    private static readonly string[] SystemFiles = ["/etc/fonts", "/etc/libreoffice", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/var/cache/fontconfig"];

    private readonly Lazy<string?> problem = new(() => Probe(configured));

    /// <summary>The bubblewrap program, or null when it is not installed.</summary>
    public string? Program => configured is { Length: > 0 } path ? (File.Exists(path) ? path : null) : FindOnPath("bwrap");

    /// <summary>Why the sandbox cannot run here (in English, for the log and the error), or null when it works.</summary>
    public string? Problem => problem.Value;

    public bool Available => Problem is null;

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> inside the sandbox, <paramref name="work"/> its only writable folder and its HOME.</summary>
    public ProcessStartInfo StartInfo(string program, string work, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException("bubblewrap is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var argument in Arguments(program, work).Append(program).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static List<string> Arguments(string program, string work)
    {
        List<string> arguments = ["--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"];
        foreach (var folder in SystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target)
            {
                arguments.AddRange(["--symlink", target, folder]);
            }
            else if (info.Exists)
            {
                arguments.AddRange(["--ro-bind", folder, folder]);
            }
        }

        foreach (var path in SystemFiles)
        {
            arguments.AddRange(["--ro-bind-try", path, path]);
        }

        // A LibreOffice installed outside /usr (e.g. /opt/libreoffice25.2/program/soffice): its whole install folder.
        var real = Path.GetFullPath(new FileInfo(program).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? program);
        if (!real.StartsWith("/usr/", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetDirectoryName(real)) is { Length: > 1 } install)
        {
            arguments.AddRange(["--ro-bind", install, install]);
        }

        var folderOfProgram = Path.GetDirectoryName(Path.GetFullPath(program));
        if (folderOfProgram is { Length: > 1 } && !folderOfProgram.StartsWith("/usr/", StringComparison.Ordinal) && !SystemFolders.Contains(folderOfProgram))
        {
            arguments.AddRange(["--ro-bind", folderOfProgram, folderOfProgram]);
        }

        arguments.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--bind", work, work, "--chdir", work]);
        arguments.AddRange(["--clearenv", "--setenv", "HOME", work, "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", work]);
        return arguments;
    }

    private static string? Probe(string? configured)
    {
        var sandbox = new ProcessSandbox(configured);
        if (sandbox.Program is null)
        {
            return "bubblewrap (bwrap) is not installed";
        }

        var work = Directory.CreateTempSubdirectory("duluan-sandbox-");
        try
        {
            var truePath = File.Exists("/usr/bin/true") ? "/usr/bin/true" : "/bin/true";
            using var process = Process.Start(sandbox.StartInfo(truePath, work.FullName, []))!;
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill(entireProcessTree: true);
                return "bubblewrap did not start within 20 s";
            }

            return process.ExitCode == 0 ? null : $"bubblewrap cannot create its namespaces here (exit {process.ExitCode}): {process.StandardError.ReadToEnd().Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "bubblewrap did not start: " + e.Message;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
