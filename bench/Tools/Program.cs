using Recents.Bench.Tools;

// The benchmark's helpers, called by bench/run.sh: see each command's summary.
return args.FirstOrDefault() switch
{
    "world" => WorldCommand.Run(new Arguments(args.Skip(1))),
    "storage-ceiling" => await StorageCeilingCommand.RunAsync(new Arguments(args.Skip(1))),
    "activate" => await ActivateCommand.RunAsync(new Arguments(args.Skip(1))),
    "silo-state" => await SiloStateCommand.RunAsync(new Arguments(args.Skip(1))),
    "fill" => await FillCommand.RunAsync(new Arguments(args.Skip(1))),
    "wrk-summary" => WrkSummaryCommand.Run(new Arguments(args.Skip(1))),
    "table" => TableCommand.Run(new Arguments(args.Skip(1))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Recents.Bench.Tools world|storage-ceiling|activate|silo-state|fill|wrk-summary|table --name value ...");
    return 2;
}
