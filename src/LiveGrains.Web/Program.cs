using LiveGrains.Web.Apis;
using LiveGrains.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLiveGrainsWeb();

var app = builder.Build();
app.UseLiveGrainsWeb();
app.MapLiveApi();
app.Run();

/// <summary>Entry point, public so integration tests can host the real app.</summary>
public partial class Program;
