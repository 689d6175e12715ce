using DuLuan.Data;
using DuLuan.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace DuLuan.Features.Account;

public static class AccountServices
{
    public const string NeedsTwoFactorClaim = "duluan:needs2fa";

    public static IServiceCollection AddAccount(this IServiceCollection services, bool secureCookies)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<Member>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorProvider.Name;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddTokenProvider<ReplayProtectedAuthenticatorProvider>(ReplayProtectedAuthenticatorProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<MemberClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // Checked on every request, so logout, password change, role change and disable end old cookies at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-duluan" : "duluan";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = secureCookies ? "__Host-duluan-ext" : "duluan-ext");
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-duluan-2fa" : "duluan-2fa";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddScoped<SetupTokens>();
        services.AddScoped<SignInThrottles>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<IAccountCredentials, AccountCredentials>();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
