namespace DuLuan.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>Binds <see cref="MailOptions"/> from the <c>Mail</c> section (checked at start) and registers <see cref="IMailSender"/>.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.Problem() is null, "Mail settings are invalid: check Mail:Port, Mail:From and Mail:Timeout.")
            .ValidateOnStart();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
