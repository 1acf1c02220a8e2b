using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nege.AppHost.Hosting;
using Nege.ServiceDefaults;
using Nege.Testing;

namespace EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class DashboardTests(RunningSystem system)
{
    [Fact]
    public async Task The_dashboard_lists_every_resource_with_its_state_health_endpoints_and_process()
    {
        var resources = await system.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources");

        var byName = resources.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(system.App.Resources.Select(r => r.Name).Order(), byName.Keys.Order());
        foreach (var name in new[] { ResourceNames.Postgres, ResourceNames.Messaging, ResourceNames.Smtp, ResourceNames.Membership, ResourceNames.Gateway })
        {
            var resource = byName[name];
            Assert.Equal("Running", resource.GetProperty("state").GetString());
            Assert.True(resource.GetProperty("pid").GetInt32() > 0, $"{name} shows its process id");
            Assert.NotEmpty(resource.GetProperty("endpoints").EnumerateArray());
        }

        var page = await system.Dashboard.GetStringAsync("/");
        Assert.Contains("Tableau de bord", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_output_of_a_resource_is_readable_live()
    {
        var lines = await system.Dashboard.GetFromJsonAsync<JsonElement>($"/api/resources/{ResourceNames.Membership}/logs?after=0");

        Assert.Contains(lines.EnumerateArray(), line => line.GetProperty("text").GetString()!.Contains("Now listening on", StringComparison.Ordinal));
        var last = lines.EnumerateArray().Last().GetProperty("sequence").GetInt64();
        var newer = await system.Dashboard.GetFromJsonAsync<JsonElement>($"/api/resources/{ResourceNames.Membership}/logs?after={last}");
        Assert.All(newer.EnumerateArray(), line => Assert.True(line.GetProperty("sequence").GetInt64() > last));
    }

    [Fact]
    public async Task A_child_that_dies_is_shown_as_exited_and_can_be_restarted_from_the_dashboard()
    {
        var directory = system.Project(ResourceNames.Directory);
        var restartsBefore = directory.RestartCount;
        using (var process = Process.GetProcessById(directory.Pid!.Value))
        {
            process.Kill();
        }

        await Eventually.UntilAsync(async () =>
        {
            var resource = await DescribeAsync(ResourceNames.Directory);
            return resource.GetProperty("state").GetString() == "Exited";
        }, TimeSpan.FromSeconds(20), "the dashboard shows directory as exited");

        var restart = await system.Dashboard.PostAsync($"/api/resources/{ResourceNames.Directory}/restart", null);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);

        await Eventually.UntilAsync(async () =>
        {
            var resource = await DescribeAsync(ResourceNames.Directory);
            return resource.GetProperty("state").GetString() == "Running" && resource.GetProperty("health").GetString() == "Healthy";
        }, TimeSpan.FromSeconds(60), "directory runs and is healthy again");
        Assert.Equal(restartsBefore + 1, directory.RestartCount);
        Assert.Equal(ResourceState.Running, directory.State);
    }

    [Fact]
    public async Task Infrastructure_cannot_be_stopped_from_the_dashboard()
    {
        var response = await system.Dashboard.PostAsync($"/api/resources/{ResourceNames.Postgres}/stop", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ResourceState.Running, system.App[ResourceNames.Postgres].State);
    }

    private async Task<JsonElement> DescribeAsync(string name)
    {
        var resources = await system.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources");
        return resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
    }
}
