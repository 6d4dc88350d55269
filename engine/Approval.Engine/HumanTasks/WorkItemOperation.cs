namespace Approval.Engine.HumanTasks;

/// <summary>Something done to an open task that does not decide it: who holds it changes, or people are told about it.</summary>
/// <param name="Target">The user a task is transferred or delegated to.</param>
/// <param name="Recipients">The users a carbon copy goes to.</param>
public sealed record WorkItemOperation(WorkItemOperationKind Kind, string? Target = null, IReadOnlyList<string>? Recipients = null, string? Comment = null);

public enum WorkItemOperationKind
{
    /// <summary>认领: a holder of a candidate role takes the task.</summary>
    Claim,

    /// <summary>释放: the claimer gives it back to the candidate roles.</summary>
    Release,

    /// <summary>转办: another user takes over the task for good.</summary>
    Transfer,

    /// <summary>委派: another user gives an opinion, then the task returns to the delegator.</summary>
    Delegate,

    /// <summary>The delegate hands the task back to the delegator with an opinion.</summary>
    Resolve,

    /// <summary>催办: the holder is reminded.</summary>
    Urge,

    /// <summary>抄送: users are told about the task, without acting on it.</summary>
    CarbonCopy,
}
