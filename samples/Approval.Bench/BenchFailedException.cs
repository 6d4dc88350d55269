namespace Approval.Bench;

/// <summary>The run failed, timed out or did not verify; the exit code is 1.</summary>
public sealed class BenchFailedException(string message, Exception? inner = null) : Exception(message, inner);
