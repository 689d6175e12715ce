using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DuLuan.Tests.Trust;

/// <summary>One way in: a route, a method and (for pages) a handler, with the values it binds.</summary>
public sealed record RouteCase(string Pattern, string Method, string? Handler, bool AllowsAnonymous, IReadOnlyList<RouteInput> Inputs)
{
    /// <summary>The page model whose handler this is (null for minimal-API endpoints).</summary>
    public Type? Model { get; init; }

    public override string ToString() => $"{Method} /{Pattern.TrimStart('/')}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>Path with route parameters filled, plus a query string for GET inputs.</summary>
    public string Url(Func<RouteInput, string> value, bool queryInputs)
    {
        var pattern = RoutePatternFactory.Parse(Pattern);
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(value(Inputs.First(i => i.InRoute && i.Name == parameter.Name))),
                    _ => string.Empty,
                });
            }
        }

        var query = new List<string>();
        if (Handler is not null)
        {
            query.Add("handler=" + Handler);
        }

        if (queryInputs)
        {
            query.AddRange(Inputs.Where(i => !i.InRoute).Select(i => i.Name + "=" + Uri.EscapeDataString(value(i))));
        }

        return (path.Length == 0 ? "/" : path.ToString()) + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
    }
}

/// <summary>A bound value: a route parameter, a handler parameter or a [BindProperty] (Input.X for complex ones).</summary>
public sealed record RouteInput(string Name, Type Type, bool InRoute)
{
    public bool IsUnit => Name.Contains("unit", StringComparison.OrdinalIgnoreCase) || Name.Contains("agency", StringComparison.OrdinalIgnoreCase) || Name.Contains("parent", StringComparison.OrdinalIgnoreCase);

    public bool IsNumber => (Nullable.GetUnderlyingType(Type) ?? Type) is var t && (t == typeof(long) || t == typeof(int));
}

/// <summary>Every endpoint the app maps, read from its route table, so routes added later are covered without edits.</summary>
public static class RouteCatalog
{
    public static async Task<IReadOnlyList<RouteCase>> ReadAsync(WebApplication app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var cases = new List<RouteCase>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = (pattern.RawText ?? string.Empty).TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var routeInputs = pattern.Parameters.Select(p => new RouteInput(p.Name, p.ParameterPolicies.Any(pp => pp.Content is "long" or "int") ? typeof(long) : typeof(string), true)).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (!string.IsNullOrEmpty(page.AttributeRouteInfo?.Name) || raw.EndsWith("/Index", StringComparison.Ordinal) || raw == "Index")
                {
                    continue; // "/X/Index" and "/X" are the same page; keep one.
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                anonymous |= compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any();
                var bound = compiled.BoundProperties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var properties = compiled.HandlerTypeInfo.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null || bound.Contains(p.Name))
                    .ToList();
                foreach (var handler in compiled.HandlerMethods)
                {
                    var inputs = new List<RouteInput>(routeInputs);
                    var get = string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
                    foreach (var parameter in handler.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)))
                    {
                        Add(inputs, parameter.Name, parameter.ParameterType);
                    }

                    foreach (var property in properties.Where(p => !get || p.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true))
                    {
                        Add(inputs, property.Name, property.PropertyType);
                    }

                    cases.Add(new RouteCase(raw, handler.HttpMethod.ToUpperInvariant(), handler.Name, anonymous, inputs) { Model = compiled.HandlerTypeInfo.AsType() });
                }

                if (!compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    cases.Add(new RouteCase(raw, "GET", null, anonymous, routeInputs));
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                cases.Add(new RouteCase(raw, method, null, anonymous, routeInputs));
            }
        }

        return cases.DistinctBy(c => c.ToString()).OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
    }

    private static void Add(List<RouteInput> inputs, string name, Type type)
    {
        if (inputs.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsPrimitive || t == typeof(string) || t.IsEnum || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateOnly) || t.IsArray || t.IsGenericType)
        {
            inputs.Add(new RouteInput(name, type, false));
            return;
        }

        if (t.IsClass && t.Namespace?.StartsWith("DuLuan", StringComparison.Ordinal) == true)
        {
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var pt = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (pt.IsPrimitive || pt == typeof(string) || pt.IsEnum)
                {
                    inputs.Add(new RouteInput(name + "." + property.Name, property.PropertyType, false));
                }
            }
        }
    }

    /// <summary>The value a scope puts in an input: the scope's unit id, its record id, or its marker text.</summary>
    public static string ValueFor(RouteInput input, ScopeSeed seed, Scope scope)
    {
        if (input.IsNumber)
        {
            return ScopeSeed.S(input.IsUnit ? seed.Units[scope].Id : ScopeSeed.IdOf(scope));
        }

        var t = Nullable.GetUnderlyingType(input.Type) ?? input.Type;
        if (t == typeof(bool))
        {
            return "true";
        }

        if (t.IsEnum)
        {
            return Enum.GetNames(t)[0];
        }

        if (t == typeof(DateOnly) || t == typeof(DateTime))
        {
            return DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (input.InRoute && input.Name == "format")
        {
            return "json";
        }

        if (input.InRoute && input.Name == "id")
        {
            return ScopeSeed.S(ScopeSeed.IdOf(scope));
        }
        // Near the marker but not it: a page echoing the input back is not mistaken for showing a record.
        return "tmk" + ScopeSeed.S(ScopeSeed.IdOf(scope)) + "x";
    }
}
