namespace Nege.Gateway;

public sealed class GatewayOptions
{
    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    public RateLimitOptions PublicWriteRateLimit { get; set; } = new();

    public sealed class RateLimitOptions
    {
        public int PermitLimit { get; set; } = 30;

        public int WindowSeconds { get; set; } = 60;
    }
}
