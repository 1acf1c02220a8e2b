namespace Nege.ServiceDefaults.Http;

/// <summary>Marks an endpoint that anyone may call, so that "who may call it" is always stated.</summary>
public sealed class PublicEndpoint
{
    public static readonly PublicEndpoint Instance = new();

    private PublicEndpoint()
    {
    }
}
