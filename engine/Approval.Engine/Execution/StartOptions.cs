using System.Text.Json.Nodes;

namespace Approval.Engine.Execution;

/// <summary>How to start an instance.</summary>
/// <param name="Input">Input the instance can read as <c>input</c>; keys that name declared variables set them.</param>
/// <param name="CorrelationId">A business key (a case number) that signals and queries can use.</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="InstanceId">A fixed id, for starts that must be idempotent; a new one by default.</param>
/// <param name="VersionId">A specific version to run; the published version by default.</param>
public sealed record StartOptions(JsonObject? Input = null, string? CorrelationId = null, string Actor = "system", Guid? InstanceId = null, string? VersionId = null);
