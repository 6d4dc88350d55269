using Approval.Engine.Calendar;
using Approval.Engine.Clocks;

namespace Approval.DesignerHost.Designer;

/// <summary>The due dates a case received on a given day would get under a matter's limits, by the legal clock's own rules.</summary>
/// <remarks>
/// The acceptance date is the receipt date when that is a working day, else the next one; N working days from it is the
/// N-th working day after it (the acceptance day itself is not counted) — <see cref="LegalClock.Start"/> and
/// <see cref="ClockCalculator.DueDate"/>, the same calls a running case makes.
/// </remarks>
public sealed record DeadlinePreview(DateOnly ReceivedOn, DateOnly AcceptedOn, DateOnly? StatutoryDueDate, DateOnly CommittedDueDate, bool CalendarEstimated)
{
    /// <exception cref="ClockRuleException">The limits break the clock's rules (committed under one day, or over the statutory limit).</exception>
    public static DeadlinePreview For(DateOnly receivedOn, int committedDays, int? statutoryDays, BusinessCalendar calendar)
    {
        new ClockLimits(committedDays, statutoryDays).Validate();
        var acceptedOn = calendar.OnOrNextWorkingDay(receivedOn);
        var committed = ClockCalculator.DueDate(calendar, acceptedOn, committedDays);
        DateOnly? statutory = statutoryDays is { } days ? ClockCalculator.DueDate(calendar, acceptedOn, days) : null;
        var estimated = calendar.IsEstimated(receivedOn) || calendar.IsEstimated(statutory ?? committed);
        return new DeadlinePreview(receivedOn, acceptedOn, statutory, committed, estimated);
    }
}
