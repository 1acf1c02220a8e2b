namespace Nege.LocalServers;

/// <summary>
/// How to run a local server in the foreground: the AppHost hands it to Aspire as an executable
/// resource, the test fixtures start it as a child process. One command line for both.
/// </summary>
public sealed record ServerCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment,
    string WorkingDirectory)
{
    /// <summary>
    /// Runs <paramref name="command"/> under <c>/bin/sh</c>, which turns SIGTERM or SIGINT into
    /// <paramref name="stopSignal"/> for the server and waits for it to exit: whoever stops the
    /// wrapper (Aspire, a test, Ctrl+C) gets the server's clean shutdown.
    /// </summary>
    public static IReadOnlyList<string> InShell(string prelude, string stopSignal, string epilogue, IEnumerable<string> command) =>
    [
        "-c",
        $"{prelude} \"$@\" & pid=$!; trap 'kill -{stopSignal} \"$pid\" 2>/dev/null' TERM INT; " +
        "while kill -0 \"$pid\" 2>/dev/null; do wait \"$pid\"; status=$?; done; " +
        $"{epilogue} exit \"${{status:-0}}\"",
        "nege-server",
        .. command,
    ];
}
