using Approval.DesignerHost.Ui;
using Approval.Engine.Clocks;
using Approval.Engine.Instances;
using Approval.Engine.Journal;

namespace Approval.DesignerHost.Components.Pages.Cases;

/// <summary>The case view's words for the engine's statuses, journal events and clock events.</summary>
public static class CaseText
{
    public static string InstanceStatus(UiText text, WorkflowStatus status) => status switch
    {
        WorkflowStatus.Running => text.T("运行中", "Running"),
        WorkflowStatus.Suspended => text.T("等待中", "Waiting"),
        WorkflowStatus.Completed => text.T("已完成", "Completed"),
        WorkflowStatus.Cancelled => text.T("已取消", "Cancelled"),
        WorkflowStatus.Faulted => text.T("出错", "Faulted"),
        _ => status.ToString(),
    };

    public static string JournalEvent(UiText text, string name) => name switch
    {
        JournalEvents.InstanceStarted => text.T("流程启动", "Flow started"),
        JournalEvents.ActivityStarted => text.T("活动开始", "Activity started"),
        JournalEvents.ActivityCompleted => text.T("活动完成", "Activity completed"),
        JournalEvents.ActivityEmitted => text.T("活动输出", "Activity emitted"),
        JournalEvents.ActivityFaulted => text.T("活动出错", "Activity faulted"),
        JournalEvents.ActivityCancelled => text.T("活动取消", "Activity cancelled"),
        JournalEvents.BookmarkCreated => text.T("开始等待", "Waiting"),
        JournalEvents.BookmarkResumed => text.T("等待结束", "Resumed"),
        JournalEvents.BookmarkCancelled => text.T("等待取消", "Wait cancelled"),
        JournalEvents.Log => text.T("日志", "Log"),
        JournalEvents.InstanceSuspended => text.T("流程等待", "Flow waiting"),
        JournalEvents.InstanceCompleted => text.T("流程办结", "Flow completed"),
        JournalEvents.InstanceCancelled => text.T("流程取消", "Flow cancelled"),
        JournalEvents.InstanceFaulted => text.T("流程出错", "Flow faulted"),
        JournalEvents.InstanceRetried => text.T("重试", "Retried"),
        JournalEvents.InstanceTerminated => text.T("流程终止", "Flow terminated"),
        JournalEvents.ClockChanged => text.T("时限变更", "Clock changed"),
        JournalEvents.DocumentIssued => text.T("出具文书", "Document issued"),
        JournalEvents.WorkItemOperated => text.T("任务操作", "Task operation"),
        _ => name,
    };

    public static string ClockEvent(UiText text, string kind) => kind switch
    {
        ClockEventKinds.Started => text.T("开始计时", "Started"),
        ClockEventKinds.Paused => text.T("暂停计时", "Paused"),
        ClockEventKinds.Resumed => text.T("恢复计时", "Resumed"),
        ClockEventKinds.Extended => text.T("延长期限", "Extended"),
        ClockEventKinds.Stopped => text.T("停止计时", "Stopped"),
        _ => kind,
    };
}
