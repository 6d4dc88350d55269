using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedVersionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_DefinitionId_IsLatest",
                table: "DefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_DefinitionId_IsPublished",
                table: "DefinitionVersions");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_Latest",
                table: "DefinitionVersions",
                column: "DefinitionId",
                filter: "\"IsLatest\"");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_Published",
                table: "DefinitionVersions",
                column: "DefinitionId",
                filter: "\"IsPublished\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_Latest",
                table: "DefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_DefinitionVersions_Published",
                table: "DefinitionVersions");

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_DefinitionId_IsLatest",
                table: "DefinitionVersions",
                columns: new[] { "DefinitionId", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_DefinitionVersions_DefinitionId_IsPublished",
                table: "DefinitionVersions",
                columns: new[] { "DefinitionId", "IsPublished" });
        }
    }
}
