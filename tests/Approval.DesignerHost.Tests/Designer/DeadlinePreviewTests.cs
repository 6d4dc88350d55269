using Approval.DesignerHost.Designer;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;

namespace Approval.DesignerHost.Tests.Designer;

/// <summary>The designer's deadline preview follows docs/legal-clock.md: acceptance rolls to a working day, the acceptance day is not counted.</summary>
public sealed class DeadlinePreviewTests
{
    [Fact]
    public void For_AFridayReceipt_CountsFromTheDayAfter_AcrossNationalDay()
    {
        var preview = DeadlinePreview.For(new DateOnly(2024, 9, 27), committedDays: 10, statutoryDays: 20, BusinessCalendar.Shipped);

        Assert.Equal(new DateOnly(2024, 9, 27), preview.AcceptedOn);
        Assert.Equal(new DateOnly(2024, 10, 16), preview.CommittedDueDate);
        Assert.Equal(new DateOnly(2024, 10, 30), preview.StatutoryDueDate);
    }

    [Fact]
    public void For_AWeekendReceipt_AcceptsOnTheNextWorkingDay()
    {
        Assert.Equal(new DateOnly(2024, 11, 18), DeadlinePreview.For(new DateOnly(2024, 11, 16), 1, 1, BusinessCalendar.Shipped).AcceptedOn);
        Assert.Equal(new DateOnly(2024, 9, 29), DeadlinePreview.For(new DateOnly(2024, 9, 28), 1, null, BusinessCalendar.Shipped).AcceptedOn);
    }

    [Fact]
    public void For_ACommittedLimitOverTheStatutoryOne_IsRefused() =>
        Assert.Throws<ClockRuleException>(() => DeadlinePreview.For(new DateOnly(2024, 9, 27), 20, 10, BusinessCalendar.Shipped));
}
