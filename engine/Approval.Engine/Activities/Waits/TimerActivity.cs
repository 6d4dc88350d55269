using Approval.Engine.Activities.ControlFlow;
using Approval.Engine.Bookmarks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Engine.Activities.Waits;

/// <summary>Waits until an instant, or for a duration from now; a durable Quartz trigger resumes it once.</summary>
public sealed class TimerActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "Timer", Categories.Waits, new("定时器", "Timer"), new("等到指定时刻，或等待一段时间后继续。", "Waits until an instant, or for a duration, then goes on."),
        [
            new InputDescriptor("duration", "TimeSpan", new("等待时长", "Duration")),
            new InputDescriptor("until", "DateTimeOffset", new("等到时刻", "Until")),
        ],
        ["Done"]);

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var hasDuration = node.Input("duration") is { IsEmpty: false };
        var hasUntil = node.Input("until") is { IsEmpty: false };
        if (hasDuration == hasUntil)
        {
            yield return new DefinitionError("missing-input", "A timer needs exactly one of 'duration' and 'until'.", node.Id, hasDuration ? "until" : "duration");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var dueAt = context.GetInstant("until") ?? context.Now + (context.GetDuration("duration") ?? TimeSpan.Zero);
        var bookmark = context.CreateBookmark(BookmarkKinds.Timer, resumeAt: dueAt);
        return new(ActivityResult.Wait(bookmark));
    }
}
