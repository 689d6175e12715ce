using System.Diagnostics;
using System.Globalization;
using System.Net;
using DuLuan.Data;
using Microsoft.Extensions.Logging;

namespace DuLuan.Bench.Trust;

public static partial class LoadDrill
{
    /// <summary>A `duluan serve` process with the production rate limits; counts the errors it logs.</summary>
    internal sealed class Server
    {
        private readonly Process process;
        private int errors;

        private Server(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public int Errors => errors;

        public string? FirstError { get; private set; }

        public int Pid => process.Id;

        public static Server Start(DatabaseOptions options, string work, string? url = null, IDictionary<string, string>? environment = null)
        {
            url ??= $"http://127.0.0.1:{FreePort()}";
            var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "duluan.dll"), "serve", "--urls", url, .. options.Provider == DatabaseProvider.Sqlite ? new[] { "--data", options.DataDirectory } : []])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            if (options.Provider == DatabaseProvider.Postgres)
            {
                info.Environment["DULUAN_Database__Provider"] = "Postgres";
                info.Environment["DULUAN_Database__ConnectionString"] = options.ConnectionString;
            }

            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Monitoring__SchedulerSeconds"] = "10";
            info.Environment["Monitoring__AlertMinutes"] = "5";
            info.Environment["Monitoring__PerHostDelayMilliseconds"] = "200";
            info.Environment["Monitoring__AllowedHosts__0"] = "127.0.0.1";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            var process = Process.Start(info)!;
            var server = new Server(process, url);
            process.OutputDataReceived += (_, e) => server.Line(e.Data);
            process.ErrorDataReceived += (_, e) => server.Line(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        private void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
                || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref errors);
                FirstError ??= line.Length > 400 ? line[..400] : line;
            }
        }

        public long ResidentKilobytes()
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }

        public void Kill()
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
        }

        public void Stop() => Kill();

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
