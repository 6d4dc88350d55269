using Approval.Engine.Activities;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Pauses the legal clock (a hearing, testing, expert review; a wait on the applicant where the matter says so).</summary>
/// <remarks>Pauses are keyed, so parallel procedures each pause and resume their own; the clock runs again when none is open.</remarks>
public sealed class PauseClockActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "PauseClock", ActivityCategories.LegalClock, new("暂停计时", "Pause clock"),
        new("特别程序等期间不计入办理时限（行政许可法第四十五条）。", "Time spent in special procedures does not count towards the limit (Administrative Licensing Law Art. 45)."),
        [
            ClockInputs.Clock,
            new InputDescriptor("reason", "String", new("暂停原因", "Reason"), Required: true),
            new InputDescriptor("key", "String", new("暂停标识", "Pause key")),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var reason = context.GetString("reason") ?? "";
        var key = context.GetString("key") is { Length: > 0 } k ? k : reason;
        var name = ClockInputs.NameOf(context);
        if (context.FindClock(name)?.Pauses.Exists(p => p.ResumedAt is null && p.Key == key) == true)
        {
            context.Log($"Clock '{name}' is already paused for '{key}'; nothing to do.");
            return new(ActivityResult.Done);
        }

        context.ChangeClock(name, clock => clock.Pause(key, context.Now, context.Actor, reason));
        return new(ActivityResult.Done);
    }
}
