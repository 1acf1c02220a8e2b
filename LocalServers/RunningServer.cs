namespace Nege.LocalServers;

/// <summary>A local server started as a child process (the test fixtures' way; the AppHost hands the same command to Aspire).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RunningServer(ChildProcess process, LogBuffer output)
    {
        _process = process;
        Output = output;
    }

    public LogBuffer Output { get; }

    /// <summary>Prepares and starts <paramref name="server"/>, then waits until it answers; fails at once, with its last lines, if it exits first.</summary>
    public static async Task<RunningServer> StartAsync(ILocalServer server, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await server.PrepareAsync(cancellationToken);
        var command = server.Command();
        var output = new LogBuffer();
        var running = new RunningServer(ChildProcess.Start(command.FileName, command.Arguments, output, command.Environment, command.WorkingDirectory), output);
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (!await server.IsReadyAsync(cancellationToken))
            {
                if (running._process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"{Path.GetFileName(command.Arguments.LastOrDefault() ?? command.FileName)} s'est arrêté (code {await running._process.Exited}) avant de répondre :{Environment.NewLine}{output.Tail(40)}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Pas de réponse après {timeout.TotalSeconds:0} s :{Environment.NewLine}{output.Tail(40)}");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }

        return running;
    }

    /// <summary>SIGTERM (the server's clean stop), then whatever is left of its group is killed.</summary>
    public async ValueTask DisposeAsync() => await _process.StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(30));
}
