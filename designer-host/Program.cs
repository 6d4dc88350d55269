using Approval.DesignerHost;

var builder = WebApplication.CreateBuilder(args);
builder.AddApprovalHost();

var app = builder.Build();
app.UseApprovalHost();
app.Run();
