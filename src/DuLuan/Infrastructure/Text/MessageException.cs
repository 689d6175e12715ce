namespace DuLuan.Infrastructure.Text;

/// <summary>
/// A refusal thrown by a service as a <see cref="Message"/>: pages render <see cref="Text"/> in the request's language;
/// <see cref="Exception.Message"/> is "Vietnamese / English" for the CLI, logs and the API.
/// </summary>
public class MessageException(Message text) : Exception(text.Both())
{
    public Message Text { get; } = text;
}
