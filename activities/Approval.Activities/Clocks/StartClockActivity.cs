using Approval.Engine.Activities;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Starts the case's legal clock: acceptance date (rolled to a working day), committed and statutory limits in working days.</summary>
/// <remarks>After a one-time notice, start it at the last supplement's instant: that date is the acceptance date.</remarks>
public sealed class StartClockActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "StartClock", ActivityCategories.LegalClock, new("启动办理时限", "Start legal clock"),
        new("按受理日期起算承诺与法定办结时限（工作日，受理当日不计）。", "Starts the committed and statutory limits in working days from the acceptance date (which itself never counts)."),
        [
            ClockInputs.Clock,
            new InputDescriptor("committedLimitDays", "Int32", new("承诺时限（工作日）", "Committed limit (working days)"), Required: true),
            new InputDescriptor("statutoryLimitDays", "Int32", new("法定时限（工作日）", "Statutory limit (working days)")),
            new InputDescriptor("startedAt", "DateTimeOffset", new("受理时刻", "Accepted at")),
            new InputDescriptor("subject", "String", new("办件摘要", "Subject")),
            new InputDescriptor("department", "String", new("责任部门", "Department")),
        ],
        ["Done"]);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var limits = new ClockLimits(context.GetInt32("committedLimitDays") ?? 0, context.GetInt32("statutoryLimitDays"));
        var clock = context.StartClock(
            ClockInputs.NameOf(context),
            limits,
            context.GetInstant("startedAt") ?? context.Now,
            context.GetString("subject") ?? context.Instance.CorrelationId ?? context.Definition.Name,
            context.GetString("department"));
        var reading = context.ReadClock(clock);
        context.Log($"Clock '{clock.Name}' started: accepted on {reading.AcceptedOn:yyyy-MM-dd}, committed due {reading.CommittedDueDate:yyyy-MM-dd}, statutory due {reading.StatutoryDueDate:yyyy-MM-dd}.");
        return new(ActivityResult.Done);
    }
}
