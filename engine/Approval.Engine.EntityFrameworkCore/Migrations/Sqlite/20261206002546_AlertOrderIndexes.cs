using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalClocks_Department_Status",
                table: "LegalClocks");

            migrationBuilder.CreateIndex(
                name: "IX_LegalClocks_Department_Status_CommittedDueDate_InstanceId",
                table: "LegalClocks",
                columns: new[] { "Department", "Status", "CommittedDueDate", "InstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalClocks_Status_CommittedDueDate_InstanceId",
                table: "LegalClocks",
                columns: new[] { "Status", "CommittedDueDate", "InstanceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LegalClocks_Department_Status_CommittedDueDate_InstanceId",
                table: "LegalClocks");

            migrationBuilder.DropIndex(
                name: "IX_LegalClocks_Status_CommittedDueDate_InstanceId",
                table: "LegalClocks");

            migrationBuilder.CreateIndex(
                name: "IX_LegalClocks_Department_Status",
                table: "LegalClocks",
                columns: new[] { "Department", "Status" });
        }
    }
}
