using ProxyThreat.SampleData;

// Usage: dotnet run --project tools/ProxyThreat.SampleData -- [--out samples]
var output = "samples";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        output = args[++i];
    }
    else
    {
        await Console.Error.WriteLineAsync("usage: ProxyThreat.SampleData [--out <folder>]");
        return 2;
    }
}

await SampleGenerator.GenerateAsync(output, CancellationToken.None);
Console.WriteLine($"sample written to {Path.GetFullPath(output)}");
return 0;
