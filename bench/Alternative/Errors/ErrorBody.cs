namespace Recents.Bench.Alternative.Errors;

/// <summary>Every error answer: <c>{"error": {"code", "message"}}</c> as <c>application/json</c>.</summary>
public static class ErrorBody
{
    public sealed record Envelope(Detail Error);

    public sealed record Detail(string Code, string Message);

    public static Task WriteAsync(HttpResponse response, int statusCode, string code, string message)
    {
        response.StatusCode = statusCode;
        return response.WriteAsJsonAsync(new Envelope(new Detail(code, message)), options: null, contentType: "application/json");
    }

    public static IResult Result(int statusCode, string code, string message) =>
        TypedResults.Json(new Envelope(new Detail(code, message)), contentType: "application/json", statusCode: statusCode);
}
