namespace Approval.DesignerHost.Tests.Support;

/// <summary>One host shared by the API tests; each test makes its own definitions, so they do not see each other's data.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<ApprovalHostFactory>
{
    public const string Name = "host";
}
