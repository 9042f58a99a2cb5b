using Tables.Web;
using Tables.Web.Data;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Hosting;
using Tables.Web.Features.Jobs;
using Tables.Web.Features.Live;
using Tables.Web.Features.Localization;
using Tables.Web.Features.Mail;
using Tables.Web.Features.Members;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Priorities;
using Tables.Web.Features.Reports;
using Tables.Web.Features.Samples;
using Tables.Web.Features.Tables;
using Tables.Web.Features.Tally;

var builder = WebApplication.CreateBuilder(args);
builder.AddTablesHost();
builder.AddTablesSecurity();
builder.AddTablesData();
builder.AddTablesLocalization();
builder.AddAccounts();
builder.AddMail();
builder.AddJobs();
builder.AddTables();
builder.AddMembers();
builder.AddCycles();
builder.AddPortrait();
builder.AddLive();
builder.AddForums();
builder.AddPriorities();
builder.AddActionPlan();
builder.AddReports();
builder.AddBallots();
builder.AddTally();
builder.AddSamples();

var app = builder.Build();
if (AdminCommand.IsCommand(args))
{
    return await app.RunAdminCommandAsync(args); // e.g. "admin create someone@example.org"
}
app.UseTablesSecurity();
app.UseTablesHost();
app.MapTablesLocalization();
app.MapAccounts();
app.MapTables();
app.MapMembers();
app.MapCycles();
app.MapPortrait();
app.MapLive();
app.MapForums();
app.MapPriorities();
app.MapActionPlan();
app.MapReports();
app.MapBallots();
app.MapTally();
app.MapTablesPages();
try
{
    await app.RunAsync();
}
catch (DatabaseUnavailableException)
{
    return 1; // a corrupt, locked or unreadable database: the log names the file and what to do
}
return 0;

/// <summary>Entry point, public for the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
