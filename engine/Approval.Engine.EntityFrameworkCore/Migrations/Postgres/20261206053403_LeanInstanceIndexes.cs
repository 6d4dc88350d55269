using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeanInstanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_UpdatedAt",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                table: "WorkflowInstances",
                column: "ParentInstanceId",
                filter: "\"ParentInstanceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_Status",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ParentInstanceId",
                table: "WorkflowInstances",
                column: "ParentInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_UpdatedAt",
                table: "WorkflowInstances",
                columns: new[] { "Status", "UpdatedAt" });
        }
    }
}
