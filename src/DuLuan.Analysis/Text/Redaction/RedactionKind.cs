namespace DuLuan.Analysis.Text;

public enum RedactionKind
{
    Phone,
    CitizenId,
    OldId,
    Email,
    BankAccount,
    LicencePlate,
    Address,
    PersonName,
    HealthInsurance,

    /// <summary>A passport, driving licence or personal tax number.</summary>
    OtherId,

    /// <summary>A link to a person's own social-network profile ("facebook.com/profile.php?id=…").</summary>
    PersonalLink,
}

/// <summary>What to remove: everything that identifies a person (public text), or only the numbers and contacts (staff notes).</summary>
public enum RedactionScope
{
    /// <summary>Names of private people, their home addresses, phones, e-mails, id, insurance and bank numbers, licence plates.</summary>
    Public,

    /// <summary>Phones, e-mails, profile links, id, passport, licence, tax, health-insurance and bank numbers only: names and places stay for staff.</summary>
    Identifiers,
}

/// <summary>A span of personal data found in text: offsets into the text given, and what it is.</summary>
public readonly record struct RedactionSpan(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}

public sealed record RedactionResult(string Text, IReadOnlyList<RedactionSpan> Spans);

/// <summary>Where the learned span model may remove a home the rules did not find.</summary>
internal enum LearnedHomes
{
    /// <summary>Names only.</summary>
    None,

    /// <summary>Homes said to be someone's, not touching a place the rules keep.</summary>
    OutsidePlaces,

    /// <summary>Homes said to be someone's, also over a lane or street the rules read as a place; never on a stretch of a street or an official.</summary>
    OverPlaces,
}
