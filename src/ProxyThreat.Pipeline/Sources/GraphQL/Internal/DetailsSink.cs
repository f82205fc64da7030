using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources.Internal;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>
/// Reads the elements of <c>proxy.threat.details</c> straight into compact columns: each property is parsed
/// once, where it lies in the answer; texts become ids by their UTF-8 bytes, so a text repeated on a million
/// rows makes one string. Fields the outputs do not use are checked for their type and dropped.
/// </summary>
internal sealed class DetailsSink : IGraphQLListSink, IDisposable
{
    private static readonly string[] DatetimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    // In the order of the query, which is the order Spot answers in: each name is tried where it is expected first.
    private static readonly byte[][] Names =
    [
        "datetime"u8.ToArray(), "clientIp"u8.ToArray(), "username"u8.ToArray(), "duration"u8.ToArray(), "uri"u8.ToArray(),
        "webCategory"u8.ToArray(), "responseCode"u8.ToArray(), "requestMethod"u8.ToArray(), "userAgent"u8.ToArray(),
        "responseContentType"u8.ToArray(), "referer"u8.ToArray(), "uriPort"u8.ToArray(), "serverIp"u8.ToArray(),
        "serverToClientBytes"u8.ToArray(), "clientToServerBytes"u8.ToArray(),
    ];

    private enum Field
    {
        Datetime, ClientIp, Username, Duration, Uri, WebCategory, ResponseCode, RequestMethod, UserAgent,
        ResponseContentType, Referer, UriPort, ServerIp, ServerToClientBytes, ClientToServerBytes, Unknown,
    }

    public DetailsSink(SearchRows rows)
    {
        Rows = rows;
    }

    public SearchRows Rows { get; }

    public int Count => Rows.Count;

    public bool TryRead(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"an element of details is a {reader.TokenType}, not an object");
        }

        var (time, client, uri, referer, method, type, code, duration) = (SearchRow.NoTime, TextTable.Null, TextTable.Null, TextTable.Null, TextTable.Null, TextTable.Null, TextTable.Null, 0);
        var expected = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                Rows.Add(new SearchRow(time, client, uri, referer, method, type, code, duration));
                return true;
            }

            var field = FieldOf(ref reader, expected);
            expected = (int)field + 1;
            if (!reader.Read())
            {
                return false;
            }

            switch (field)
            {
                case Field.Datetime:
                    time = Time(ref reader);
                    break;
                case Field.ClientIp:
                    client = Text(ref reader, Rows.ClientIps, field);
                    break;
                case Field.Uri:
                    uri = Text(ref reader, Rows.FullUris, field);
                    break;
                case Field.Referer:
                    referer = Text(ref reader, Rows.Referers, field);
                    break;
                case Field.RequestMethod:
                    method = Text(ref reader, Rows.RequestMethods, field);
                    break;
                case Field.ResponseContentType:
                    type = Text(ref reader, Rows.ContentTypes, field);
                    break;
                case Field.ResponseCode:
                    code = Int(ref reader, field) is { } number ? Code(number) : TextTable.Null;
                    break;
                case Field.Duration:
                    duration = Int(ref reader, field) ?? 0;
                    break;
                case Field.Username or Field.WebCategory or Field.UserAgent or Field.ServerIp:
                    CheckText(ref reader, field);
                    break;
                case Field.UriPort or Field.ServerToClientBytes or Field.ClientToServerBytes:
                    Int(ref reader, field);
                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    public void Dispose() => Rows.Dispose();

    /// <summary>The code's id, as text the way the tables hold it.</summary>
    private int Code(int number)
    {
        Span<byte> text = stackalloc byte[11];
        Utf8Formatter.TryFormat(number, text, out var written);
        return Rows.ResponseCodes.IdOf(text[..written]);
    }

    private static Field FieldOf(ref Utf8JsonReader reader, int expected)
    {
        if (reader.ValueIsEscaped)
        {
            return Find(Encoding.UTF8.GetBytes(reader.GetString()!));
        }

        var name = reader.ValueSpan;
        return expected < Names.Length && name.SequenceEqual(Names[expected]) ? (Field)expected : Find(name);
    }

    private static Field Find(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return (Field)i;
            }
        }

        return Field.Unknown;
    }

    private static int Text(ref Utf8JsonReader reader, TextTable table, Field field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return TextTable.Null;
        }

        CheckText(ref reader, field);
        if (!reader.ValueIsEscaped)
        {
            return table.IdOf(reader.ValueSpan);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(buffer);
            return table.IdOf(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void CheckText(ref Utf8JsonReader reader, Field field)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
        {
            throw new JsonException($"details.{Encoding.UTF8.GetString(Names[(int)field])} is a {reader.TokenType}, not a string");
        }
    }

    private static int? Int(ref Utf8JsonReader reader, Field field) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        _ => throw new JsonException($"details.{Encoding.UTF8.GetString(Names[(int)field])} is not an int"),
    };

    /// <summary>Spot's <c>yyyy-mm-dd hh:mm:ss</c> read from its bytes; any other form as the formats allow. A time that cannot be read is no time.</summary>
    private static long Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return SearchRow.NoTime;
        }

        CheckText(ref reader, Field.Datetime);
        if (!reader.ValueIsEscaped && HiveTimeText.TryParseDateTime(reader.ValueSpan, out var ticks))
        {
            return ticks;
        }

        return DateTime.TryParseExact(reader.GetString(), DatetimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.Ticks : SearchRow.NoTime;
    }
}
