using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Hangfire;

/// <summary>Creates each job in a DI scope of this host's own container.</summary>
/// <remarks>
/// Hangfire keeps the first activator it is given in a process-wide static; a second host in the same process (tests,
/// tools) would then run its jobs in the first host's container, disposed or not. Registering one per host, and the
/// performer that uses it, keeps every host's jobs in its own container.
/// </remarks>
internal sealed class HostJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
