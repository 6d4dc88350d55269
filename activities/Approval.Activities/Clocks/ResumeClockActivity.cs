using Approval.Engine.Activities;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Ends a pause of the legal clock: the due dates move later by the working days the pause covered.</summary>
public sealed class ResumeClockActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "ResumeClock", ActivityCategories.LegalClock, new("恢复计时", "Resume clock"),
        new("结束暂停；到期日顺延暂停期间的工作日。", "Ends a pause; the due dates move later by the working days it covered."),
        [
            ClockInputs.Clock,
            new InputDescriptor("key", "String", new("暂停标识（空则全部）", "Pause key (all when empty)")),
            new InputDescriptor("reason", "String", new("说明", "Reason")),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var key = context.GetString("key") is { Length: > 0 } k ? k : null;
        var name = ClockInputs.NameOf(context);
        var closed = 0;
        context.ChangeClock(name, clock => closed = clock.Resume(key, context.Now, context.Actor, context.GetString("reason")));
        if (closed == 0)
        {
            context.Log($"Clock '{name}' had no open pause{(key is null ? "" : $" for '{key}'")}; nothing resumed.");
        }

        return new(ActivityResult.Done);
    }
}
