// Minimal entry point of the feeds worktree; the main branch wires FeedsCommand into the real root.
return await new System.CommandLine.RootCommand("DuLuan") { DuLuan.Cli.FeedsCommand.Create() }.Parse(args).InvokeAsync();
