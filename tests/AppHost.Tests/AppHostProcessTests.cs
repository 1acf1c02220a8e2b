using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Reflection;
using Nege.LocalServers;
using Nege.Testing;

namespace AppHost.Tests;

/// <summary>The AppHost as ops run it (<c>./nege up</c>): the dashboard's login link once all is healthy; SIGTERM or Ctrl+C leaves nothing behind.</summary>
public sealed class AppHostProcessTests
{
    /// <summary>Ctrl+C (SIGINT) as in a terminal; SIGTERM goes through the same graceful stop of the host.</summary>
    [Fact]
    public async Task Ctrl_C_stops_every_resource_and_leaves_no_process_behind()
    {
        var state = Directory.CreateTempSubdirectory("nege-apphost-").FullName;
        var output = new LogBuffer();
        Process? appHost = null;
        try
        {
            var dashboard = $"http://localhost:{Ports.Free()}";
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(AppHostAssembly());
            // What ./nege up sets, on free ports, with the secrets given (nothing written to the user's secrets).
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
            start.Environment["ASPNETCORE_URLS"] = dashboard;
            start.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{Ports.Free()}";
            start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{Ports.Free()}";
            start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
            start.Environment["AppHost__StateDirectory"] = state;
            start.Environment["AppHost__Durable"] = "false";
            var gatewayPort = Ports.Free();
            start.Environment["AppHost__Ports__Gateway"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
            foreach (var port in new[] { "Smtp", "SmtpWeb" })
            {
                start.Environment[$"AppHost__Ports__{port}"] = Ports.Free().ToString(CultureInfo.InvariantCulture);
            }

            var dashboardApiKey = Passwords.Generate();
            start.Environment["AppHost__DashboardApiKey"] = dashboardApiKey;

            foreach (var secret in new[] { "site-client-secret", "news-digest-unsubscribe-key", "postgres-password", "messaging-password" })
            {
                start.Environment[$"Parameters__{secret}"] = Passwords.Generate();
            }

            appHost = Process.Start(start)!;
            appHost.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data); } };
            appHost.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Write(e.Data, isError: true); } };
            appHost.BeginOutputReadLine();
            appHost.BeginErrorReadLine();

            await Eventually.UntilAsync(
                // The report's last line: the addresses above it have been read too.
                () => output.Tail(400).Contains("Ctrl+C pour tout arrêter.", StringComparison.Ordinal) || appHost.HasExited,
                TimeSpan.FromMinutes(4), "the AppHost reports every resource healthy");
            Assert.False(appHost.HasExited, output.Tail(60));

            // The login link it prints opens the dashboard (Aspire's browser-token login).
            var login = output.Tail(400).Split('\n').Select(line => line.Trim()).Single(line => line.StartsWith("tableau de bord", StringComparison.Ordinal)).Split(' ').Last();
            Assert.StartsWith($"{dashboard}/login?t=", login, StringComparison.Ordinal);
            using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
            {
                using var withToken = await browser.GetAsync(new Uri(login));
                Assert.Contains(withToken.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".Aspire.Dashboard.Auth", StringComparison.Ordinal));
                using var withoutToken = await browser.GetAsync(new Uri(dashboard + "/"));
                Assert.Contains("/login", withoutToken.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            }

            await TraceCrossesEveryServiceAsync(new Uri($"http://localhost:{gatewayPort}"), new Uri(dashboard), dashboardApiKey);

            // DCP detaches from the AppHost (it watches the AppHost's pid): its processes are found through that.
            var processes = ProcessTree.OfAppHost(appHost.Id);
            Assert.True(processes.Count >= 10, $"the AppHost runs its resources as processes (found {processes.Count})");

            Assert.True(Posix.Signal(appHost.Id, Posix.SigInt));
            using (var exit = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            {
                await appHost.WaitForExitAsync(exit.Token);
            }

            Assert.Equal(0, appHost.ExitCode);
            await Eventually.UntilAsync(() => !processes.Any(ProcessTree.IsRunning), TimeSpan.FromSeconds(60),
                "every process of the system has stopped");
        }
        finally
        {
            // A failed assertion must not leave the system running (DCP stops everything once the AppHost is gone).
            if (appHost is { HasExited: false })
            {
                appHost.Kill();
                await appHost.WaitForExitAsync();
            }

            appHost?.Dispose();
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>
    /// Part 1 of the membership application under a trace of the test's own: the dashboard shows that
    /// one trace crossing the gateway, Membership and its database, the outbox relay and the broker,
    /// Notifications' consumer and its SMTP send (after the commit, in the delivery worker).
    /// </summary>
    private static async Task TraceCrossesEveryServiceAsync(Uri gateway, Uri dashboard, string apiKey)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/membership/application-drafts"))
        {
            Content = JsonContent.Create(new
            {
                email = $"trace-{traceId[..8]}@exemple.fr", userName = $"trace.{traceId[..8]}", civility = "Madame",
                lastName = "Trace", firstName = "Odile", consent = true,
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (var created = await http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        IReadOnlyList<(string Service, string Scope, string Span)> spans = [];
        bool Crossed() =>
            spans.Any(s => s.Service == "gateway")
            && spans.Any(s => s.Service == "membership" && s.Scope == "Npgsql")
            && spans.Any(s => s.Service == "membership" && s.Scope == "MassTransit")
            && spans.Any(s => s.Service == "notifications" && s.Scope == "MassTransit")
            && spans.Any(s => s.Service == "notifications" && s.Span.Contains("smtp", StringComparison.OrdinalIgnoreCase));
        await Eventually.UntilAsync(async () =>
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard, $"/api/telemetry/traces/{traceId}"));
            read.Headers.Add("x-api-key", apiKey);
            using var response = await http.SendAsync(read);
            spans = response.IsSuccessStatusCode ? SpansIn(await response.Content.ReadFromJsonAsync<JsonElement>()) : [];
            return Crossed();
        }, TimeSpan.FromSeconds(60), "the dashboard shows the trace across gateway, Membership, its database, the broker, Notifications and SMTP");
    }

    /// <summary>(service.name, instrumentation scope, span name) of every span in an OTLP JSON document.</summary>
    private static List<(string Service, string Scope, string Span)> SpansIn(JsonElement document)
    {
        var found = new List<(string, string, string)>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("resourceSpans", out var resourceSpans))
                {
                    foreach (var resource in resourceSpans.EnumerateArray())
                    {
                        var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                            .Where(a => a.GetProperty("key").GetString() == "service.name")
                            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()).FirstOrDefault() ?? "";
                        foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
                        {
                            var scopeName = scope.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                            found.AddRange(scope.GetProperty("spans").EnumerateArray().Select(span => (service, scopeName, span.GetProperty("name").GetString() ?? "")));
                        }
                    }

                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
        }

        Walk(document);
        return found;
    }

    private static string AppHostAssembly()
    {
        var configuration = typeof(AppHostProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Find(), "AppHost", "bin", configuration, "net10.0", "Nege.AppHost.dll");
        Assert.True(File.Exists(dll), $"the AppHost is built at {dll}");
        return dll;
    }
}

internal static class ProcessTree
{
    /// <summary>The AppHost's descendants, and the DCP processes that watch it (<c>--monitor &lt;pid&gt;</c>) with theirs.</summary>
    public static IReadOnlyList<int> OfAppHost(int appHost)
    {
        var monitors = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid).Contains($"--monitor {appHost} ", StringComparison.Ordinal))
            .ToList();
        return [.. DescendantsOf(appHost), .. monitors, .. monitors.SelectMany(DescendantsOf)];
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ') + " ";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static IReadOnlyList<int> DescendantsOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var child in parents.Where(p => p.Value == current).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Running means alive and not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid) => StatusOf(pid) is { } status && status[0] != 'Z';

    private static int? ParentOf(int pid) =>
        StatFields(pid) is { } fields && int.TryParse(fields[1], out var parent) ? parent : null;

    private static string? StatusOf(int pid) => StatFields(pid)?[0];

    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after the last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
