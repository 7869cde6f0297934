namespace Bpm.Bench.Scenarios;

/// <summary>Tasks the bench's workers have finished.</summary>
public sealed class BenchCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
