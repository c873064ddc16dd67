using System.Net.Http.Headers;

namespace Recents.Bench.Tools;

/// <summary>
/// <c>fill --url U --tokens FILE --users N --itwins T --entries E --concurrency C</c>: adds iModels 1..E of each of the
/// first N users' iTwin, in order, through the service's POST, so that their lists are full before the GET rows.
/// </summary>
internal static class FillCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var (users, iTwins, entries) = (args.Number("users"), args.Number("itwins"), args.Number("entries"));
        var tokens = File.ReadLines(args.Text("tokens")).Take(users).ToArray();
        using var http = new HttpClient { BaseAddress = new Uri(args.Text("url")) };
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = args.Number("concurrency") },
            async (user, cancellation) =>
            {
                for (var iModel = 1; iModel <= entries; iModel++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/imodels/recents/{BenchWorld.IModelId(user % iTwins, iModel)}");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
                    using var response = await http.SendAsync(request, cancellation);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });
        Console.Error.WriteLine($"filled {users} users with {entries} entries each; {failures} adds failed");
        return failures == 0 ? 0 : 1;
    }
}
