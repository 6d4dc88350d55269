using Approval.Engine.Activities;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>The inputs every clock activity shares, and reading them.</summary>
internal static class ClockInputs
{
    public static InputDescriptor Clock { get; } =
        new("clock", "String", new("时限名称", "Clock"), DefaultValue: LegalClock.CaseClockName, LiteralOnly: true);

    public static string NameOf(ActivityExecutionContext context) => context.GetString("clock") is { Length: > 0 } name ? name : LegalClock.CaseClockName;
}
