var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseExceptionHandler("/erreur");
app.UseStatusCodePagesWithReExecute("/erreur", "?code={0}");
app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapRazorPages();

app.Run();

public partial class Program;
