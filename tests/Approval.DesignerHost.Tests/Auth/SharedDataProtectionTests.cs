using System.Security.Cryptography;
using Approval.DesignerHost.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.DesignerHost.Tests.Auth;

/// <summary>Sign-in cookies and antiforgery tokens one host issues must be readable by every host behind the load balancer.</summary>
public sealed class SharedDataProtectionTests
{
    [Fact]
    public async Task KeysFolder_Shared_AnotherHostReadsWhatOneProtected()
    {
        var keys = Directory.CreateTempSubdirectory("approval-dp-keys-").FullName;
        try
        {
            await using var first = new ApprovalHostFactory(new() { ["Approval:DataProtection:KeysFolder"] = keys });
            await using var second = new ApprovalHostFactory(new() { ["Approval:DataProtection:KeysFolder"] = keys });
            await using var alone = new ApprovalHostFactory();

            var cookie = Protector(first).Protect("signed in as clerk");

            Assert.Equal("signed in as clerk", Protector(second).Unprotect(cookie));
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
            Assert.ThrowsAny<CryptographicException>(() => Protector(alone).Unprotect(cookie));
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    private static IDataProtector Protector(ApprovalHostFactory host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Approval.Tests.Cookie");
}
