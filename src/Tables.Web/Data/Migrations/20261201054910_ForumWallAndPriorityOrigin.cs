using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tables.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ForumWallAndPriorityOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OptionToken",
                table: "Priorities",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WallBallotId",
                table: "Forums",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OptionToken",
                table: "Priorities");

            migrationBuilder.DropColumn(
                name: "WallBallotId",
                table: "Forums");
        }
    }
}
