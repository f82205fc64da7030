using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProxyThreat.Pipeline.Decisions;

/// <summary>
/// Reads the analysts' decisions file: JSON Lines, one object a line,
/// <c>{"date": "yyyy-mm-dd", "uri": "...", "title": "...", "text": "...", "action": "investigate"|"dismiss"}</c>.
/// Any fault stops the load with the file and line; blank lines are allowed.
/// </summary>
public static class DecisionFile
{
    public static async Task<DecisionBook> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(path, new UTF8Encoding(false, true), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new DecisionFileException(path, 0, $"cannot read the decisions file: {ex.Message}", ex);
        }

        var decisions = new List<Decision>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                decisions.Add(Parse(lines[i], path, i + 1));
            }
        }

        return new DecisionBook(decisions);
    }

    private static Decision Parse(string line, string path, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DecisionFileException(path, number, $"not a JSON object: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DecisionFileException(path, number, "expected a JSON object");
            }

            string? date = null, uri = null, title = null, text = null, action = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new DecisionFileException(path, number, $"\"{property.Name}\" must be a string"),
                };
                switch (property.Name)
                {
                    case "date": date = value; break;
                    case "uri": uri = value; break;
                    case "title": title = value; break;
                    case "text": text = value; break;
                    case "action": action = value; break;
                    default:
                        throw new DecisionFileException(path, number, $"unknown key \"{property.Name}\" (expected date, uri, title, text, action)");
                }
            }

            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new DecisionFileException(path, number, date is null ? "\"date\" is missing" : $"\"date\" '{date}' is not a yyyy-mm-dd date");
            }

            if (string.IsNullOrEmpty(uri))
            {
                throw new DecisionFileException(path, number, "\"uri\" is missing or empty");
            }

            var decided = action switch
            {
                null or "investigate" => DecisionAction.Investigate,
                "dismiss" => DecisionAction.Dismiss,
                _ => throw new DecisionFileException(path, number, $"\"action\" '{action}' is neither investigate nor dismiss"),
            };
            return new Decision(day, uri, title, text, decided, number);
        }
    }
}
