using Nege.Gateway;
using Nege.Gateway.Docs;
using Nege.Gateway.Health;
using Nege.Gateway.Limits;
using Nege.Gateway.Routing;
using Nege.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOptions<GatewayOptions>().BindConfiguration("Gateway");
builder.AddEdgeForwardedHeaders();
builder.AddGatewayAccess();
builder.AddRequestLimits();
builder.AddProxyRoutes();
builder.AddDownstreamHealthChecks();

var app = builder.Build();
app.UseServiceDefaults();
app.UseRequestLimits();
app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapUnknownApiRoutes();
app.MapReverseProxy();

app.Run();

public partial class Program;
