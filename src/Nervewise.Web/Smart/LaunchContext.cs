using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Nervewise.Web.Smart;

/// <summary>
/// SMART puts the launch context next to the token: the token response names the <c>patient</c> the token is bound
/// to, so an app knows whose record it reads without decoding anything.
/// </summary>
internal sealed class LaunchContext : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<LaunchContext>()
            .SetOrder(OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType == OpenIddictServerEndpointType.Token
            && context.Principal?.FindFirst(Fhir.FhirCaller.PatientClaim)?.Value is { Length: > 0 } patient)
        {
            context.Parameters[Fhir.FhirCaller.PatientClaim] = patient;
        }
        return ValueTask.CompletedTask;
    }
}
