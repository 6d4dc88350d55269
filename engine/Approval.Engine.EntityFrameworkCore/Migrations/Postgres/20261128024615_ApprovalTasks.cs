using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApprovalTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActivityType",
                table: "WorkItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DelegatedBy",
                table: "WorkItems",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActivityType",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "DelegatedBy",
                table: "WorkItems");
        }
    }
}
