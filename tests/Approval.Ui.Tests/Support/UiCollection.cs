namespace Approval.Ui.Tests.Support;

/// <summary>One host and one browser for all UI tests: a host start costs seconds, and the tests use their own data.</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiHost>, ICollectionFixture<Browser>
{
    public const string Name = "ui";
}
