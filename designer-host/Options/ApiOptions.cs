namespace Approval.DesignerHost.Options;

/// <summary>Limits of the HTTP API; bound from <c>Approval:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Approval:Api";

    /// <value>The largest request body accepted, in bytes; 1 MB by default (a large definition is ~200 KB).</value>
    /// <remarks>A larger body is refused with 413 before it is read.</remarks>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
