using System.Threading.Channels;
using MailKit.Net.Smtp;
using MimeKit;

namespace Nervewise.Web.Email;

/// <summary>
/// Mail waits here and a background worker sends it, so a page answers in the same time whether or not it sent
/// anything (registration and password reset must not reveal which emails have accounts), and a slow or broken
/// mail server never breaks the page.
/// </summary>
public sealed class Outbox
{
    private readonly Channel<MimeMessage> _channel = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<MimeMessage> Reader => _channel.Reader;

    public void Enqueue(MimeMessage message) => _channel.Writer.TryWrite(message);
}

internal sealed partial class MailWorker(Outbox queue, IMailSender sender, ILogger<MailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await SendWaitingAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: send what is already waiting, briefly, rather than drop it.
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SendWaitingAsync(drain.Token);
        }
    }

    private async Task SendWaitingAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && queue.Reader.TryRead(out var message))
        {
            try
            {
                await sender.SendAsync(message, cancellationToken);
            }
#pragma warning disable CA1031 // One undeliverable message must not stop the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // Only the kind and the server's status: its text can name the recipient, and bodies carry links.
                LogNotSent(logger, exception.GetType().Name, exception is SmtpCommandException smtp ? (int)smtp.StatusCode : 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A message could not be sent: {Kind} (SMTP status {Status})")]
    private static partial void LogNotSent(ILogger logger, string kind, int status);
}
