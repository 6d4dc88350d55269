using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using static Approval.Engine.Tests.Clocks.Beijing;

namespace Approval.Engine.Tests.Clocks;

/// <summary>Rule 6: one extension of 10 working days, approved, with a reason, no later than the committed due date.</summary>
/// <remarks>
/// One case throughout: received Friday 2024-09-27, committed 10 (due 10-16), statutory 20 (due 10-30). Working days after
/// 09-27 by hand: … 10-16 10, 10-17 11, 10-18 12, 10-21 13, … 10-30 20, 10-31 21, 11-01 22, 11-04 23, 11-05 24, 11-06 25,
/// 11-07 26, 11-08 27, 11-11 28, 11-12 29, 11-13 30, 11-14 31, 11-15 32, 11-18 33.
/// </remarks>
public sealed class LegalClockExtensionTests
{
    private static readonly BusinessCalendar Cal = BusinessCalendar.Shipped;

    [Fact]
    public void Extend_TenWorkingDays_MovesBothDueDates()
    {
        var clock = NewCase();

        clock.Extend(10, At("2024-10-10 15:00"), "局长", "需要补充现场核查", Cal);

        var reading = Read(clock, At("2024-10-10 15:00"));
        Assert.Equal(10, clock.ExtensionDays);
        Assert.Equal(Day("2024-10-30"), reading.CommittedDueDate);
        Assert.Equal(Day("2024-11-13"), reading.StatutoryDueDate);
    }

    [Fact]
    public void Extend_SecondTime_Refused()
    {
        var clock = NewCase();
        clock.Extend(10, At("2024-10-10 15:00"), "局长", "需要补充现场核查", Cal);

        Assert.Throws<ClockRuleException>(() => clock.Extend(10, At("2024-10-11 09:00"), "局长", "还需要时间", Cal));

        Assert.Equal(10, clock.ExtensionDays);
        Assert.Equal(Day("2024-10-30"), Read(clock, At("2024-10-11 09:00")).CommittedDueDate);
        Assert.Single(clock.History, e => e.Kind == ClockEventKinds.Extended);
    }

    [Theory]
    [InlineData("2024-10-17 00:00")] // the first instant of the day after the committed due date
    [InlineData("2024-10-17 09:00")]
    [InlineData("2024-10-21 09:00")]
    public void Extend_AfterTheCommittedDueDate_Refused(string at)
    {
        var clock = NewCase();

        Assert.Throws<ClockRuleException>(() => clock.Extend(10, At(at), "局长", "需要补充现场核查", Cal));

        Assert.Equal(0, clock.ExtensionDays);
        Assert.Equal(Day("2024-10-16"), Read(clock, At(at)).CommittedDueDate);
        Assert.DoesNotContain(clock.History, e => e.Kind == ClockEventKinds.Extended);
    }

    [Theory]
    [InlineData("2024-10-16 08:30")]
    [InlineData("2024-10-16 23:59")] // still the due date in Beijing (15:59Z)
    public void Extend_OnTheCommittedDueDateItself_Allowed(string at)
    {
        var clock = NewCase();

        clock.Extend(10, At(at), "局长", "需要补充现场核查", Cal);

        Assert.Equal(Day("2024-10-30"), Read(clock, At(at)).CommittedDueDate);
    }

    [Fact]
    public void Extend_DueDateMovedByAPause_CountsFromTheMovedDate()
    {
        var clock = NewCase();
        clock.Pause("testing", At("2024-10-08 09:00"), "officer", "检测");
        clock.Resume("testing", At("2024-10-11 17:00"), "officer", null);

        // Paused (10-08, 10-11] = 10-09, 10-10, 10-11, so the committed due date is the 13th working day, 10-21; without the
        // pause 10-17 would be past it and the extension refused.
        Assert.Equal(Day("2024-10-21"), Read(clock, At("2024-10-17 12:00")).CommittedDueDate);
        clock.Extend(10, At("2024-10-17 12:00"), "局长", "需要补充现场核查", Cal);

        var reading = Read(clock, At("2024-10-17 12:00"));
        Assert.Equal(Day("2024-11-04"), reading.CommittedDueDate); // 10 + 3 + 10 = 23rd working day
        Assert.Equal(Day("2024-11-18"), reading.StatutoryDueDate); // 20 + 3 + 10 = 33rd working day
    }

    [Theory]
    [InlineData("", "需要补充现场核查")]
    [InlineData("   ", "需要补充现场核查")]
    [InlineData("局长", "")]
    [InlineData("局长", "  ")]
    public void Extend_WithoutApproverOrReason_Refused(string approvedBy, string reason)
    {
        var clock = NewCase();

        Assert.Throws<ClockRuleException>(() => clock.Extend(10, At("2024-10-10 15:00"), approvedBy, reason, Cal));

        Assert.Equal(0, clock.ExtensionDays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Extend_NoWorkingDays_Refused(int days) =>
        Assert.Throws<ClockRuleException>(() => NewCase().Extend(days, At("2024-10-10 15:00"), "局长", "需要补充现场核查", Cal));

    [Fact]
    public void Extend_StoppedClock_Refused()
    {
        var clock = NewCase();
        clock.Stop(At("2024-10-09 10:00"), "officer", "decided");

        Assert.Throws<ClockRuleException>(() => clock.Extend(10, At("2024-10-10 15:00"), "局长", "需要补充现场核查", Cal));
    }

    [Fact]
    public void History_RecordsWhoWhenAndWhy_ForStartPauseResumeExtendStop()
    {
        var clock = NewCase();
        clock.Pause("hearing", At("2024-10-08 09:00"), "张三", "听证");
        clock.Resume("hearing", At("2024-10-09 16:00"), "李四", "听证结束");
        clock.Extend(10, At("2024-10-10 15:00"), "王局长", "需要补充现场核查", Cal);
        clock.Stop(At("2024-10-25 11:00"), "赵六", "作出准予许可决定");

        Assert.Collection(
            clock.History,
            e => AssertEvent(e, ClockEventKinds.Started, At("2024-09-27 10:00"), "窗口收件员", null),
            e => AssertEvent(e, ClockEventKinds.Paused, At("2024-10-08 09:00"), "张三", "听证"),
            e => AssertEvent(e, ClockEventKinds.Resumed, At("2024-10-09 16:00"), "李四", "听证结束"),
            e => AssertEvent(e, ClockEventKinds.Extended, At("2024-10-10 15:00"), "王局长", "需要补充现场核查"),
            e => AssertEvent(e, ClockEventKinds.Stopped, At("2024-10-25 11:00"), "赵六", "作出准予许可决定"));
        Assert.Equal("hearing", clock.History[1].Detail);
        Assert.Equal("hearing", clock.History[2].Detail);
        var pause = Assert.Single(clock.Pauses);
        Assert.Equal(("张三", "李四", At("2024-10-09 16:00")), (pause.PausedBy, pause.ResumedBy, pause.ResumedAt));
    }

    private static void AssertEvent(ClockEvent e, string kind, DateTimeOffset at, string by, string? reason)
    {
        Assert.Equal(kind, e.Kind);
        Assert.Equal(at, e.At);
        Assert.Equal(by, e.By);
        Assert.Equal(reason, e.Reason);
    }

    private static LegalClock NewCase() =>
        LegalClock.Start(LegalClock.CaseClockName, new ClockLimits(10, 20), At("2024-09-27 10:00"), "窗口收件员", Cal);

    private static ClockReading Read(LegalClock clock, DateTimeOffset now) => ClockCalculator.Read(clock, Cal, now);
}
