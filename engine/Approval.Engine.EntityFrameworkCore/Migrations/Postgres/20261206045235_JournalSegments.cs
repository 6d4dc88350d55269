using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "JournalSegments",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstSequence = table.Column<int>(type: "integer", nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalSegments", x => new { x.InstanceId, x.FirstSequence });
                });

            // Lines already written become one-line segments, field for field (data as stored), so their hashes still verify.
            migrationBuilder.Sql("""
                INSERT INTO "JournalSegments" ("InstanceId", "FirstSequence", "LastSequence", "Lines")
                SELECT "InstanceId", "Sequence", "Sequence",
                       json_build_array(json_build_object('seq', "Sequence", 'at', to_char("At" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                                          'event', "Event", 'activityId', "ActivityId", 'activityType', "ActivityType",
                                                          'actor', "Actor", 'data', "Data", 'hash', "Hash"))
                FROM "JournalEntries";
                """);

            migrationBuilder.DropTable(
                name: "JournalEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ActivityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "json", nullable: true),
                    Event = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => new { x.InstanceId, x.Sequence });
                });

            migrationBuilder.Sql("""
                INSERT INTO "JournalEntries" ("InstanceId", "Sequence", "At", "Event", "ActivityId", "ActivityType", "Actor", "Data", "Hash")
                SELECT s."InstanceId", (l->>'seq')::int, (l->>'at')::timestamp AT TIME ZONE 'UTC', l->>'event', l->>'activityId', l->>'activityType',
                       l->>'actor', CASE WHEN json_typeof(l->'data') = 'object' THEN l->'data' END, l->>'hash'
                FROM "JournalSegments" s, json_array_elements(s."Lines") l;
                """);

            migrationBuilder.DropTable(
                name: "JournalSegments");
        }
    }
}
