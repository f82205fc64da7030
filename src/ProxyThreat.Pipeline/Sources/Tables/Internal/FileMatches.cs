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
    /// <remarks>
    /// The rows are put in order of search first (file order kept within each), and the file's ids are mapped to
    /// one search's at a time through one set of arrays, so the cost follows the rows, not the rows times the
    /// searches: with an array per search and column, a day of 200 threats took 70 MB more than one of 20.
    /// </remarks>
    public void AddTo(IReadOnlyList<SearchRows> searches)
    {
        // Where each search's rows start in the order, by counting, then each row's place in it.
        var starts = new int[searches.Count + 1];
        foreach (ref readonly var match in CollectionsMarshal.AsSpan(_rows))
        {
            if (match.FullUriThreat >= 0)
            {
                starts[match.FullUriThreat + 1]++;
            }

            if (IsOtherReferer(match))
            {
                starts[match.RefererThreat + 1]++;
            }
        }

        for (var search = 1; search <= searches.Count; search++)
        {
            starts[search] += starts[search - 1];
        }

        var order = new int[starts[^1]];
        var next = starts[..^1];
        for (var i = 0; i < _rows.Count; i++)
        {
            var match = _rows[i];
            if (match.FullUriThreat >= 0)
            {
                order[next[match.FullUriThreat]++] = i;
            }

            if (IsOtherReferer(match))
            {
                order[next[match.RefererThreat]++] = i;
            }
        }

        var ids = new SearchIds(this);
        for (var search = 0; search < searches.Count; search++)
        {
            if (starts[search] < starts[search + 1])
            {
                ids.Start(searches[search]);
                foreach (var i in order.AsSpan(starts[search], starts[search + 1] - starts[search]))
                {
                    searches[search].Add(ids.Of(_rows[i].Row));
                }
            }
        }
    }

    /// <summary>Whether the row goes to the search of its referer too: it has one, and it is not its fulluri's.</summary>
    private static bool IsOtherReferer(in MatchedRow match) => match.RefererThreat >= 0 && match.RefererThreat != match.FullUriThreat;

    /// <summary>A search's ids for the file's ids, each text looked up once per search.</summary>
    private sealed class SearchIds(FileMatches file)
    {
        private readonly Column _clientIps = new(file.ClientIps);
        private readonly Column _fullUris = new(file.FullUris);
        private readonly Column _referers = new(file.Referers);
        private readonly Column _requestMethods = new(file.RequestMethods);
        private readonly Column _contentTypes = new(file.ContentTypes);
        private readonly Column _responseCodes = new(file.ResponseCodes);
        private SearchRows _search = null!;
        private int _stamp;

        /// <summary>From now on, ids are the given search's.</summary>
        public void Start(SearchRows search)
        {
            _search = search;
            _stamp++;
        }

        public SearchRow Of(in SearchRow row) => new(
            row.Time,
            _clientIps.Id(_search.ClientIps, row.ClientIp, _stamp),
            _fullUris.Id(_search.FullUris, row.FullUri, _stamp),
            _referers.Id(_search.Referers, row.Referer, _stamp),
            _requestMethods.Id(_search.RequestMethods, row.RequestMethod, _stamp),
            _contentTypes.Id(_search.ContentTypes, row.ContentType, _stamp),
            _responseCodes.Id(_search.ResponseCodes, row.ResponseCode, _stamp),
            row.Duration);

        /// <summary>A file column's ids mapped to the current search's; an entry counts only under the current stamp.</summary>
        private sealed class Column(TextTable from)
        {
            private readonly int[] _ids = new int[from.Count];
            private readonly int[] _stamps = new int[from.Count];

            public int Id(TextTable to, int id, int stamp)
            {
                if (_stamps[id] != stamp)
                {
                    _stamps[id] = stamp;
                    _ids[id] = to.IdOf(from, id);
                }

                return _ids[id];
            }
        }
    }
}
