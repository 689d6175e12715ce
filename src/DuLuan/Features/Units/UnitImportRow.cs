using DuLuan.Infrastructure.Text;

namespace DuLuan.Features.Units;

/// <summary>One unit read from an import file; <see cref="Line"/> points the user at the error.</summary>
public sealed record UnitImportRow(int Line, string Code, string Name, UnitKind Kind, string? ParentCode);

public sealed class UnitImportException(Message text) : MessageException(text);

public sealed record UnitImportResult(int Created, int Renamed, int Unchanged);
