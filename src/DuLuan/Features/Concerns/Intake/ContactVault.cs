using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace DuLuan.Features.Concerns.Intake;

public sealed record Contact(string? Email, string? Phone)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>Encrypts a resident's contact at rest with Data Protection (keys live in the database).</summary>
public sealed class ContactVault(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("DuLuan.Concerns.Contact.v1");

    public string? Protect(Contact contact) => contact.IsEmpty ? null : protector.Protect(JsonSerializer.Serialize(contact));

    public Contact Unprotect(string protectedContact) => JsonSerializer.Deserialize<Contact>(protector.Unprotect(protectedContact))!;
}
