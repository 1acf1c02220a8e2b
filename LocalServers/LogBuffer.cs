namespace Nege.LocalServers;

public sealed record LogLine(long Sequence, DateTimeOffset At, bool IsError, string Text);

/// <summary>The last lines a resource printed, numbered so a reader can ask for what is new.</summary>
public sealed class LogBuffer(int capacity = 5000)
{
    private readonly LinkedList<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public event Action<LogLine>? LineWritten;

    public void Write(string text, bool isError = false)
    {
        LogLine line;
        lock (_gate)
        {
            line = new LogLine(++_sequence, DateTimeOffset.UtcNow, isError, text);
            _lines.AddLast(line);
            if (_lines.Count > capacity)
            {
                _lines.RemoveFirst();
            }
        }

        LineWritten?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Since(long sequence, int max = 1000)
    {
        lock (_gate)
        {
            return _lines.Where(line => line.Sequence > sequence).Take(max).ToList();
        }
    }

    public string Tail(int count)
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - count)).Select(line => line.Text));
        }
    }
}
