namespace Nege.LocalServers;

/// <summary>A server of Debian's or NuGet's packages run on this machine, isolated in a folder of its own.</summary>
public interface ILocalServer
{
    /// <summary>Folders, configuration and first-time initialisation, before the command runs.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The server in the foreground; SIGTERM stops it cleanly.</summary>
    ServerCommand Command();

    /// <summary>A real answer: a query, an AMQP open, an HTTP 200.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
