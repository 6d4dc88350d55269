using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_InstanceId_CreatedAt",
                table: "Documents");

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "Documents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_InstanceId_Sequence",
                table: "Documents",
                columns: new[] { "InstanceId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_InstanceId_Sequence",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Documents");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_InstanceId_CreatedAt",
                table: "Documents",
                columns: new[] { "InstanceId", "CreatedAt" });
        }
    }
}
