using Approval.Engine.Activities;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Stops the legal clock once the decision is made (the workflow may go on, e.g. to deliver the licence).</summary>
/// <remarks>Clocks also stop by themselves when the instance completes or is cancelled.</remarks>
public sealed class StopClockActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "StopClock", ActivityCategories.LegalClock, new("停止计时", "Stop clock"),
        new("作出决定后停止计时。", "Stops the clock once the decision is made."),
        [ClockInputs.Clock, new InputDescriptor("reason", "String", new("说明", "Reason"))],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.ChangeClock(ClockInputs.NameOf(context), clock => clock.Stop(context.Now, context.Actor, context.GetString("reason") ?? "Decision made."));
        return new(ActivityResult.Done);
    }
}
