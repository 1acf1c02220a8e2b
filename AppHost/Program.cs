using Nege.AppHost;
using Nege.AppHost.Hosting;

var builder = DistributedApplicationBuilder.CreateBuilder(args);
builder.AddNegeResources();

await using var app = builder.Build();
return await app.RunAsync();
