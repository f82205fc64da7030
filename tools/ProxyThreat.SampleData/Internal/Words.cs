namespace ProxyThreat.SampleData.Internal;

/// <summary>Vocabulary for page names, and the user agents of 2016.</summary>
internal static class Words
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "budget", "council", "election", "market", "weather", "storm", "summer", "festival", "transit", "housing",
        "school", "health", "science", "space", "energy", "climate", "trade", "brexit", "olympics", "soccer",
        "tennis", "baseball", "startup", "cloud", "security", "privacy", "python", "java", "linux", "docker",
        "kafka", "spark", "hadoop", "network", "router", "laptop", "phone", "camera", "recipe", "pasta",
        "chicken", "salad", "travel", "hotel", "flight", "beach", "museum", "concert", "review", "guide",
        "report", "update", "launch", "release", "interview", "analysis", "record", "heatwave", "airport", "bridge",
    ];

    public static IReadOnlyList<string> Cities { get; } =
    [
        "boston", "chicago", "denver", "seattle", "austin", "miami", "london", "paris", "berlin", "madrid",
        "rome", "tokyo", "dublin", "toronto",
    ];

    public static IReadOnlyList<string> UserNames { get; } =
    [
        "jsmith", "mgarcia", "dlee", "akumar", "swilson", "rbrown", "lchen", "kjohnson", "pmartin", "ewhite",
        "tnguyen", "cmiller", "jdavis", "nlopez", "bclark", "hlewis", "ywang", "mrobinson", "gwalker", "fhall",
        "oallen", "iyoung", "vking", "wwright", "zscott", "agreen", "sbaker", "dadams", "knelson", "rhill",
    ];

    public static IReadOnlyList<string> Groups { get; } =
    [
        @"CORP\Finance", @"CORP\Engineering", @"CORP\Sales", @"CORP\Marketing", @"CORP\HR", @"CORP\IT", @"CORP\Legal",
    ];

    /// <summary>Browser user agents of mid-2016 with the share of desktops running each.</summary>
    public static IReadOnlyList<(string Agent, double Share)> Browsers { get; } =
    [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36", 0.30),
        ("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.106 Safari/537.36", 0.20),
        ("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", 0.18),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:47.0) Gecko/20100101 Firefox/47.0", 0.12),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.79 Safari/537.36 Edge/14.14393", 0.08),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/601.6.17 (KHTML, like Gecko) Version/9.1.1 Safari/601.6.17", 0.07),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/51.0.2704.103 Safari/537.36", 0.05),
    ];

    public const string CryptoApi = "Microsoft-CryptoAPI/6.1";

    public const string Bits = "Microsoft BITS/7.5";

    /// <summary>The dated agent the beaconing malware sends.</summary>
    public const string Malware = "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.1; Trident/7.0)";

    public static T Pick<T>(this IReadOnlyList<T> items, Random rng) => items[rng.Next(items.Count)];

    public static string Slug(Random rng, int count) =>
        string.Join('-', Enumerable.Range(0, count).Select(_ => Common.Pick(rng)));

    public static string Hex(Random rng, int digits) =>
        string.Concat(Enumerable.Range(0, digits).Select(_ => "0123456789abcdef"[rng.Next(16)]));
}
