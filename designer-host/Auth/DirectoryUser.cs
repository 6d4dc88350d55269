namespace Approval.DesignerHost.Auth;

/// <summary>A user who may sign in: name, department and roles.</summary>
public sealed record DirectoryUser(string UserName, string DisplayName, string Department, IReadOnlyList<string> Roles);
