namespace Approval.Engine.Activities.ControlFlow;

/// <summary>The toolbox groups of the engine's own activities.</summary>
public static class Categories
{
    public const string ControlFlow = "ControlFlow";
    public const string Waits = "Waits";
    public const string Data = "Data";
}
