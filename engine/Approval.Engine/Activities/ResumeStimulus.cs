using System.Text.Json.Nodes;
using Approval.Engine.Bookmarks;

namespace Approval.Engine.Activities;

/// <summary>What resumed a bookmark: the payload that came with it and who sent it.</summary>
public sealed record ResumeStimulus(Bookmark Bookmark, JsonObject? Payload, string Actor);
