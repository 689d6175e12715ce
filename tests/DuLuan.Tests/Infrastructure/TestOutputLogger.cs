using Microsoft.Extensions.Logging;

namespace DuLuan.Tests.Infrastructure;

/// <summary>Sends the app's warnings and errors to the running test's output, so a 500 explains itself.</summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    // Request threads do not carry the test's context, so the output helper is captured up front.
    private readonly ITestOutputHelper? output = TestContext.Current.TestOutputHelper;

    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(categoryName, output);

    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(string category, ITestOutputHelper? output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output?.WriteLine($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
            catch (InvalidOperationException)
            {
                // A host shared by a class's tests outlives the test that started it: its output is closed by then.
                Console.Error.WriteLine($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
