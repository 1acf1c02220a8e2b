using Nege.Directory;
using Nege.ServiceDefaults;
using Nege.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddNegeService<DirectoryDbContext>(ResourceNames.Directory, "NEGE — Annuaire");

var app = builder.Build();
app.MapNegeService<DirectoryDbContext>(ResourceNames.Directory);

await app.RunWithMigrationsAsync<DirectoryDbContext>(args);

public partial class Program;
