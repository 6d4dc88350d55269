namespace Approval.Bench;

/// <summary>What a chaos run does with one application, and the state it must end in.</summary>
public enum CaseKind
{
    /// <summary>企业设立登记, complete: approved as soon as its review task opens → Completed.</summary>
    Approved,

    /// <summary>食品经营许可 with the 容缺 materials left out: accepted with deficiency; nobody supplies them, so the
    /// supplement-deadline timer fires once simulated time passes it → Terminated.</summary>
    Lapsed,

    /// <summary>企业设立登记 left undecided until simulated time passes its statutory limit: yellow, red and critical
    /// escalate once each, then it is approved → Completed.</summary>
    Escalated,
}

/// <summary>One application of a chaos run: its number, kind and idempotency key, and what the client learnt of it.</summary>
public sealed class ChaosCase(int number, string runKey)
{
    public int Number { get; } = number;

    /// <summary>Half the cases are approved at once, a quarter lapse on their timer, a quarter escalate.</summary>
    public CaseKind Kind { get; } = (number % 4) switch
    {
        2 => CaseKind.Lapsed,
        3 => CaseKind.Escalated,
        _ => CaseKind.Approved,
    };

    public string IdempotencyKey { get; } = $"{runKey}-{number}";

    /// <summary>The case id the host answered with; null until a submission was confirmed.</summary>
    public Guid? Id { get; set; }

    public string? Status { get; set; }

    public string ExpectedStatus => Kind == CaseKind.Lapsed ? "Terminated" : "Completed";

    /// <summary>The status the submission must answer with.</summary>
    public string AcceptedStatus => Kind == CaseKind.Lapsed ? "AcceptedWithDeficiency" : "Accepted";
}
