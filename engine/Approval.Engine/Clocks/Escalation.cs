namespace Approval.Engine.Clocks;

/// <summary>A warning level reached by a clock, recorded once per clock and level, with the people told.</summary>
public sealed class Escalation
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ClockName { get; set; }

    public WarningLevel Level { get; set; }

    public string? Subject { get; set; }

    public string? Department { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Recipient addresses (see <see cref="Recipients"/>).</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The due date the level was measured against.</summary>
    public DateOnly DueDate { get; set; }

    public DateTimeOffset EscalatedAt { get; set; }

    /// <summary>Who noticed it: <c>job</c> (the job scheduled for the instant) or <c>sweep</c> (catching up after downtime).</summary>
    public required string Source { get; set; }
}

/// <summary>An in-app message for one recipient address; the inbox and the supervision page show them.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>A user (<c>user:alice</c>), a role (<c>role:Admin</c>) or a role within a department (<c>role:Supervisor@市场监管局</c>).</summary>
    public required string Recipient { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public Guid? InstanceId { get; set; }

    public string? CorrelationId { get; set; }

    public WarningLevel? Level { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public string? ReadBy { get; set; }
}

/// <summary>Recipient addresses for notifications.</summary>
public static class Recipients
{
    public static string User(string userName) => $"user:{userName}";

    public static string Role(string role, string? department = null) => string.IsNullOrEmpty(department) ? $"role:{role}" : $"role:{role}@{department}";

    /// <summary>Every address that reaches a person with these roles in this department.</summary>
    public static IReadOnlyList<string> For(string userName, IEnumerable<string> roles, string? department)
    {
        var addresses = new List<string> { User(userName) };
        foreach (var role in roles)
        {
            addresses.Add(Role(role));
            if (!string.IsNullOrEmpty(department))
            {
                addresses.Add(Role(role, department));
            }
        }

        return addresses;
    }
}

/// <summary>The Hangfire jobs standing for one clock's escalations, so a reschedule can delete the old ones.</summary>
public sealed class EscalationJobSet
{
    public Guid InstanceId { get; set; }

    public required string ClockName { get; set; }

    public int Sequence { get; set; }

    public List<string> JobIds { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
