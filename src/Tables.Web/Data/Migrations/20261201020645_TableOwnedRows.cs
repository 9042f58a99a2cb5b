using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tables.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TableOwnedRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TableId",
                table: "Votes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TableId",
                table: "PhaseChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TableId",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TableId",
                table: "Ideas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TableId",
                table: "ForumActivities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows already stored take the table of the forum, ballot or cycle they belong to.
            migrationBuilder.Sql("UPDATE Votes SET TableId = (SELECT b.TableId FROM Ballots b WHERE b.Id = Votes.BallotId);");
            migrationBuilder.Sql("UPDATE PhaseChanges SET TableId = (SELECT c.TableId FROM Cycles c WHERE c.Id = PhaseChanges.CycleId);");
            migrationBuilder.Sql("UPDATE Participants SET TableId = (SELECT f.TableId FROM Forums f WHERE f.Id = Participants.ForumId);");
            migrationBuilder.Sql("UPDATE Ideas SET TableId = (SELECT f.TableId FROM Forums f WHERE f.Id = Ideas.ForumId);");
            migrationBuilder.Sql("UPDATE ForumActivities SET TableId = (SELECT f.TableId FROM Forums f WHERE f.Id = ForumActivities.ForumId);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TableId",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "TableId",
                table: "PhaseChanges");

            migrationBuilder.DropColumn(
                name: "TableId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "TableId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "TableId",
                table: "ForumActivities");
        }
    }
}
