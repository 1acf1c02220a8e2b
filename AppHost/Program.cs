using Nege.AppHost.Hosting;

namespace Nege.AppHost;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        DistributedApplication app;
        try
        {
            app = DistributedApplicationBuilder.CreateBuilder(args).AddNegeResources().Build();
        }
        catch (InvalidOperationException exception)
        {
            // A busy port, a missing program: say what to do, without a stack trace.
            Console.Error.WriteLine($"nege : {exception.Message}");
            return 1;
        }

        await using (app)
        {
            return await app.RunAsync();
        }
    }
}
