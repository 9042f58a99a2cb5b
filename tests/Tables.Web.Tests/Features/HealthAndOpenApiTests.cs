namespace Tables.Web.Tests.Features;

public sealed class HealthAndOpenApiTests : IClassFixture<TablesAppFactory>
{
    private readonly TablesAppFactory _app;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HealthAndOpenApiTests(TablesAppFactory app) => _app = app;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        Assert.Equal("Healthy", await _app.Client().GetStringAsync(path, Ct));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_table_endpoints()
    {
        var document = await _app.Client().GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("\"/api/tables\"", document);
        Assert.Contains("\"/api/tables/{slug}/cycles\"", document);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _app.Client().GetAsync("/", Ct);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
