using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Definitions;
using Approval.Engine.Execution;

namespace Approval.Activities.Clocks;

/// <summary>Fires when a working-day deadline has run out, with optional reminders a number of working days before it.</summary>
/// <remarks>
/// The deadline is either a case clock's due date (committed or statutory) or N working days from an instant (the
/// five working days of Art. 32 to send a one-time notice, say). It falls due at the start of the day after the due
/// date, Beijing time. A clock's due date moves when the clock pauses or is extended, so on every firing the timer
/// reads the clock again and waits on if the deadline has moved; a reminder fires through <c>Reminder</c> while the
/// timer keeps waiting, the deadline through <c>Due</c>.
/// </remarks>
public sealed class DeadlineTimerActivity : Activity
{
    private const string Committed = "Committed";
    private const string Statutory = "Statutory";

    public override ActivityDescriptor Descriptor { get; } = new(
        "DeadlineTimer", ActivityCategories.LegalClock, new("期限定时器", "Deadline timer"),
        new("按工作日期限到期时触发，可在到期前若干工作日提醒。", "Fires when a working-day deadline runs out, with reminders some working days before."),
        [
            new InputDescriptor("clock", "String", new("时限名称", "Clock")),
            new InputDescriptor("deadline", "String", new("期限类型", "Deadline"), DefaultValue: JsonValue.Create(Committed), LiteralOnly: true, Options: [Committed, Statutory]),
            new InputDescriptor("workingDays", "Int32", new("工作日数", "Working days")),
            new InputDescriptor("from", "DateTimeOffset", new("起算时刻", "From")),
            new InputDescriptor("remindDaysBefore", "String[]", new("提前提醒（工作日）", "Remind working days before")),
        ],
        ["Reminder", "Due"]);

    public override IEnumerable<DefinitionError> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var hasClock = node.Input("clock") is { IsEmpty: false };
        var hasDays = node.Input("workingDays") is { IsEmpty: false };
        if (hasClock == hasDays)
        {
            yield return new DefinitionError("missing-input", "A deadline timer needs exactly one of 'clock' (a case clock's due date) and 'workingDays' (N working days from 'from').", node.Id, hasClock ? "workingDays" : "clock");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var reminders = context.GetStrings("remindDaysBefore")
            .Select(r => int.TryParse(r, out var n) && n > 0 ? n : throw new FormatException($"Reminder '{r}' must be a positive whole number of working days."))
            .Distinct()
            .OrderDescending()
            .ToList();
        var state = new JsonObject
        {
            ["reminders"] = new JsonArray([.. reminders.Select(r => JsonValue.Create(r))]),
        };
        if (context.GetInt32("workingDays") is { } days)
        {
            var from = ChinaTime.DateOf(context.GetInstant("from") ?? context.Now);
            state["dueDate"] = context.Calendar.AddWorkingDays(from, days).ToString("yyyy-MM-dd");
        }

        // Reminders whose moment has already passed (a short limit, a late start) are dropped, not fired in a bunch.
        var due = DueDate(context, state);
        reminders.RemoveAll(r => RemindAt(context, due, r) <= context.Now);
        state["reminders"] = new JsonArray([.. reminders.Select(r => JsonValue.Create(r))]);
        context.SetData(state);
        return new(Arm(context, state, emitted: []));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var state = (JsonObject)(context.GetData() ?? new JsonObject());
        var reminders = Reminders(state);
        var due = DueDate(context, state);
        if (reminders.Count > 0)
        {
            if (RemindAt(context, due, reminders[0]) > context.Now)
            {
                // The deadline moved (a pause, an extension) since this reminder was set: wait for it again.
                return new(Arm(context, state, emitted: []));
            }

            reminders.RemoveAt(0);
            state["reminders"] = new JsonArray([.. reminders.Select(r => JsonValue.Create(r))]);
            context.SetData(state);
            return new(Arm(context, state, emitted: ["Reminder"]));
        }

        if (DueInstant(due) > context.Now)
        {
            return new(Arm(context, state, emitted: []));
        }

        context.SetData(null);
        return new(ActivityResult.Complete("Due"));
    }

    /// <summary>Waits for the next thing to happen: the earliest reminder still ahead, else the deadline itself.</summary>
    private static ActivityResult Arm(ActivityExecutionContext context, JsonObject state, string[] emitted)
    {
        var due = DueDate(context, state);
        var reminders = Reminders(state);
        var at = reminders.Count > 0 ? RemindAt(context, due, reminders[0]) : DueInstant(due);
        if (at < context.Now)
        {
            at = context.Now;
        }

        var bookmark = context.CreateBookmark(BookmarkKinds.Timer, resumeAt: at);
        return emitted.Length > 0 ? ActivityResult.WaitAndEmit(bookmark, emitted) : ActivityResult.Wait(bookmark);
    }

    /// <summary>A reminder n working days before fires at the start of the day from which n working days remain.</summary>
    private static DateTimeOffset RemindAt(ActivityExecutionContext context, DateOnly due, int workingDaysBefore) =>
        ChinaTime.StartOfDay(context.Calendar.SubtractWorkingDays(due, workingDaysBefore));

    private static DateOnly DueDate(ActivityExecutionContext context, JsonObject state)
    {
        if (state["dueDate"]?.GetValue<string>() is { } fixedDue)
        {
            return DateOnly.ParseExact(fixedDue, "yyyy-MM-dd");
        }

        var name = context.GetString("clock") ?? LegalClock.CaseClockName;
        var clock = context.FindClock(name) ?? throw new ClockRuleException($"Deadline timer '{context.Node.Id}' watches clock '{name}', which has not been started.");
        var reading = context.ReadClock(clock);
        return context.GetString("deadline") == Statutory
            ? reading.StatutoryDueDate ?? throw new ClockRuleException($"Clock '{name}' has no statutory limit to time.")
            : reading.CommittedDueDate;
    }

    private static List<int> Reminders(JsonObject state) =>
        state["reminders"] is JsonArray array ? [.. array.Select(n => n!.GetValue<int>())] : [];

    /// <summary>A due date is over at the start of the next day, Beijing time.</summary>
    private static DateTimeOffset DueInstant(DateOnly due) => ChinaTime.StartOfDay(due.AddDays(1));
}
