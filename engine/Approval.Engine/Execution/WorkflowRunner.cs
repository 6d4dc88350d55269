using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Instances;
using Approval.Engine.Storage;
using Approval.Engine.Summaries;

namespace Approval.Engine.Execution;

/// <summary>Runs bursts on a copy of an instance and returns the commit that records them; it reads and writes no storage.</summary>
public sealed class WorkflowRunner(ActivityRegistry registry, ScribanExpressionEvaluator expressions, CalendarProvider calendars, TimeProvider clock, IInstanceSummarizer summarizer)
{
    public ActivityRegistry Registry => registry;

    public async Task<WorkflowCommit> StartAsync(WorkflowInstance instance, WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        var commit = new WorkflowCommit(instance, isNew: true, expectedRevision: 0);
        foreach (var variable in definition.Variables)
        {
            instance.Variables[variable.Name] = instance.Input[variable.Name]?.DeepClone() ?? variable.Value?.DeepClone();
        }

        var burst = NewBurst(definition, commit, actor, cancellationToken);
        await burst.StartAsync();
        burst.FlushClocks();
        commit.Summary = SummaryOf(commit.Instance);
        return commit;
    }

    public async Task<WorkflowCommit> ResumeAsync(WorkflowInstance instance, WorkflowDefinition definition, Bookmark bookmark, JsonObject? payload, string actor, CancellationToken cancellationToken)
    {
        var commit = new WorkflowCommit(instance.Clone(), isNew: false, expectedRevision: instance.Revision);
        var burst = NewBurst(definition, commit, actor, cancellationToken);
        await burst.ResumeAsync(bookmark, payload);
        burst.FlushClocks();
        Summarize(instance, commit);
        return commit;
    }

    public async Task<WorkflowCommit> RetryAsync(WorkflowInstance instance, WorkflowDefinition definition, string actor, CancellationToken cancellationToken)
    {
        var commit = new WorkflowCommit(instance.Clone(), isNew: false, expectedRevision: instance.Revision);
        var burst = NewBurst(definition, commit, actor, cancellationToken);
        await burst.RetryAsync();
        burst.FlushClocks();
        Summarize(instance, commit);
        return commit;
    }

    public WorkflowCommit Cancel(WorkflowInstance instance, WorkflowDefinition definition, string actor, string reason)
    {
        var commit = new WorkflowCommit(instance.Clone(), isNew: false, expectedRevision: instance.Revision);
        var burst = NewBurst(definition, commit, actor, CancellationToken.None);
        burst.Cancel(reason);
        burst.FlushClocks();
        Summarize(instance, commit);
        return commit;
    }

    /// <summary>Sets the commit's summary when the burst changed it; most steps (a task opening, a timer) change nothing in it.</summary>
    private void Summarize(WorkflowInstance before, WorkflowCommit commit)
    {
        var after = SummaryOf(commit.Instance);
        if (after is not null && after != SummaryOf(before))
        {
            commit.Summary = after;
        }
    }

    /// <summary>The summarizer's line with its main clock read as of the instance's last update, so it is a pure function of the instance.</summary>
    private InstanceSummary? SummaryOf(WorkflowInstance instance) =>
        summarizer.Summarize(instance)?.WithClock(
            summarizer.MainClock is { } name ? instance.State.Clocks.GetValueOrDefault(name) : null, calendars.Current, instance.UpdatedAt);

    private Burst NewBurst(WorkflowDefinition definition, WorkflowCommit commit, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        commit.Instance.UpdatedAt = now;
        return new Burst(registry, expressions, calendars.Current, definition, commit, now, actor, cancellationToken);
    }
}
