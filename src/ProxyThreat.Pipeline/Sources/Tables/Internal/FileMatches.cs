using System.Runtime.InteropServices;
using ProxyThreat.Pipeline.Search;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>
/// The requests of one raw file whose fulluri or referer is a searched URI, in file order, as compact rows whose
/// texts are ids in the file's own tables: files are read in parallel, each into its own, and then added to the
/// searches one after the other, so each search holds its rows in partition, file and row order. Once added, it
/// is <see cref="Clear"/>ed for the next file, keeping its room for rows.
/// </summary>
internal sealed class FileMatches
{
    private readonly List<MatchedRow> _rows = [];

    public TextTable ClientIps { get; private set; } = new();

    public TextTable FullUris { get; private set; } = new();

    public TextTable Referers { get; private set; } = new();

    public TextTable RequestMethods { get; private set; } = new();

    public TextTable ContentTypes { get; private set; } = new();

    public TextTable ResponseCodes { get; private set; } = new();

    public int Count => _rows.Count;

    public void Add(in MatchedRow row) => _rows.Add(row);

    public void Clear()
    {
        _rows.Clear();
        (ClientIps, FullUris, Referers) = (new(), new(), new());
        (RequestMethods, ContentTypes, ResponseCodes) = (new(), new(), new());
    }

    /// <summary>Adds each row to the search of its fulluri and to that of its referer (once where both are the same URI).</summary>
    /// <param name="searches">The searches, by the URIs' numbers.</param>
    public void AddTo(IReadOnlyList<SearchRows> searches)
    {
        var ids = new SearchIds?[searches.Count];
        foreach (ref readonly var match in CollectionsMarshal.AsSpan(_rows))
        {
            if (match.FullUriThreat >= 0)
            {
                Add(match.FullUriThreat, match.Row);
            }

            if (match.RefererThreat >= 0 && match.RefererThreat != match.FullUriThreat)
            {
                Add(match.RefererThreat, match.Row);
            }
        }

        void Add(int threat, in SearchRow row) => searches[threat].Add((ids[threat] ??= new SearchIds(this, searches[threat])).Of(row));
    }

    /// <summary>A search's ids for the file's ids, each text looked up once.</summary>
    private sealed class SearchIds(FileMatches file, SearchRows search)
    {
        private readonly int[] _clientIps = Unknown(file.ClientIps);
        private readonly int[] _fullUris = Unknown(file.FullUris);
        private readonly int[] _referers = Unknown(file.Referers);
        private readonly int[] _requestMethods = Unknown(file.RequestMethods);
        private readonly int[] _contentTypes = Unknown(file.ContentTypes);
        private readonly int[] _responseCodes = Unknown(file.ResponseCodes);

        public SearchRow Of(in SearchRow row) => new(
            row.Time,
            Id(_clientIps, file.ClientIps, search.ClientIps, row.ClientIp),
            Id(_fullUris, file.FullUris, search.FullUris, row.FullUri),
            Id(_referers, file.Referers, search.Referers, row.Referer),
            Id(_requestMethods, file.RequestMethods, search.RequestMethods, row.RequestMethod),
            Id(_contentTypes, file.ContentTypes, search.ContentTypes, row.ContentType),
            Id(_responseCodes, file.ResponseCodes, search.ResponseCodes, row.ResponseCode),
            row.Duration);

        private static int[] Unknown(TextTable table)
        {
            var ids = new int[table.Count];
            Array.Fill(ids, -1);
            return ids;
        }

        private static int Id(int[] ids, TextTable from, TextTable to, int id)
        {
            var mapped = ids[id];
            return mapped >= 0 ? mapped : ids[id] = to.IdOf(from, id);
        }
    }
}
