using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nege.Candidates.Migrations
{
    /// <inheritdoc />
    public partial class AuditPurge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log stays append-only, except for its own purge: a transaction that names the purge's limit
            // (nege.audit_purge_before) may delete the lines older than it, and nothing else.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND coalesce(current_setting('nege.audit_purge_before', true), '') <> ''
                       AND OLD.at < current_setting('nege.audit_purge_before', true)::timestamptz THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'personal_data_reads is append-only';
                END $$;
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'personal_data_reads is append-only';
                END $$;
                """);

        }
    }
}
