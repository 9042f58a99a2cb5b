using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tables.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveTopics",
                columns: table => new
                {
                    Topic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveTopics", x => x.Topic);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveTopics");
        }
    }
}
