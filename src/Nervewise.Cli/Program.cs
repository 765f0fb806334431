using Nervewise.Cli;

return await NervewiseCli.RunAsync(args, Console.Out, Console.Error);
