namespace Approval.Bench;

/// <summary>The command line is wrong; the usage text is printed and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
