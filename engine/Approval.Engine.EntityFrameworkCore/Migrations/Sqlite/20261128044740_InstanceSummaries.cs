using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "StoppedOn",
                table: "LegalClocks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingDaysUsed",
                table: "LegalClocks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "InstanceSummaries",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Returned = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClockRunning = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkingDaysUsed = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceSummaries", x => x.InstanceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceSummaries_Department_StartedAt",
                table: "InstanceSummaries",
                columns: new[] { "Department", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceSummaries_Report",
                table: "InstanceSummaries",
                columns: new[] { "StartedAt", "Department", "Subject", "StartedBy", "Category", "Returned", "ClockRunning", "DueDate", "ClosedOn", "WorkingDaysUsed" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceSummaries_StartedBy_StartedAt",
                table: "InstanceSummaries",
                columns: new[] { "StartedBy", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InstanceSummaries_Subject_StartedAt",
                table: "InstanceSummaries",
                columns: new[] { "Subject", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceSummaries");

            migrationBuilder.DropColumn(
                name: "StoppedOn",
                table: "LegalClocks");

            migrationBuilder.DropColumn(
                name: "WorkingDaysUsed",
                table: "LegalClocks");
        }
    }
}
