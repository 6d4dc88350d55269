using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A plain rowid table, not WITHOUT ROWID: a segment is a kilobyte or two, and in a WITHOUT ROWID table a row
            // that large spills onto an overflow page of its own.
            migrationBuilder.CreateTable(
                name: "JournalSegments",
                columns: table => new
                {
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalSegments", x => new { x.InstanceId, x.FirstSequence });
                });

            // Lines already written become one-line segments, field for field, so their hashes still verify.
            migrationBuilder.Sql("""
                INSERT INTO "JournalSegments" ("InstanceId", "FirstSequence", "LastSequence", "Lines")
                SELECT "InstanceId", "Sequence", "Sequence",
                       json_array(json_object('seq', "Sequence", 'at', "At", 'event', "Event", 'activityId', "ActivityId",
                                              'activityType', "ActivityType", 'actor', "Actor", 'data', json("Data"), 'hash', "Hash"))
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
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: true),
                    Event = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => new { x.InstanceId, x.Sequence });
                });

            migrationBuilder.Sql("""
                INSERT INTO "JournalEntries" ("InstanceId", "Sequence", "At", "Event", "ActivityId", "ActivityType", "Actor", "Data", "Hash")
                SELECT s."InstanceId", json_extract(l.value, '$.seq'), replace(replace(json_extract(l.value, '$.at'), 'T', ' '), 'Z', ''),
                       json_extract(l.value, '$.event'), json_extract(l.value, '$.activityId'), json_extract(l.value, '$.activityType'),
                       json_extract(l.value, '$.actor'), json_extract(l.value, '$.data'), json_extract(l.value, '$.hash')
                FROM "JournalSegments" s, json_each(s."Lines") l;
                """);

            migrationBuilder.DropTable(
                name: "JournalSegments");
        }
    }
}
