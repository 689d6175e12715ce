namespace DuLuan.Infrastructure.Time;

public static class OfficeTimeServices
{
    /// <summary>Registers <see cref="OfficeTime"/>; an unknown zone stops the start with the setting's name.</summary>
    public static IServiceCollection AddOfficeTime(this IServiceCollection services, IConfiguration configuration)
    {
        var zoneId = OfficeTime.ZoneId(configuration);
        if (!OfficeTime.IsKnownZone(zoneId))
        {
            throw new InvalidOperationException($"{OfficeTime.Setting} names an unknown time zone: '{zoneId}'.");
        }

        services.AddSingleton(sp => new OfficeTime(sp.GetRequiredService<TimeProvider>(), zoneId));
        return services;
    }
}
