namespace Nege.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding <c>Nege.sln</c>, found from the test's binaries upwards.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nege.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Nege.sln introuvable au-dessus de {AppContext.BaseDirectory}.");
    }
}
