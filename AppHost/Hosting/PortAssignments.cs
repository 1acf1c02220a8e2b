using System.Text.Json;
using Nege.AppHost.Infrastructure;

namespace Nege.AppHost.Hosting;

/// <summary>
/// Ports chosen by the AppHost, remembered in the state folder so that a restart reuses them when
/// they are still free (a broker node keeps its identity, bookmarks keep working).
/// </summary>
public sealed class PortAssignments
{
    private readonly string _file;
    private readonly Dictionary<string, int> _ports;
    private readonly HashSet<int> _taken = [];

    public PortAssignments(string stateDirectory)
    {
        _file = Path.Combine(stateDirectory, "ports.json");
        _ports = File.Exists(_file)
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(_file)) ?? []
            : [];
    }

    /// <summary>The fixed port when given (it must be free), else the remembered one if free, else a new free one.</summary>
    public int Get(string key, int? fixedPort = null)
    {
        if (fixedPort is { } wanted)
        {
            if (!Ports.IsFree(wanted))
            {
                throw new InvalidOperationException(
                    $"Le port {wanted} ({key}) est déjà utilisé : arrêtez ce qui l'occupe ou choisissez-en un autre (AppHost__Ports__{key}=…).");
            }

            return Remember(key, wanted);
        }

        if (_ports.TryGetValue(key, out var remembered) && !_taken.Contains(remembered) && Ports.IsFree(remembered))
        {
            return Remember(key, remembered);
        }

        int port;
        do
        {
            port = Ports.Free();
        }
        while (_taken.Contains(port));

        return Remember(key, port);
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, JsonSerializer.Serialize(_ports, new JsonSerializerOptions { WriteIndented = true }));
    }

    private int Remember(string key, int port)
    {
        _ports[key] = port;
        _taken.Add(port);
        return port;
    }
}
