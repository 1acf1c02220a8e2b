using System.Text;

namespace Nege.AppHost.Hosting;

public static class ResourceStates
{
    public static string French(ResourceState state) => state switch
    {
        ResourceState.NotStarted => "non démarré",
        ResourceState.Waiting => "en attente",
        ResourceState.Starting => "démarrage",
        ResourceState.Running => "en cours",
        ResourceState.Stopping => "arrêt",
        ResourceState.Stopped => "arrêté",
        ResourceState.Exited => "terminé",
        ResourceState.FailedToStart => "échec du démarrage",
        _ => state.ToString(),
    };
}

/// <summary>The table printed once everything is up: each resource, its kind, state and addresses.</summary>
public static class ResourceTable
{
    public static string Render(DistributedApplication app)
    {
        var rows = new List<string[]> { new[] { "Ressource", "Type", "État", "Adresse(s)" } };
        if (app.DashboardUrl is { } dashboard)
        {
            rows.Add(["dashboard", "Tableau de bord", "en cours", dashboard]);
        }

        rows.AddRange(app.Resources.Select(resource => new[]
        {
            resource.Name,
            resource.Kind,
            ResourceStates.French(resource.State) + (resource.Health == ResourceHealth.Healthy ? ", sain" : ""),
            string.Join("  ", resource.Endpoints.Select(endpoint => endpoint.Url)),
        }));

        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
            if (index == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))));
            }
        }

        return text.ToString();
    }
}
