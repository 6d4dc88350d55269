namespace Approval.Engine.Scheduling;

/// <summary>Tells the relay that a commit just wrote outbox messages, so it need not wait for its next poll.</summary>
public interface IOutboxNotifier
{
    void Notify();
}

/// <summary>For hosts with no relay running in-process (tools, tests of the runner alone).</summary>
public sealed class NullOutboxNotifier : IOutboxNotifier
{
    public static NullOutboxNotifier Instance { get; } = new();

    public void Notify()
    {
    }
}
