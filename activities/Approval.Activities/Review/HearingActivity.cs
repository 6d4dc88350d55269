using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Activities.Cases;
using Approval.Engine.Activities;
using Approval.Engine.Bookmarks;
using Approval.Engine.Calendar;
using Approval.Engine.Clocks;
using Approval.Engine.Execution;

namespace Approval.Activities.Review;

/// <summary>听证 (Art. 46–48): the right to request a hearing, its scheduling with at least seven days' notice, the record and the conclusion.</summary>
/// <remarks>
/// 1. Issues the 听证告知书 and waits for the applicant's answer (the <c>hearing-request</c> signal, <c>{requested:true|false}</c>)
///    or the end of the request window (5 working days by default), whichever comes first; no request → <c>Waived</c>.
/// 2. Requested → the case clock pauses (hearing time does not count, Art. 45) and the organiser gets a task to schedule
///    it: completing it with <c>data.hearingAt</c> (at least 7 days ahead) and <c>data.place</c> issues the hearing notice.
/// 3. A second task holds the hearing: completing it with <c>data.record</c> (听证笔录) and a conclusion ends the pause
///    and fires <c>Held</c>. Everything is kept in the <c>hearing</c> variable, on which the decision is based.
/// </remarks>
public sealed class HearingActivity(DocumentIssuer documents) : Activity
{
    public const string RequestSignal = "hearing-request";
    public const string HearingVariable = "hearing";
    private const int MinimumNoticeDays = 7;

    public override ActivityDescriptor Descriptor { get; } = new(
        "Hearing", ActivityCategories.Review, new("听证", "Hearing"),
        new("告知听证权利（5个工作日内申请），申请的应提前7日通知听证时间地点，制作听证笔录，听证期间不计入办理时限。",
            "Tells the applicant of the right to a hearing (request within 5 working days); a requested hearing is notified at least 7 days ahead, recorded, and its time does not count towards the limit."),
        [
            .. CaseData.Inputs,
            new InputDescriptor("requestWindowDays", "Int32", new("申请期限（工作日）", "Request window (working days)"), DefaultValue: JsonValue.Create(5)),
            new InputDescriptor("assignee", "String", new("听证组织人", "Organiser")),
            new InputDescriptor("candidateRoles", "String[]", new("候选角色", "Candidate roles"), DefaultValue: new JsonArray("Approver")),
            new InputDescriptor("department", "String", new("部门", "Department")),
        ],
        ["Waived", "Held"]);

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var data = CaseData.Read(context);
        var window = Math.Max(1, context.GetInt32("requestWindowDays") ?? 5);
        var deadline = context.Calendar.AddWorkingDays(ChinaTime.DateOf(context.Now), window);
        var model = data.DocumentModel("HearingNotice", context.Now, context.Instance.NextJournalSequence);
        model["requestDeadline"] = deadline.ToString("yyyy-MM-dd");
        model["requestWindowDays"] = window;
        await documents.IssueAsync(context, "HearingNotice", model, data.MatterCode);
        Save(context, new JsonObject { ["step"] = "AwaitingRequest", ["requestDeadline"] = deadline.ToString("yyyy-MM-dd") });
        var request = context.CreateBookmark(BookmarkKinds.Signal, RequestSignal, context.Instance.CorrelationId);
        var lapse = context.CreateBookmark(BookmarkKinds.Timer, resumeAt: ChinaTime.StartOfDay(deadline.AddDays(1)));
        return ActivityResult.WaitForFirst(request, lapse);
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, ResumeStimulus stimulus)
    {
        var hearing = (JsonObject)(context.GetVariable(HearingVariable)?.DeepClone() ?? new JsonObject());
        switch (CaseData.Text(hearing["step"]))
        {
            case "AwaitingRequest":
                var requested = stimulus.Bookmark.Kind == BookmarkKinds.Signal && stimulus.Payload?["requested"] is JsonValue r && r.TryGetValue<bool>(out var yes) && yes;
                if (!requested)
                {
                    hearing["step"] = "Waived";
                    hearing["requested"] = false;
                    Save(context, hearing);
                    return ActivityResult.Complete("Waived");
                }

                hearing["requested"] = true;
                hearing["requestedAt"] = context.Now.ToString("O");
                hearing["step"] = "Scheduling";
                Save(context, hearing);
                // Keyed: a testing procedure paused alongside does not end the hearing's pause when it ends.
                if (context.FindClock(LegalClock.CaseClockName) is { IsStopped: false } caseClock && !caseClock.Pauses.Exists(p => p.ResumedAt is null && p.Key == PauseKey(context)))
                {
                    context.ChangeClock(LegalClock.CaseClockName, c => c.Pause(PauseKey(context), context.Now, stimulus.Actor, "听证"));
                }

                return Task(context, "安排听证", ["Scheduled"]);

            case "Scheduling":
                var hearingAt = ReadHearingAt(stimulus.Payload?["data"]?["hearingAt"]);
                if (hearingAt is null || hearingAt.Value < context.Now.AddDays(MinimumNoticeDays))
                {
                    throw new InvalidStimulusException($"'data.hearingAt' must be an instant at least {MinimumNoticeDays} days from now: the applicant is notified seven days before the hearing (Art. 48).");
                }

                var place = CaseData.Text(stimulus.Payload?["data"]?["place"]) ?? throw new InvalidStimulusException("'data.place' (where the hearing is held) is required.");
                context.CompleteWorkItem(stimulus.Bookmark, "Scheduled", CaseData.Text(stimulus.Payload?["comment"]), stimulus.Payload?["data"] as JsonObject);
                var data = CaseData.Read(context);
                var model = data.DocumentModel("HearingNotice", context.Now, context.Instance.NextJournalSequence);
                model["requestDeadline"] = hearing["requestDeadline"]?.DeepClone();
                var local = ChinaTime.ToLocal(hearingAt.Value);
                model["hearing"] = new JsonObject
                {
                    ["date"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
                    ["place"] = place,
                    ["host"] = CaseData.Text(stimulus.Payload?["data"]?["host"]) ?? stimulus.Actor,
                };
                await documents.IssueAsync(context, "HearingNotice", model, data.MatterCode);
                hearing["step"] = "Scheduled";
                hearing["hearingAt"] = hearingAt.Value.ToString("O");
                hearing["place"] = place;
                Save(context, hearing);
                return Task(context, "举行听证并制作笔录", ["Held"]);

            case "Scheduled":
                var record = CaseData.Text(stimulus.Payload?["data"]?["record"]) ?? throw new InvalidStimulusException("'data.record' (the hearing record, 听证笔录) is required.");
                context.CompleteWorkItem(stimulus.Bookmark, "Held", CaseData.Text(stimulus.Payload?["comment"]), stimulus.Payload?["data"] as JsonObject);
                if (context.FindClock(LegalClock.CaseClockName) is { IsStopped: false } clock && clock.Pauses.Exists(p => p.ResumedAt is null && p.Key == PauseKey(context)))
                {
                    context.ChangeClock(LegalClock.CaseClockName, c => c.Resume(PauseKey(context), context.Now, stimulus.Actor, "听证结束"));
                }

                hearing["step"] = "Held";
                hearing["record"] = record;
                hearing["conclusion"] = CaseData.Text(stimulus.Payload?["comment"]);
                hearing["heldBy"] = stimulus.Actor;
                Save(context, hearing);
                return ActivityResult.Complete("Held");

            default:
                throw new InvalidOperationException($"Hearing '{context.Node.Id}' was resumed in step '{CaseData.Text(hearing["step"])}', which waits for nothing.");
        }
    }

    private ActivityResult Task(ActivityExecutionContext context, string title, IReadOnlyList<string> outcomes)
    {
        var bookmark = context.CreateBookmark(BookmarkKinds.HumanTask, correlationId: context.Instance.CorrelationId);
        context.CreateWorkItem(bookmark, title, context.GetString("assignee"), context.GetStrings("candidateRoles"), context.GetString("department"), null, outcomes);
        return ActivityResult.Wait(bookmark);
    }

    private static void Save(ActivityExecutionContext context, JsonObject hearing) => context.SetVariable(HearingVariable, hearing);

    private static string PauseKey(ActivityExecutionContext context) => $"hearing:{context.Node.Id}";

    /// <summary>An instant as people type it; without an offset it is Beijing time, as everywhere in the product.</summary>
    private static DateTimeOffset? ReadHearingAt(JsonNode? node)
    {
        try
        {
            return InputConversions.ToInstant(node, "data.hearingAt");
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
