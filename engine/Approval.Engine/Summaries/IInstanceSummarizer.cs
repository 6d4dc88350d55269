using Approval.Engine.Instances;

namespace Approval.Engine.Summaries;

/// <summary>Writes an instance's <see cref="InstanceSummary"/> from its state; called after every burst, inside the commit.</summary>
/// <remarks>Must be a pure, cheap function of the instance: it runs on every step, and an unchanged summary is not rewritten.</remarks>
public interface IInstanceSummarizer
{
    /// <summary>The summary of <paramref name="instance"/>, or null when instances like it are not summarised.</summary>
    InstanceSummary? Summarize(WorkflowInstance instance);

    /// <summary>The clock whose facts the summary carries (due date, completion day, working days used).</summary>
    string? MainClock { get; }
}

/// <summary>The engine's default: no summaries, so nothing is written.</summary>
public sealed class NoInstanceSummaries : IInstanceSummarizer
{
    public InstanceSummary? Summarize(WorkflowInstance instance) => null;

    public string? MainClock => null;
}
