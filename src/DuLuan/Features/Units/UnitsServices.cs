namespace DuLuan.Features.Units;

public static class UnitsServices
{
    public static IServiceCollection AddUnits(this IServiceCollection services)
    {
        services.AddScoped<UnitTree>();
        services.AddScoped<UnitImporter>();
        services.AddScoped<UnitReorganisation>();
        services.AddScoped<UnitActivity>();
        return services;
    }
}
