using DuLuan.Features.Bulletins.Audio;

namespace DuLuan.Features.Bulletins;

public static class BulletinsServices
{
    public static IServiceCollection AddBulletins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BulletinAudioOptions>()
            .Bind(configuration.GetSection(BulletinAudioOptions.Section))
            .Validate(o => o.Engine is EspeakEngine.EngineName or FptTtsEngine.EngineName, "Bulletins:Engine must be espeak-ng or fpt-ai.")
            .Validate(o => o.BitRate is >= 32 and <= 192 && o.TargetLufs is >= -30 and <= -9 && o.PeakDbfs is >= -6 and <= 0 && o.LeaseSeconds > 0 && o.FptWaitSeconds > 0 && o.FptPollMilliseconds > 0 && Uri.TryCreate(o.FptUrl, UriKind.Absolute, out _), "Bulletins: bit rate 32-192, target -30..-9 LUFS, peak -6..0 dBFS, lease and waits positive, FptUrl absolute.")
            .ValidateOnStart();
        services.AddHttpClient(FptTtsEngine.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<AudioTools>();
        services.AddSingleton<ISpeechEngine, EspeakEngine>();
        services.AddSingleton<ISpeechEngine, FptTtsEngine>();
        services.AddSingleton<AudioRenderer>();
        services.AddScoped<BulletinWorkflow>();
        services.AddScoped<BulletinSchedules>();
        services.AddScoped<PublicBulletins>();
        services.AddScoped<Infrastructure.Portal.IPortalPages, BulletinPortalPages>();
        services.AddSingleton<BulletinRenderJob>();
        services.AddHostedService(s => s.GetRequiredService<BulletinRenderJob>());
        return services;
    }
}
