using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialBookmarkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Kind_ResumeAt",
                table: "Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_SignalName_CorrelationId",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Kind_ResumeAt",
                table: "Bookmarks",
                columns: new[] { "Kind", "ResumeAt" },
                filter: "\"ResumeAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_SignalName_CorrelationId",
                table: "Bookmarks",
                columns: new[] { "SignalName", "CorrelationId" },
                filter: "\"SignalName\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_Kind_ResumeAt",
                table: "Bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_Bookmarks_SignalName_CorrelationId",
                table: "Bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_Kind_ResumeAt",
                table: "Bookmarks",
                columns: new[] { "Kind", "ResumeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookmarks_SignalName_CorrelationId",
                table: "Bookmarks",
                columns: new[] { "SignalName", "CorrelationId" });
        }
    }
}
