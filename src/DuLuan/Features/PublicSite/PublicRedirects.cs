namespace DuLuan.Features.PublicSite;

/// <summary>
/// The public site's services and its old id-based addresses: each answers 301 to the readable address under
/// /cong/{code}, so links and QR codes already printed keep working.
/// </summary>
public static class PublicRedirects
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
        => services.AddScoped<PublicPlaces>().AddScoped<Infrastructure.Portal.IPortalPages, ContactPortalPages>();

    public static IEndpointRouteBuilder MapPublicRedirects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AllowAnonymous();
        group.MapGet("/phan-anh/{unitId:long}", (long unitId, PublicPlaces places, HttpContext http, CancellationToken ct)
            => ToPlaceAsync(unitId, "/phan-anh", places, http, ct));
        group.MapGet("/vu-viec/don-vi/{unitId:long}", (long unitId, PublicPlaces places, HttpContext http, CancellationToken ct)
            => ToPlaceAsync(unitId, "/vu-viec", places, http, ct));
        // The follow-up code names its place, the old address did not: it leads to the home, where the place is found.
        group.MapGet("/theo-doi", () => Results.Redirect("/", permanent: true));
        return app;
    }

    private static async Task<IResult> ToPlaceAsync(long unitId, string page, PublicPlaces places, HttpContext http, CancellationToken ct)
    {
        var place = await places.ByIdAsync(unitId, ct);
        return place is null
            ? Results.NotFound()
            : Results.Redirect(place.Home + page + http.Request.QueryString, permanent: true);
    }
}
