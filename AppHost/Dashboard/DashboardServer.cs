using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nege.AppHost.Hosting;

namespace Nege.AppHost.Dashboard;

/// <summary>
/// The ops dashboard (Aspire's port 18888): every resource with its state, health, endpoints,
/// process, uptime and restarts; its console output, live; stop, start and restart of projects.
/// It also accepts OTLP over HTTP (Aspire's 18890) so services export from the start.
/// </summary>
public sealed class DashboardServer(DistributedApplication app, DashboardPorts ports) : IAsyncDisposable
{
    private WebApplication? _web;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Nege.AppHost.Dashboard" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://localhost:{ports.Http}", $"http://localhost:{ports.OtlpHttp}");
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        _web = builder.Build();

        var page = ReadPage();
        _web.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8")).RequireHost($"*:{ports.Http}");

        var api = _web.MapGroup("/api").RequireHost($"*:{ports.Http}");
        api.MapGet("/resources", () => app.Resources.Select(Describe));
        api.MapGet("/resources/{name}/logs", (string name, long? after) =>
            Find(name) is { } resource
                ? Results.Ok(resource.Logs.Since(after ?? 0))
                : Results.Problem(statusCode: 404, detail: $"Aucune ressource ne s'appelle {name}."));
        api.MapPost("/resources/{name}/{command}", (string name, string command) => Control(name, command));

        // OTLP/HTTP receiver: accepted now, shown by a later version of the dashboard.
        _web.MapPost("/v1/{signal}", (string signal) => signal is "traces" or "metrics" or "logs" ? Results.Ok() : Results.NotFound())
            .RequireHost($"*:{ports.OtlpHttp}");

        await _web.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }
    }

    private IResult Control(string name, string command)
    {
        if (Find(name) is not { } resource)
        {
            return Results.Problem(statusCode: 404, detail: $"Aucune ressource ne s'appelle {name}.");
        }

        if (!resource.CanBeControlled)
        {
            return Results.Problem(statusCode: 409, detail: $"{name} ne peut pas être piloté depuis le tableau de bord.");
        }

        Task operation = command switch
        {
            "stop" => app.StopResourceAsync(resource),
            "start" when resource.State is not (ResourceState.Running or ResourceState.Starting) =>
                app.StartResourceAsync(resource, CancellationToken.None),
            "restart" => app.RestartAsync(resource, CancellationToken.None),
            "start" => Task.CompletedTask,
            _ => Task.FromException(new ArgumentException(command)),
        };
        if (operation.IsFaulted && operation.Exception?.InnerException is ArgumentException)
        {
            return Results.Problem(statusCode: 400, detail: $"Commande inconnue : {command} (stop, start ou restart).");
        }

        // The page follows progress through the resource's state; failures show in its logs.
        _ = operation.ContinueWith(
            task => resource.Logs.Write($"La commande {command} a échoué : {task.Exception?.GetBaseException().Message}", isError: true),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Results.Accepted();
    }

    private Resource? Find(string name) => app.Resources.FirstOrDefault(resource => resource.Name == name);

    private static object Describe(Resource resource) => new
    {
        resource.Name,
        resource.Kind,
        State = resource.State,
        StateLabel = ResourceStates.French(resource.State),
        Health = resource.Health,
        Endpoints = resource.Endpoints,
        resource.Pid,
        resource.StartedAt,
        UptimeSeconds = resource.StartedAt is { } started && resource.State == ResourceState.Running
            ? (long?)(DateTimeOffset.UtcNow - started).TotalSeconds
            : null,
        resource.RestartCount,
        resource.ExitCode,
        resource.CanBeControlled,
        WaitsFor = resource.WaitsFor.Select(dependency => dependency.Name),
    };

    private static string ReadPage()
    {
        using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream("dashboard.html")
                           ?? throw new InvalidOperationException("dashboard.html is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{generated}}", DateTime.Now.ToString("HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
