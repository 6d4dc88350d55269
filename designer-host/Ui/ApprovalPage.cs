using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Approval.DesignerHost.Ui;

/// <summary>What every page needs: the words in the user's language and the signed-in user.</summary>
public abstract class ApprovalPage : ComponentBase
{
    [CascadingParameter]
    protected UiText Text { get; set; } = UiText.For(UiText.Chinese);

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected string T(string chinese, string english) => Text.T(chinese, english);

    protected async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await AuthenticationState).User;
}
