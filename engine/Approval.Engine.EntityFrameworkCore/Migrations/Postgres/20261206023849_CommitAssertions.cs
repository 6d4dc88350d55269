using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Engine.EntityFrameworkCore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommitAssertions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A commit goes to PostgreSQL as one batch in one implicit transaction (one round trip, no separate COMMIT).
            // Its guarded statements (the instance's revision, a bookmark still there, a task still open) check their own
            // row counts with this function, so a stale commit fails inside the batch and nothing of it is kept.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION approval_expect_rows(actual bigint, expected integer, step integer) RETURNS integer
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF actual <> expected THEN
                        RAISE EXCEPTION 'approval commit step % touched % rows, expected %', step, actual, expected USING ERRCODE = 'AP409';
                    END IF;
                    RETURN step;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS approval_expect_rows(bigint, integer, integer);");
        }
    }
}
