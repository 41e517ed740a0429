using Alpy.Cli;

return await AlpyCommand.RunAsync(args, CliConsole.System);
