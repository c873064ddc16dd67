using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Recents.Integration.Tests.Drills;

/// <summary>Reads every loaded user's list through the API and compares it with what the acknowledged adds imply.</summary>
internal static class ListCheck
{
    public sealed record Mismatch(string User, IReadOnlyList<Guid> Expected, IReadOnlyList<Guid> Actual)
    {
        public override string ToString() =>
            $"{User}: expected [{string.Join(", ", Expected.Select(Short))}] but the service lists [{string.Join(", ", Actual.Select(Short))}]";

        private static string Short(Guid id) => id.ToString()[^4..];
    }

    public sealed record Result(int UsersChecked, IReadOnlyList<Mismatch> Mismatches);

    public static async Task<Result> RunAsync(DrillWorld world, AcknowledgedAdds adds, Uri api)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var mismatches = new ConcurrentBag<Mismatch>();
        var users = adds.UsersWithAdds.Where(user => !adds.IsUncertain(user)).ToList();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, _) =>
        {
            var expected = adds.ExpectedList(user);
            var actual = await ListAsync(http, world, user);
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add(new Mismatch(world.Users[user], expected, actual));
            }
        });
        return new Result(users.Count, mismatches.ToList());
    }

    private static async Task<IReadOnlyList<Guid>> ListAsync(HttpClient http, DrillWorld world, int user)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/imodels/recents?iTwinId={world.ITwinId}&$top=100");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.UserTokens[user]);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return body.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
            }

            if (attempt == 10)
            {
                throw new InvalidOperationException($"Listing {world.Users[user]} answered {(int)response.StatusCode} ten times.");
            }

            await Task.Delay(500);
        }
    }
}
