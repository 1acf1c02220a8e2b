namespace Nege.Gateway;

public sealed class GatewayOptions
{
    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Anonymous public writes, per client address.</summary>
    public RateLimitOptions PublicWriteRateLimit { get; set; } = new();

    /// <summary>Partner systems (tokens with <c>caller_type</c> <c>partner_client</c>), per client id.</summary>
    public RateLimitOptions PartnerRateLimit { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    public sealed class RateLimitOptions
    {
        public int PermitLimit { get; set; } = 30;

        public int WindowSeconds { get; set; } = 60;
    }
}
