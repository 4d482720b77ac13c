using LiveGrains.LoadGen;
using LiveGrains.LoadGen.Cli;

var (options, error) = OptionsParser.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await LoadGenApp.RunAsync(options, Console.Out, cancel.Token);
