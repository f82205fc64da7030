using System.Buffers;
using System.Text.Json;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>
/// Walks a JSON document token by token over a stream, holding only a buffer that is refilled as the walk
/// goes; a whole value is buffered only when asked for (<see cref="ReadValueAsync"/>), so a huge array
/// can be read element by element.
/// </summary>
internal sealed class JsonStreamReader : IDisposable
{
    private const int InitialBufferSize = 256 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;

    public JsonStreamReader(Stream stream)
    {
        _stream = stream;
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>The text of the last property name or string token read with <see cref="ReadTokenAsync"/>.</summary>
    public string? Text { get; private set; }

    /// <summary>Reads the next token; false at the end of a complete document.</summary>
    public async ValueTask<bool> ReadTokenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadToken())
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reads the next whole value with <paramref name="parse"/>; or, when the next token closes an array or
    /// object instead, consumes it and answers false.
    /// </summary>
    public async ValueTask<(bool Found, T? Value)> ReadValueAsync<T>(GraphQLRowParser<T> parse, CancellationToken cancellationToken)
    {
        while (true)
        {
            var step = TryReadValue(parse);
            if (step.Complete)
            {
                return (step.Found, step.Value);
            }

            if (_final)
            {
                throw new JsonException("the JSON ends inside a value");
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Hands the elements of the array whose start was just read to <paramref name="sink"/>, up to and including
    /// the array's end. Each element is read once, where it lies in the buffer; only an element cut by the end of
    /// the buffer is offered again, whole, after a refill. Null elements carry nothing and are left out.
    /// </summary>
    public async ValueTask ReadElementsAsync(IGraphQLListSink sink, CancellationToken cancellationToken)
    {
        while (!TryReadElements(sink))
        {
            if (_final)
            {
                throw new JsonException("the JSON ends inside a list");
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Skips the next whole value.</summary>
    public async ValueTask SkipValueAsync(CancellationToken cancellationToken) =>
        await ReadValueAsync(static (ref Utf8JsonReader r) =>
        {
            r.Skip();
            return true;
        }, cancellationToken);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool TryReadToken()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        if (!reader.Read())
        {
            return false;
        }

        TokenType = reader.TokenType;
        Text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
        Consume(ref reader);
        return true;
    }

    private (bool Complete, bool Found, T? Value) TryReadValue<T>(GraphQLRowParser<T> parse)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        if (!reader.Read())
        {
            return (false, false, default);
        }

        if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
        {
            TokenType = reader.TokenType;
            Consume(ref reader);
            return (true, false, default);
        }

        // Parse only once the whole value is in the buffer, and hand the parser that value alone as a final
        // block: it cannot wait for more bytes, and may Skip or deserialize as over any complete document.
        var start = checked((int)reader.TokenStartIndex);
        if (!reader.TrySkip())
        {
            return (false, false, default);
        }

        var whole = new Utf8JsonReader(_buffer.AsSpan(_start + start, checked((int)reader.BytesConsumed) - start), isFinalBlock: true, state: default);
        whole.Read();
        var value = parse(ref whole);
        TokenType = reader.TokenType;
        Consume(ref reader);
        return (true, true, value);
    }

    /// <summary>Reads what elements the buffer holds whole; true once the array has ended.</summary>
    private bool TryReadElements(IGraphQLListSink sink)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var done = 0L;
        var state = _state;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    TokenType = reader.TokenType;
                    done = reader.BytesConsumed;
                    state = reader.CurrentState;
                    return true;
                }

                if (reader.TokenType != JsonTokenType.Null && !sink.TryRead(ref reader))
                {
                    return false;
                }

                done = reader.BytesConsumed;
                state = reader.CurrentState;
            }

            return false;
        }
        finally
        {
            _start += checked((int)done);
            _state = state;
        }
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        _start += checked((int)reader.BytesConsumed);
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One token or value is larger than the buffer: grow it to hold it.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _final = read == 0;
    }
}
