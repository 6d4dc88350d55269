namespace Approval.Activities;

/// <summary>The toolbox groups of the government-service activities.</summary>
public static class ActivityCategories
{
    /// <summary>办理时限: starting, pausing, extending and watching the legal clock.</summary>
    public const string LegalClock = "LegalClock";

    /// <summary>收件与受理: receipt, one-time notice, 容缺, 告知承诺.</summary>
    public const string Acceptance = "Acceptance";

    /// <summary>审查: special procedures, approval tasks.</summary>
    public const string Review = "Review";

    /// <summary>办结: licence, refusal, archive.</summary>
    public const string Results = "Results";
}
