return await DuLuan.Cli.CommandLine.Root().Parse(args).InvokeAsync();
