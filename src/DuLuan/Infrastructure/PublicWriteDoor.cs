namespace DuLuan.Infrastructure;

/// <summary>
/// Endpoint metadata of a public write API (survey answers, Open311 posts): how to answer a write refused at the door
/// (429 in the API's own format; <see cref="PublicWriteAdmission"/> has set Retry-After). HTML forms carry none: they
/// are refused at their turn, where the form comes back with what the resident typed.
/// </summary>
public sealed record PublicWriteDoor(Func<HttpContext, IResult> Refusal);

/// <summary>
/// Right after routing, before rate limits, sign-in cookies, the body or the form: a POST to an endpoint with
/// <see cref="PublicWriteDoor"/> is counted on its way to admission, or refused with 429 at once when the writes on
/// their way, waiting and in flight already fill what the limit allows (<see cref="PublicWriteAdmission.TryArrive"/>).
/// <c>RateLimits:PublicWritesDoor=false</c> turns the door off (writes are then refused only at their turn).
/// </summary>
public sealed class PublicWriteDoorMiddleware(RequestDelegate next, PublicWriteAdmission admission, IConfiguration configuration)
{
    public const string Setting = "RateLimits:PublicWritesDoor";

    private readonly bool enabled = configuration.GetValue(Setting, true);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!enabled || !HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<PublicWriteDoor>() is not { } door)
        {
            await next(context);
            return;
        }

        if (!admission.TryArrive(context))
        {
            await door.Refusal(context).ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            admission.Arrived(context);
        }
    }
}
