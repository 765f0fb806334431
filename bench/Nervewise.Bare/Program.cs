// Nothing but the host: what this machine can answer at most, so the app's figures read as a fraction of it.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "");
app.Run();
