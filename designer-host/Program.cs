using Approval.DesignerHost;
using Approval.DesignerHost.Audit;

if (VerifyAuditCommand.Matches(args))
{
    return await VerifyAuditCommand.RunAsync(args, Console.Out, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddApprovalHost();

var app = builder.Build();
app.UseApprovalHost();
app.Run();
return 0;
