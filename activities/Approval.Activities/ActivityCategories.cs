namespace Approval.Activities;

/// <summary>The toolbox groups of the government-service activities.</summary>
public static class ActivityCategories
{
    /// <summary>办理时限: starting, pausing, extending and watching the legal clock.</summary>
    public const string LegalClock = "LegalClock";
}
