
namespace Recents.Deployment.Tests.Infrastructure;

/// <summary>The port the API listens on in its pod: ASPNETCORE_HTTP_PORTS, or the port of ASPNETCORE_URLS.</summary>
internal static class ApiPort
{
    public static int Listening
    {
        get
        {
            var variables = ServiceProcess.Api.ImageVariables().Concat(ServiceProcess.Api.ContainerVariables())
                .GroupBy(variable => variable.Name)
                .ToDictionary(group => group.Key, group => group.Last().Value);
            if (variables.TryGetValue("ASPNETCORE_URLS", out var urls))
            {
                return new Uri(urls.Split(';').Single().Replace("+", "localhost", StringComparison.Ordinal)).Port;
            }

            Assert.True(variables.TryGetValue("ASPNETCORE_HTTP_PORTS", out var ports), "Neither ASPNETCORE_URLS nor ASPNETCORE_HTTP_PORTS is set");
            return int.Parse(ports.Split(';').Single(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
