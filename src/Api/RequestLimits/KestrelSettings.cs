using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Recents.Api.RequestLimits;

public static class KestrelSettings
{
    /// <summary>
    /// Kestrel's size limits (<see cref="RequestSizeLimits"/>), and header values decoded as Latin-1: every byte is a
    /// character, so a value that is not ASCII reaches the application, which answers it in the envelope (a token that
    /// is not ASCII is a 401, a correlation id that is not ASCII is replaced), instead of Kestrel's bare 400.
    /// </summary>
    public static void Apply(KestrelServerOptions kestrel)
    {
        RequestSizeLimits.ApplyTo(kestrel.Limits);
        kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
    }
}
