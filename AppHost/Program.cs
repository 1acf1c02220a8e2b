using Nege.AppHost.Hosting;

namespace Nege.AppHost;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = DistributedApplicationBuilder.CreateBuilder(args);
        builder.AddNegeResources();

        await using var app = builder.Build();
        return await app.RunAsync();
    }
}
