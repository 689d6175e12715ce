using System.Text.Json;
using System.Text.Json.Serialization;
using DuLuan.Features.Reports.Documents;

namespace DuLuan.Features.Reports.Drafts;

/// <summary>JSON of the figures snapshot and the text of a draft; a period is stored as its code ("2026-Q3").</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PeriodConverter(), new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ReportFigures Figures(string json) => JsonSerializer.Deserialize<ReportFigures>(json, Options) ?? throw new JsonException("empty figures");

    public static ReportText Text(string json) => JsonSerializer.Deserialize<ReportText>(json, Options) ?? throw new JsonException("empty text");

    private sealed class PeriodConverter : JsonConverter<ReportPeriod>
    {
        public override ReportPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReportPeriod.TryParse(reader.GetString(), out var period, out var error) ? period : throw new JsonException(error);

        public override void Write(Utf8JsonWriter writer, ReportPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }
}
