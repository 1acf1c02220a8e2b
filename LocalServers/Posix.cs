using System.Runtime.InteropServices;

namespace Nege.LocalServers;

/// <summary>The few POSIX calls .NET does not offer: signals other than SIGKILL, and who we run as.</summary>
public static class Posix
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool IsRoot => geteuid() == 0;

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>Signals every process of the group <paramref name="groupId"/> (children started in their own session).</summary>
    public static bool SignalGroup(int groupId, int signal) => kill(-groupId, signal) == 0;

    public static bool IsAlive(int pid) => kill(pid, 0) == 0;

    public static bool GroupIsAlive(int groupId) => kill(-groupId, 0) == 0;

    /// <summary>Lets another user (PostgreSQL's) pass through a folder, without letting it list the folder.</summary>
    public static void MakeTraversable(string path)
    {
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode traverse = UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & traverse) != traverse)
        {
            File.SetUnixFileMode(path, mode | traverse);
        }
    }

#pragma warning disable SYSLIB1054 // Plain DllImport keeps this free of unsafe code.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
#pragma warning restore SYSLIB1054
}
