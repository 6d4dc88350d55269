using Approval.Engine.Calendar;
using Approval.Engine.HumanTasks;
using Approval.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Clocks;

/// <summary>Escalates a clock's warning levels: re-reads the clock, and records each level reached once, with notifications.</summary>
/// <remarks>
/// Called by the job scheduled for the instant a level begins and by the catch-up sweep; both may run on several hosts
/// and be retried. The clock is read from the instance (the truth), never from the job's arguments, so a job that a
/// pause made early does nothing; and the store records a clock's level at most once, so a second caller does nothing.
/// Recipients: yellow → the open tasks' assignees (or their candidate roles), red → the department's supervisors,
/// critical → the bureau's administrators.
/// </remarks>
public sealed class SlaEscalator(IWorkflowStore workflows, IClockStore clocks, CalendarProvider calendars, TimeProvider time, ILogger<SlaEscalator> logger)
{
    public const string SupervisorRole = "Supervisor";
    public const string AdministratorRole = "Admin";

    /// <summary>Escalates every level the clock has reached and not yet escalated; returns how many this call recorded.</summary>
    public async Task<int> EscalateAsync(Guid instanceId, string clockName, string source, CancellationToken cancellationToken)
    {
        var instance = await workflows.FindInstanceAsync(instanceId, cancellationToken);
        if (instance?.State.Clocks.GetValueOrDefault(clockName) is not { IsStopped: false } clock)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var reading = ClockCalculator.Read(clock, calendars.Current, now);
        if (reading.Level == WarningLevel.Normal)
        {
            return 0;
        }

        var already = (await clocks.FindAsync(instanceId, clockName, cancellationToken))?.EscalatedLevel ?? WarningLevel.Normal;
        var recorded = 0;
        for (var level = WarningLevel.Yellow; level <= reading.Level; level++)
        {
            if (level <= already)
            {
                continue;
            }

            var recipients = await RecipientsAsync(level, instanceId, clock, cancellationToken);
            var dueDate = level == WarningLevel.Critical ? reading.StatutoryDueDate!.Value : reading.CommittedDueDate;
            var escalation = new Escalation
            {
                Id = Guid.CreateVersion7(now),
                InstanceId = instanceId,
                ClockName = clockName,
                Level = level,
                Subject = clock.Subject,
                Department = clock.Department,
                CorrelationId = instance.CorrelationId,
                Recipients = [.. recipients],
                DueDate = dueDate,
                EscalatedAt = now,
                Source = source,
            };
            var notifications = recipients.Select(r => new Notification
            {
                Id = Guid.CreateVersion7(now),
                Recipient = r,
                Kind = "Escalation",
                Title = Title(level, clock.Subject),
                Body = Body(level, dueDate, reading),
                InstanceId = instanceId,
                CorrelationId = instance.CorrelationId,
                Level = level,
                CreatedAt = now,
            }).ToList();
            if (await clocks.TryRecordEscalationAsync(escalation, notifications, cancellationToken))
            {
                recorded++;
                logger.LogInformation("Clock {Clock} of instance {InstanceId} escalated to {Level} ({Source}); told {Recipients}.", clockName, instanceId, level, source, string.Join(", ", recipients));
            }
        }

        return recorded;
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(WarningLevel level, Guid instanceId, LegalClock clock, CancellationToken cancellationToken)
    {
        switch (level)
        {
            case WarningLevel.Yellow:
                var open = (await workflows.ListWorkItemsAsync(instanceId, cancellationToken)).Where(w => w.Status == WorkItemStatus.Open).ToList();
                var people = open.SelectMany(w => w.Assignee is { Length: > 0 } assignee
                        ? [Recipients.User(assignee)]
                        : w.CandidateRoles.Select(r => Recipients.Role(r, w.Department ?? clock.Department)))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();

                // Nobody holds a task (the case waits on the applicant or a timer): the supervisor hears instead.
                return people.Count > 0 ? people : [Recipients.Role(SupervisorRole, clock.Department)];
            case WarningLevel.Red:
                return [Recipients.Role(SupervisorRole, clock.Department)];
            default:
                return [Recipients.Role(AdministratorRole)];
        }
    }

    private static string Title(WarningLevel level, string? subject) => level switch
    {
        WarningLevel.Yellow => $"黄色预警：{subject} 即将到期",
        WarningLevel.Red => $"红色预警：{subject} 已超过承诺时限",
        _ => $"严重超期：{subject} 已超过法定时限",
    };

    private static string Body(WarningLevel level, DateOnly dueDate, ClockReading reading) => level switch
    {
        WarningLevel.Yellow => $"承诺办结日期 {dueDate:yyyy-MM-dd}，剩余 {reading.WorkingDaysRemaining} 个工作日。",
        WarningLevel.Red => $"承诺办结日期 {dueDate:yyyy-MM-dd} 已过，请督办。",
        _ => $"法定办结日期 {dueDate:yyyy-MM-dd} 已过，请局领导关注。",
    };
}
